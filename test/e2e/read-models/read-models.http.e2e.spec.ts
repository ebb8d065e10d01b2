import { writeFileSync } from 'node:fs';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { gigDecider } from '../../../src/domain/catalog';
import { orderDecider } from '../../../src/domain/orders';
import { Pool } from 'pg';
import { PG_POOL } from '../../../src/infrastructure/database/database.tokens';
import { allProjections } from '../../../src/projections/all-projections';
import { ProjectionsService } from '../../../src/projections/projections.service';
import { bulkPostgresReader } from '../../../src/projections/runner/bulk-log-reader';
import { rebuildProjections } from '../../../src/projections/runner/rebuild';
import { snapshotProjections } from './support/harness';
import { startTestApp, TestApp } from '../../support/test-app';
import { MarketplaceSim, SimOrder } from './support/marketplace-sim';
import { appendLog } from './support/sim-core';

/** The read models through HTTP, fed by a scripted history appended straight to the log. */
describe('read models over HTTP', () => {
  let t: TestApp;
  let store: EventStore;
  const sim = new MarketplaceSim(3);
  let seller: string;
  let sellerRef: string;
  let b1: string;
  let b2: string;
  let done: SimOrder;
  let waiting: SimOrder;
  let late: SimOrder;
  let contested: SimOrder;
  const settle = () => t.app.get(ProjectionsService).settle();
  const token = (
    accountId: string,
    role: 'client' | 'provider' | 'mediator' | 'finance' | 'admin',
  ) => t.tokenFor({ accountId, roles: [role] });

  beforeAll(async () => {
    // Workers stay off: their reactors would answer the scripted events with events of their own.
    t = await startTestApp({ PROCESS_ROLES: 'api,projectors' });
    store = t.app.get(EVENT_STORE);
    seller = sim.register('seller');
    b1 = sim.register('buyer');
    b2 = sim.register('buyer');
    sim.createGig(seller);
    sim.createGig(seller);
    // A draft is never shown in search.
    sim.exec(
      gigDecider,
      'gig-0d0d0d0d-0000-4000-a000-000000000001',
      (meta) => ({
        type: 'CreateGig' as const,
        meta,
        data: {
          gigId: '0d0d0d0d-0000-4000-a000-000000000001',
          kind: 'package' as const,
          title: 'Logo brouillon',
          priceCents: 3_000,
          category: 'graphisme',
          description: 'Pas encore publié.',
          keywords: [],
          deliveryDays: 2,
          extras: [],
        },
      }),
      { id: seller, role: 'provider' },
    );
    sim.gigs[0] = { ...sim.gigs[0], priceCents: 5_000 };
    sim.gigs[1] = { ...sim.gigs[1], priceCents: 12_000 };
    done = sim.placeOrder(b1, sim.gigs[0], 'catalog')!;
    sim.deliver(done);
    sim.accept(done);
    sim.exec(
      orderDecider,
      `order-${done.orderId}`,
      (meta) => ({
        type: 'LeaveReview' as const,
        meta,
        data: { orderId: done.orderId, rating: 5, comment: 'Excellent travail' },
      }),
      { id: b1, role: 'client' },
    );
    waiting = sim.placeOrder(b1, sim.gigs[1], 'catalog')!;
    late = sim.placeOrder(b2, sim.gigs[0], 'catalog')!;
    sim.exec(
      orderDecider,
      `order-${late.orderId}`,
      (meta) => ({
        type: 'StartOrder' as const,
        meta,
        data: { orderId: late.orderId, sellerVerified: true, missingDocuments: [] },
      }),
      { id: seller, role: 'provider' },
    );
    const mutual = sim.placeOrder(b2, sim.gigs[0], 'catalog')!;
    sim.exec(
      orderDecider,
      `order-${mutual.orderId}`,
      (meta) => ({
        type: 'StartOrder' as const,
        meta,
        data: { orderId: mutual.orderId, sellerVerified: true, missingDocuments: [] },
      }),
      { id: seller, role: 'provider' },
    );
    sim.exec(
      orderDecider,
      `order-${mutual.orderId}`,
      (meta) => ({
        type: 'RequestCancellation' as const,
        meta,
        data: { orderId: mutual.orderId, reason: 'Indisponible' },
      }),
      { id: seller, role: 'provider' },
    );
    sim.exec(
      orderDecider,
      `order-${mutual.orderId}`,
      (meta) => ({ type: 'AcceptCancellation' as const, meta, data: { orderId: mutual.orderId } }),
      { id: b2, role: 'client' },
    );
    sim.refundPart(mutual, 5_000);
    contested = sim.placeOrder(b1, sim.gigs[1], 'catalog')!;
    sim.deliver(contested);
    sim.contestOrder(contested);
    sim.withdraw(seller);
    await appendLog(store, sim.log);
    await settle();
    sellerRef = (
      sim.log.find(
        (l) =>
          l.event.type === 'AccountRegistered' &&
          (l.event.data as { accountId: string }).accountId === seller,
      )!.event.data as { providerReference: string }
    ).providerReference;
  });
  afterAll(async () => t.close());

  it('shows the buyer their orders by status with the seed’s labels, amounts and due dates', async () => {
    const res = await t.request('GET', '/dashboard/buyer', { token: await token(b1, 'client') });
    expect(res.status).toBe(200);
    expect(res.body.statuses).toEqual(
      expect.arrayContaining([
        { status: 'completed', label: 'Terminé', subLabel: null, count: 1 },
        {
          status: 'awaiting_start',
          label: 'Actif',
          subLabel: 'En attente de démarrage',
          count: 1,
        },
        { status: 'contested', label: 'Contesté', subLabel: null, count: 1 },
        { status: 'delivered', label: 'Délivré', subLabel: null, count: 0 },
      ]),
    );
    const completed = res.body.orders.find((o: { orderId: string }) => o.orderId === done.orderId);
    expect(completed).toMatchObject({
      status: 'completed',
      statusLabel: 'Terminé',
      amountCents: 5_000,
      rating: 5,
      seller: { accountId: seller, providerReference: sellerRef },
    });
    expect(completed.seller.displayName).toMatch(/^Expert /);
    const filtered = await t.request('GET', '/dashboard/buyer?status=awaiting_start', {
      token: await token(b1, 'client'),
    });
    expect(filtered.body.orders.map((o: { orderId: string }) => o.orderId)).toEqual([
      waiting.orderId,
    ]);
    const bad = await t.request('GET', '/dashboard/buyer?status=bogus', {
      token: await token(b1, 'client'),
    });
    expect({ status: bad.status, code: bad.body.code }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
  });

  it('shows the seller orders to start, due and late orders, and earnings', async () => {
    const res = await t.request('GET', '/dashboard/seller', {
      token: await token(seller, 'provider'),
    });
    expect(res.status).toBe(200);
    expect(res.body.toStart.map((o: { orderId: string }) => o.orderId)).toEqual([waiting.orderId]);
    expect(res.body.late.map((o: { orderId: string }) => o.orderId)).toEqual([late.orderId]);
    expect(res.body.late[0].deliveryDueAt).toEqual(expect.any(String));
    expect(res.body.earnings).toMatchObject({
      earnedCents: 4_500,
      commissionCents: 500,
      completedOrders: 1,
    });
  });

  it('shows the seller wallet: available, held in escrow, paid out', async () => {
    const res = await t.request('GET', '/dashboard/wallet', {
      token: await token(seller, 'provider'),
    });
    expect(res.status).toBe(200);
    expect(res.body.heldInEscrowCents).toBe(12_000 + 5_000 + 12_000);
    expect(res.body.availableCents + res.body.inTransitCents + res.body.paidOutCents).toBe(4_500);
    expect(res.body.payouts).toHaveLength(1);
  });

  it('searches published gigs only, by category, words and price, sorted by rating or price', async () => {
    const all = await t.request('GET', '/search/gigs');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    const byPrice = await t.request('GET', '/search/gigs?sort=price_desc');
    expect(byPrice.body.items.map((g: { priceCents: number }) => g.priceCents)).toEqual(
      [...byPrice.body.items.map((g: { priceCents: number }) => g.priceCents)].sort(
        (a, b) => b - a,
      ),
    );
    const rated = await t.request('GET', '/search/gigs?sort=rating');
    expect(rated.body.items[0]).toMatchObject({
      gigId: sim.gigs[0].gigId,
      rating: { average: 5, count: 1 },
    });
    const category = sim.log.find((l) => l.event.type === 'GigCreated')!.event.data as {
      gigId: string;
      details: { category: string };
    };
    const inCategory = await t.request('GET', `/search/gigs?category=${category.details.category}`);
    expect(inCategory.body.items.map((g: { gigId: string }) => g.gigId)).toContain(category.gigId);
    expect(
      inCategory.body.items.every(
        (g: { category: string }) => g.category === category.details.category,
      ),
    ).toBe(true);
    const range = await t.request(`GET`, `/search/gigs?minPriceCents=1&maxPriceCents=1`);
    expect(range.body.total).toBe(0);
    const words = await t.request(
      'GET',
      `/search/gigs?q=${encodeURIComponent(sim.gigs[0].title.split(' ')[0].normalize('NFD').replace(/\p{M}/gu, ''))}`,
    );
    expect(words.body.items.map((g: { gigId: string }) => g.gigId)).toContain(sim.gigs[0].gigId);
    const inverted = await t.request('GET', '/search/gigs?minPriceCents=10&maxPriceCents=1');
    expect({ status: inverted.status, code: inverted.body.code }).toEqual({
      status: 400,
      code: 'PRICE_RANGE_INVERTED',
    });
  });

  it('shows a provider profile with rating, completed orders and cancellation marks', async () => {
    const res = await t.request('GET', `/profiles/${sellerRef.toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      accountId: seller,
      providerReference: sellerRef,
      rating: { average: 5, count: 1 },
      completedOrders: 1,
      cancellationMarks: 1,
    });
    expect(res.body.recentReviews[0]).toMatchObject({ rating: 5, comment: 'Excellent travail' });
    const missing = await t.request('GET', '/profiles/PR-ZZZZZ');
    expect({ status: missing.status, code: missing.body.code }).toEqual({
      status: 404,
      code: 'PROFILE_NOT_FOUND',
    });
  });

  it('gives mediators the queue of open disputes, oldest first, with amount held, parties and deadline', async () => {
    const res = await t.request('GET', '/mediation/queue', {
      token: await token('00000000-0000-4000-a000-00000000000e', 'mediator'),
    });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      subject: { kind: 'order', id: contested.orderId },
      heldCents: 12_000,
      reasonLabel: 'Non conforme à la description',
      buyer: { accountId: b1 },
      seller: { accountId: seller },
      responseDueAt: expect.any(String),
    });
    expect(res.body.items[0].ageMs).toBeGreaterThan(0);
    const resolved = await t.request('GET', '/mediation/queue?status=resolved', {
      token: await token('00000000-0000-4000-a000-00000000000e', 'mediator'),
    });
    expect(resolved.body.items).toEqual([]);
  });

  it('gives finance a trial balance that sums to zero', async () => {
    const res = await t.request('GET', '/finance/trial-balance', {
      token: await token('00000000-0000-4000-a000-0000000000f1', 'finance'),
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      balanced: true,
      totals: { balanceCents: 0 },
      unbalancedEntries: 0,
    });
    const held = res.body.accounts.find(
      (a: { account: string }) => a.account === 'buyer_funds_held',
    );
    expect(held.balanceCents).toBe(-(12_000 + 5_000 + 12_000));
  });

  it('lists the caller’s invoices and serves their PDF to the parties only', async () => {
    const mine = await t.request('GET', '/invoices', { token: await token(seller, 'provider') });
    expect(mine.body.items.map((i: { subject: string }) => i.subject).sort()).toEqual([
      'commission',
      'service',
    ]);
    const buyers = await t.request('GET', '/invoices', { token: await token(b1, 'client') });
    expect(buyers.body.items).toHaveLength(1);
    const invoice = buyers.body.items[0];
    expect(invoice).toMatchObject({
      subject: 'service',
      underMandate: true,
      totalTtcCents: 5_000,
      vatRateBp: 2_000,
      vatCents: 833,
      totalHtCents: 4_167,
    });
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/invoices/${invoice.invoiceId}.pdf`,
      headers: { authorization: `Bearer ${await token(b1, 'client')}` },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    if (process.env.INVOICE_SAMPLE_PDF)
      writeFileSync(process.env.INVOICE_SAMPLE_PDF, pdf.rawPayload);
    const stranger = await t.request('GET', `/invoices/${invoice.invoiceId}.pdf`, {
      token: await token(b2, 'client'),
    });
    expect({ status: stranger.status, code: stranger.body.code }).toEqual({
      status: 403,
      code: 'NOT_INVOICE_PARTY',
    });
    const financeView = await t.request('GET', `/invoices/${invoice.invoiceId}`, {
      token: await token('00000000-0000-4000-a000-0000000000f1', 'finance'),
    });
    expect(financeView.body.number).toBe(invoice.number);
    const unknown = await t.request('GET', '/invoices/00000000-0000-4000-a000-000000000000.pdf', {
      token: await token(b1, 'client'),
    });
    expect(unknown.status).toBe(404);
  });

  it('reports every projection’s position and lag on /health and /admin/projections', async () => {
    const health = await t.request('GET', '/health');
    expect(health.body.details.projections.status).toBe('up');
    expect(health.body.details.projections.projections).toHaveLength(allProjections().length);
    const admin = await t.request('GET', '/admin/projections', {
      token: await token('00000000-0000-4000-a000-0000000000ad', 'admin'),
    });
    expect(admin.status).toBe(200);
    for (const p of admin.body.projections)
      expect(p).toMatchObject({ state: 'running', behind: 0, lagMs: 0, current: true });
  });

  it('rebuilds through the bulk reader to the same rows, personal data decrypted by the application’s store', async () => {
    const pool = t.app.get<Pool>(PG_POOL);
    const projections = t.app.get(ProjectionsService).projections;
    const live = await snapshotProjections(pool, projections);
    expect(live['orders.parties'].join()).toContain('Expert ');
    await rebuildProjections(store, pool, projections, { reader: bulkPostgresReader(pool, store) });
    expect(await snapshotProjections(pool, projections)).toEqual(live);
  });

  it('drops an erased buyer’s personal data from the read models', async () => {
    const before = sim.log.length;
    sim.erase(b1);
    await appendLog(store, sim.log, before);
    await settle();
    const res = await t.request('GET', '/dashboard/seller', {
      token: await token(seller, 'provider'),
    });
    const order = res.body.toStart.find((o: { orderId: string }) => o.orderId === waiting.orderId);
    expect(order.buyer).toEqual({
      accountId: b1,
      displayName: null,
      providerReference: null,
      erased: true,
    });
    const invoices = await t.request('GET', '/invoices', { token: await token(b1, 'client') });
    expect(invoices.body.items[0].recipient).toMatchObject({
      accountId: b1,
      name: null,
      address: null,
    });
    const profile = await t.request('GET', `/profiles/${seller}`);
    expect(profile.body.recentReviews[0].comment).toBeNull();
  });
});
