import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import {
  EVENT_STORE,
  EventStore,
  RecordedEvent,
} from '../../../src/application/shared/event-store.port';
import { accountDecider } from '../../../src/domain/identity';
import {
  HourPackHistory,
  periodTerms,
  recorded,
  SubscriptionHistory,
} from '../../../src/projections/plan-finance/plan-sales.fixtures.spec';
import { PG_POOL } from '../../../src/infrastructure/database/database.tokens';
import { parisDate } from '../../../src/projections/invoices/invoice-numbering';
import { revenueByMonth } from '../../../src/projections/ledger/ledger.queries';
import { startTestApp, TestApp } from '../../support/test-app';
import { MarketplaceSim } from '../read-models/support/marketplace-sim';
import { appendLog } from '../read-models/support/sim-core';

const DAY = 86_400_000;

/**
 * Issue 15, points 7 and 8 (finance): the platform's own invoices for subscriptions and hour
 * packs, over HTTP, and finance's views (revenue per month, renewals due, incidents). The plans'
 * events are appended straight to the log, as their contexts will store them.
 */
describe('plan billing over HTTP', () => {
  let t: TestApp;
  let store: EventStore;
  const now = Date.now();
  const at = (days: number) => new Date(now + days * DAY).toISOString();
  const sim = new MarketplaceSim(15);
  let provider: string;
  let client: string;
  const planId = `plan-pro-${randomUUID().slice(0, 8)}`;
  // Running, ends in 3 days: renews (at the revised price).
  let renewing: SubscriptionHistory;
  // Credits, ends in 20 days.
  let later: SubscriptionHistory;
  let cancelled: SubscriptionHistory;
  let paused: SubscriptionHistory;
  let incident: SubscriptionHistory;
  let suspended: SubscriptionHistory;
  let pack: HourPackHistory;
  const events: RecordedEvent[] = [];
  let financeToken: string;

  const append = async (e: RecordedEvent) => {
    const correlationId = randomUUID();
    await store.appendToStream(e.streamName, [
      {
        id: e.id,
        type: e.type,
        data: e.data,
        metadata: {
          correlationId,
          causationId: correlationId,
          actorId: 'system',
          actorRole: 'system',
          ...e.metadata,
        },
      },
    ]);
  };

  beforeAll(async () => {
    t = await startTestApp({ PROCESS_ROLES: 'api,projectors' });
    store = t.app.get(EVENT_STORE);
    provider = sim.register('seller');
    client = sim.register('buyer');
    sim.exec(
      accountDecider,
      `account-${provider}`,
      (meta) => ({
        type: 'UpdateProfile' as const,
        meta,
        data: {
          address: {
            line1: '8 quai Saint-Vincent',
            line2: null,
            postalCode: '69001',
            city: 'Lyon',
            country: 'FR',
          },
        },
      }),
      { id: provider, role: 'provider' },
    );
    await appendLog(store, sim.log);

    const plan = `plan-${planId}`;
    events.push(
      recorded(plan, 0, 'PlanDefined', {
        planId,
        kind: 'pro',
        name: 'Pro',
        description: 'Visibilité',
        version: 1,
        terms: {
          priceTtcCents: 2_990,
          period: 'month',
          benefits: ['Profil mis en avant'],
          credits: { consultation: 0, offer: 0, direct_contact: 0 },
          hourPack: null,
        },
        definedBy: 'admin',
        definedAt: at(-40),
      }),
      recorded(plan, 1, 'PlanRevised', {
        planId,
        version: 2,
        name: 'Pro',
        description: 'Visibilité',
        terms: {
          priceTtcCents: 3_490,
          period: 'month',
          benefits: ['Profil mis en avant'],
          credits: { consultation: 0, offer: 0, direct_contact: 0 },
          hourPack: null,
        },
        revisedBy: 'admin',
        revisedAt: at(-1),
      }),
    );
    renewing = new SubscriptionHistory(randomUUID(), provider, planId, 'pro', 'Pro');
    events.push(renewing.started(periodTerms(1, at(-27), at(3), 2_990)));
    later = new SubscriptionHistory(
      randomUUID(),
      provider,
      'plan-credits',
      'credits',
      'Crédits Essentiel',
    );
    events.push(later.started(periodTerms(1, at(-10), at(20), 4_990)));
    cancelled = new SubscriptionHistory(randomUUID(), randomUUID(), planId);
    events.push(
      cancelled.started(periodTerms(1, at(-28), at(2), 2_990)),
      cancelled.cancelled(at(-5), at(-5)),
    );
    paused = new SubscriptionHistory(randomUUID(), randomUUID(), planId);
    events.push(
      paused.started(periodTerms(1, at(-28), at(2), 2_990)),
      paused.pauseScheduled(at(2), at(32), at(-3)),
    );
    incident = new SubscriptionHistory(randomUUID(), randomUUID(), planId);
    events.push(
      incident.started(periodTerms(1, at(-31), at(-1), 2_990)),
      incident.renewalFailed(2, 1, 3_490, at(-1), at(1)),
    );
    suspended = new SubscriptionHistory(randomUUID(), randomUUID(), planId);
    events.push(
      suspended.started(periodTerms(1, at(-36), at(-6), 2_990)),
      suspended.renewalFailed(2, 1, 2_990, at(-6), at(-5)),
      suspended.renewalFailed(2, 2, 2_990, at(-5), null),
      suspended.suspended(2, at(-5)),
    );
    const serviceTypeId = `menage-${randomUUID().slice(0, 6)}`;
    events.push(
      recorded(`service-type-${serviceTypeId}`, 0, 'ServiceTypeCreated', {
        serviceTypeId,
        label: 'Ménage',
        description: 'Ménage à domicile',
        category: 'home',
        createdBy: 'admin',
        createdAt: at(-50),
      }),
    );
    pack = new HourPackHistory(randomUUID(), client, serviceTypeId, 600);
    events.push(pack.purchased(25_000, at(-4), at(180)));
    events.push(pack.refunded(12_500, 300, at(-1), 'withdrawal'));
    for (const e of events) await append(e);
    await t.settle();
    financeToken = await t.tokenFor({ roles: ['finance'] });
  });
  afterAll(async () => t.close());

  const dmy = (iso: string) => parisDate(iso).split('-').reverse().join('/');

  it('shows the subscriber its subscription invoices, issued by the platform in the F series with VAT 20 % included', async () => {
    const token = await t.tokenFor({ accountId: provider, roles: ['provider'] });
    const res = await t.request('GET', '/invoices', { token });
    expect(res.status).toBe(200);
    const mine = res.body.items.filter((i: any) => i.subject === 'subscription');
    expect(mine).toHaveLength(2);
    const pro = mine.find((i: any) => i.saleId === renewing.subscriptionId);
    expect(pro).toMatchObject({
      kind: 'invoice',
      subject: 'subscription',
      underMandate: false,
      orderId: null,
      issuer: { accountId: null, name: 'Marketplace Services SAS' },
      recipient: {
        accountId: provider,
        address: { line1: '8 quai Saint-Vincent', city: 'Lyon' },
      },
      description: `Abonnement Pro — période du ${dmy(at(-27))} au ${dmy(at(3))}`,
      totalTtcCents: 2_990,
      totalHtCents: 2_492,
      vatCents: 498,
      vatRateBp: 2_000,
      refersTo: null,
    });
    expect(pro.recipient.name).toMatch(/^Expert /);
    expect(pro.number).toMatch(/^F-\d{4}-\d{6}$/);
    const pdf = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'GET',
        url: `/invoices/${pro.invoiceId}.pdf`,
        headers: { authorization: `Bearer ${token}` },
      });
    expect(pdf.statusCode).toBe(200);
    if (process.env.PLAN_BILLING_PDF_DIR)
      writeFileSync(`${process.env.PLAN_BILLING_PDF_DIR}/${pro.number}.pdf`, pdf.rawPayload);
    expect(mine.find((i: any) => i.saleId === later.subscriptionId).description).toMatch(
      /^Abonnement Crédits Essentiel — période du /,
    );
  });

  it('gives the pack’s buyer its invoice and the refund’s credit note referencing it, both as PDF', async () => {
    const token = await t.tokenFor({ accountId: client, roles: ['client'] });
    const res = await t.request('GET', '/invoices', { token });
    const docs = res.body.items.filter((i: any) => i.saleId === pack.packId);
    const invoice = docs.find((i: any) => i.kind === 'invoice');
    const credit = docs.find((i: any) => i.kind === 'credit_note');
    expect(invoice).toMatchObject({
      subject: 'hour_pack',
      description: `Pack 10 h — Ménage (heures valables jusqu’au ${dmy(at(180))})`,
      totalTtcCents: 25_000,
      vatCents: 4_167,
    });
    expect(credit).toMatchObject({
      subject: 'hour_pack',
      refersTo: { invoiceId: invoice.invoiceId, number: invoice.number },
      totalTtcCents: 12_500,
      vatCents: 2_084,
      totalHtCents: 10_416,
    });
    expect(credit.number).toMatch(/^A-\d{4}-\d{6}$/);
    expect(credit.description).toContain(`Avoir sur la facture ${invoice.number}`);

    const one = await t.request('GET', `/invoices/${credit.invoiceId}`, { token });
    expect(one.body).toEqual(credit);
    for (const doc of [invoice, credit]) {
      const pdf = await t.app
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: 'GET',
          url: `/invoices/${doc.invoiceId}.pdf`,
          headers: { authorization: `Bearer ${token}` },
        });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toContain('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      if (process.env.PLAN_BILLING_PDF_DIR)
        writeFileSync(`${process.env.PLAN_BILLING_PDF_DIR}/${doc.number}.pdf`, pdf.rawPayload);
    }

    const stranger = await t.tokenFor({ roles: ['client'] });
    const refused = await t.request('GET', `/invoices/${invoice.invoiceId}`, { token: stranger });
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 403,
      code: 'NOT_INVOICE_PARTY',
    });
  });

  it('posts every charge and refund in the ledger, balanced', async () => {
    const tb = await t.request('GET', '/finance/trial-balance', { token: financeToken });
    const acc = Object.fromEntries(tb.body.accounts.map((a: any) => [a.account, a.balanceCents]));
    // 2,990 × 5 + 4,990 + 25,000 in, 12,500 back.
    expect(acc.gateway_cash).toBe(2_990 * 5 + 4_990 + 25_000 - 12_500);
    expect(acc.subscription_revenue).toBe(-(2_492 * 5 + 4_158));
    expect(acc.hour_pack_revenue).toBe(-(20_833 - 10_416));
    expect({ balanced: tb.body.balanced, total: tb.body.totals.balanceCents }).toEqual({
      balanced: true,
      total: 0,
    });
    // Issue 18 reads the revenue accounts per Paris month.
    const month = parisDate(at(-4)).slice(0, 7);
    const byMonth = await revenueByMonth(t.app.get(PG_POOL), '2000-01', '2100-12');
    const packMonth = byMonth.find((r) => r.month === month && r.account === 'hour_pack_revenue');
    expect(packMonth?.creditCents).toBe(20_833);
    expect(
      byMonth
        .filter((r) => r.account === 'subscription_revenue')
        .reduce((sum, r) => sum + r.netCents, 0),
    ).toBe(2_492 * 5 + 4_158);
  });

  it('reports the recurring revenue per Paris month, by plan kind, packs and refunds apart', async () => {
    const month = (iso: string) => parisDate(iso).slice(0, 7);
    const from = month(at(-40));
    const to = month(at(0));
    const res = await t.request('GET', `/admin/finance/plans/revenue?from=${from}&to=${to}`, {
      token: financeToken,
    });
    expect(res.status).toBe(200);
    expect(res.body.months[0].month).toBe(from);
    expect(res.body.months.at(-1).month).toBe(to);
    expect(res.body.totals.subscriptions).toMatchObject({
      count: 6,
      totalTtcCents: 2_990 * 5 + 4_990,
      byPlanKind: {
        pro: { count: 5, totalTtcCents: 2_990 * 5, totalHtCents: 2_492 * 5 },
        credits: { count: 1, totalTtcCents: 4_990 },
      },
    });
    expect(res.body.totals.hourPacks).toMatchObject({ count: 1, totalTtcCents: 25_000 });
    expect(res.body.totals.refunds).toMatchObject({ count: 1, totalTtcCents: 12_500 });
    expect(res.body.totals.netTtcCents).toBe(2_990 * 5 + 4_990 + 25_000 - 12_500);
    const byMonth = res.body.months.find((m: any) => m.month === month(at(-4)));
    expect(byMonth.hourPacks.count).toBe(1);

    const defaults = await t.request('GET', '/admin/finance/plans/revenue', {
      token: financeToken,
    });
    expect(defaults.body.months).toHaveLength(12);
    expect(defaults.body.to).toBe(to);
  });

  it('lists the renewals due within N days, at the plan’s current price, leaving out cancelled, paused and incident ones', async () => {
    const week = await t.request('GET', '/admin/finance/plans/renewals-due?days=7', {
      token: financeToken,
    });
    expect(week.status).toBe(200);
    const ids = week.body.items.map((i: any) => i.subscriptionId);
    expect(ids).toContain(renewing.subscriptionId);
    for (const s of [later, cancelled, paused, incident, suspended])
      expect(ids).not.toContain(s.subscriptionId);
    expect(
      week.body.items.find((i: any) => i.subscriptionId === renewing.subscriptionId),
    ).toMatchObject({
      planKind: 'pro',
      currentPeriod: 1,
      overdue: false,
      amountTtcCents: 3_490,
      amountHtCents: 2_908,
      vatCents: 582,
    });
    const month = await t.request('GET', '/admin/finance/plans/renewals-due?days=30', {
      token: financeToken,
    });
    expect(month.body.items.map((i: any) => i.subscriptionId)).toEqual(
      expect.arrayContaining([renewing.subscriptionId, later.subscriptionId]),
    );
  });

  it('lists the payment incidents with attempts, amount owed and since when', async () => {
    const res = await t.request('GET', '/admin/finance/plans/incidents', { token: financeToken });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.items.map((i: any) => [i.subscriptionId, i]));
    expect(byId[incident.subscriptionId]).toMatchObject({
      status: 'incident',
      attempts: 1,
      amountOwedCents: 3_490,
      since: at(-1),
      nextAttemptAt: at(1),
      lastFailureCode: 'card_declined',
    });
    expect(byId[suspended.subscriptionId]).toMatchObject({
      status: 'suspended',
      attempts: 2,
      amountOwedCents: 2_990,
      since: at(-6),
      nextAttemptAt: null,
      suspendedAt: at(-5),
    });
    expect(Object.keys(byId)).toHaveLength(2);
    expect(res.body).toMatchObject({ count: 2, suspended: 1, amountOwedCents: 3_490 + 2_990 });
  });

  it('refuses bad finance queries with stable codes, never a 500', async () => {
    const cases: [string, string][] = [
      ['/admin/finance/plans/revenue?from=2026-13', 'VALIDATION_FAILED'],
      ['/admin/finance/plans/revenue?from=2026-12&to=2026-01', 'REVENUE_RANGE_INVALID'],
      ['/admin/finance/plans/revenue?from=2020-01&to=2026-01', 'REVENUE_RANGE_INVALID'],
      ['/admin/finance/plans/renewals-due?days=0', 'VALIDATION_FAILED'],
      ['/admin/finance/plans/renewals-due?days=100000', 'VALIDATION_FAILED'],
      ['/admin/finance/plans/incidents?limit=5000', 'VALIDATION_FAILED'],
    ];
    for (const [url, code] of cases) {
      const res = await t.request('GET', url, { token: financeToken });
      expect({ url, status: res.status, code: res.body.code }).toEqual({ url, status: 400, code });
    }
    const provider = await t.tokenFor({ roles: ['provider'] });
    const refused = await t.request('GET', '/admin/finance/plans/incidents', { token: provider });
    expect(refused.status).toBe(403);
  });
});
