import { Harness, startHarness } from './support/harness';
import { invoiceNumberingProblems } from './support/invoice-checks';
import { MarketplaceSim } from './support/marketplace-sim';
import { appendLog } from './support/sim-core';

describe('invoices', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());

  it('numbers 16 concurrent completions without a gap, in the order of the log', async () => {
    const sim = new MarketplaceSim(16);
    const seller = sim.register('seller');
    sim.createGig(seller);
    const orders = Array.from({ length: 16 }, () =>
      sim.placeOrder(sim.register('buyer'), sim.gigs[0])!,
    );
    orders.forEach((o) => sim.deliver(o));
    await appendLog(h.store, sim.log);
    const runner = h.runner();
    runner.start();
    await runner.caughtUp();

    const before = sim.log.length;
    orders.forEach((o) => sim.accept(o, false));
    const completions = sim.log.slice(before);
    expect(completions.map((l) => l.event.type)).toEqual(orders.map(() => 'OrderCompleted'));
    await Promise.all(completions.map((l) => h.store.appendToStream(l.stream, [l.event])));
    await runner.caughtUp();

    const { rows } = await h.pool.query(
      `SELECT i.number, i.subject FROM invoices i JOIN es_events e ON e.event_id::text = i.source_event_id
        ORDER BY e.transaction_id, e.global_position, i.subject DESC`,
    );
    const platform = rows.filter((r) => r.subject === 'commission').map((r) => r.number);
    expect(platform).toEqual(
      Array.from({ length: 16 }, (_, i) => `F-2026-${String(i + 1).padStart(6, '0')}`),
    );
    const service = rows.filter((r) => r.subject === 'service').map((r) => r.number);
    expect(service).toHaveLength(16);
    expect(service.map((n: string) => n.slice(-6))).toEqual(
      Array.from({ length: 16 }, (_, i) => String(i + 1).padStart(6, '0')),
    );
    expect(new Set(service.map((n: string) => n.slice(0, -12))).size).toBe(1);
    expect(await invoiceNumberingProblems(h.pool)).toEqual([]);
  });

  it('issues, at completion, a service invoice under mandate and a commission invoice with the mandatory amounts', async () => {
    const sim = new MarketplaceSim(7);
    const seller = sim.register('seller');
    sim.createGig(seller);
    const buyer = sim.register('buyer');
    const o = sim.placeOrder(buyer, { ...sim.gigs[0], priceCents: 12_345 }, 'catalog')!;
    sim.deliver(o);
    sim.accept(o);
    const runner = h.runner();
    runner.start();
    await appendLog(h.store, sim.log);
    await runner.caughtUp();
    const { rows } = await h.pool.query(
      `SELECT * FROM invoices WHERE order_id = $1 ORDER BY subject DESC`,
      [o.orderId],
    );
    expect(rows).toHaveLength(2);
    const [service, commission] = rows;
    const placed = sim.log.find(
      (l) =>
        l.event.type === 'OrderPlaced' &&
        (l.event.data as { orderId: string }).orderId === o.orderId,
    )!.event.data as {
      amountCents: number;
      commissionCents: number;
    };
    expect(service).toMatchObject({
      subject: 'service',
      under_mandate: true,
      issuer_account_id: seller,
      recipient_account_id: buyer,
      kind: 'invoice',
      vat_rate_bp: 2000,
    });
    expect(Number(service.total_ttc_cents)).toBe(placed.amountCents);
    // 123,45 € TTC / 1,2 = 102,875 € HT, rounded half-even to 102,88 €; VAT is the rest, 20,57 €.
    expect({ ht: Number(service.total_ht_cents), vat: Number(service.vat_cents) }).toEqual({
      ht: 10_288,
      vat: 2_057,
    });
    expect(Number(service.unit_price_ht_cents)).toBe(Number(service.total_ht_cents));
    expect(service.issuer_name).toMatch(/^Expert /);
    expect(service.recipient_name).toMatch(/^Client /);
    expect(service.number).toMatch(/^S[0-9A-Z]{5}-2026-000001$/);
    expect(commission).toMatchObject({
      subject: 'commission',
      under_mandate: false,
      issuer_account_id: null,
      recipient_account_id: seller,
    });
    expect(Number(commission.total_ttc_cents)).toBe(placed.commissionCents);
    expect(commission.number).toMatch(/^F-2026-\d{6}$/);
    expect(commission.description).toContain('Commission de service');
  });

  it('gives credit notes referencing the invoices when invoiced money is refunded', async () => {
    const sim = new MarketplaceSim(8);
    const seller = sim.register('seller');
    sim.createGig(seller);
    const o = sim.placeOrder(
      sim.register('buyer'),
      { ...sim.gigs[0], priceCents: 10_000 },
      'catalog',
    )!;
    sim.deliver(o);
    sim.accept(o, false);
    sim.refundPart(o, 2_500);
    const runner = h.runner();
    runner.start();
    await appendLog(h.store, sim.log);
    await runner.caughtUp();
    const { rows } = await h.pool.query(
      `SELECT * FROM invoices WHERE order_id = $1 ORDER BY kind DESC, subject DESC`,
      [o.orderId],
    );
    const byKey = Object.fromEntries(rows.map((r) => [`${r.kind}/${r.subject}`, r]));
    const service = byKey['invoice/service'];
    const commission = byKey['invoice/commission'];
    const serviceCredit = byKey['credit_note/service'];
    const commissionCredit = byKey['credit_note/commission'];
    expect(serviceCredit).toMatchObject({
      refers_to_invoice_id: service.invoice_id,
      refers_to_number: service.number,
      issuer_account_id: seller,
    });
    expect(Number(serviceCredit.total_ttc_cents)).toBe(2_500);
    expect(serviceCredit.number).toMatch(/^AS[0-9A-Z]{5}-2026-000001$/);
    // Commission was 10 % of 100.00; on the 75.00 kept it is 7.50, so 2.50 is credited.
    expect(Number(commission.total_ttc_cents)).toBe(1_000);
    expect(commissionCredit).toMatchObject({
      refers_to_invoice_id: commission.invoice_id,
      refers_to_number: commission.number,
    });
    expect(Number(commissionCredit.total_ttc_cents)).toBe(250);
    expect(commissionCredit.number).toMatch(/^A-2026-\d{6}$/);
    expect(await invoiceNumberingProblems(h.pool)).toEqual([]);
  });
});
