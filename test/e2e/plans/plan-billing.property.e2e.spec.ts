import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '../../../src/application/shared/event-store.port';
import { trialBalance } from '../../../src/projections/ledger/ledger.queries';
import {
  HourPackHistory,
  periodTerms,
  SubscriptionHistory,
} from '../../../src/projections/plan-finance/plan-sales.fixtures.spec';
import { ProjectionRunner } from '../../../src/projections/runner/projection-runner';
import { bulkPostgresReader } from '../../../src/projections/runner/bulk-log-reader';
import { rebuildProjections } from '../../../src/projections/runner/rebuild';
import { Harness, snapshotProjections, startHarness } from '../read-models/support/harness';
import { invoiceNumberingProblems } from '../read-models/support/invoice-checks';

/** One step of a random history of the platform's sales. */
type Step =
  | { op: 'start'; price: number; gapHours: number }
  | { op: 'renew' | 'reinstate' | 'fail'; target: number; price: number; gapHours: number }
  | { op: 'buy'; price: number; gapHours: number }
  | { op: 'refund'; target: number; share: number; gapHours: number }
  | { op: 'reserve'; target: number; gapHours: number };

const gap = fc.integer({ min: 0, max: 24 * 40 });
const price = fc.integer({ min: 0, max: 60_000 });
const target = fc.nat({ max: 10 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('start' as const), price, gapHours: gap }),
  fc.record({
    op: fc.constantFrom('renew' as const, 'reinstate' as const, 'fail' as const),
    target,
    price,
    gapHours: gap,
  }),
  fc.record({ op: fc.constant('buy' as const), price, gapHours: gap }),
  fc.record({
    op: fc.constant('refund' as const),
    target,
    share: fc.double({ min: 0.01, max: 1, noNaN: true }),
    gapHours: gap,
  }),
  fc.record({ op: fc.constant('reserve' as const), target, gapHours: gap }),
);

interface Charge {
  event: RecordedEvent;
  saleId: string;
  accountId: string;
  ttc: number;
}
interface Refund {
  event: RecordedEvent;
  packId: string;
  purchaseEventId: string;
  ttc: number;
}

/** Plays the steps into streams: what was charged and refunded, and every event in log order. */
function play(steps: Step[], startAt: number) {
  let now = startAt;
  const iso = () => new Date(now).toISOString();
  const subs: { h: SubscriptionHistory; period: number }[] = [];
  const packs: { h: HourPackHistory; purchaseEventId: string | null; left: number }[] = [];
  const log: RecordedEvent[] = [];
  const charges: Charge[] = [];
  const refunds: Refund[] = [];
  const charged = (event: RecordedEvent, saleId: string, accountId: string, ttc: number) => {
    log.push(event);
    if (ttc > 0) charges.push({ event, saleId, accountId, ttc });
  };
  for (const s of steps) {
    now += s.gapHours * 3_600_000;
    const month = 30 * 86_400_000;
    switch (s.op) {
      case 'start': {
        const h = new SubscriptionHistory(randomUUID(), randomUUID(), 'plan-pro', 'pro', 'Pro');
        subs.push({ h, period: 1 });
        charged(
          h.started(periodTerms(1, iso(), new Date(now + month).toISOString(), s.price)),
          h.subscriptionId,
          h.accountId,
          s.price,
        );
        break;
      }
      case 'renew':
      case 'reinstate':
      case 'fail': {
        const sub = subs[s.target % Math.max(1, subs.length)];
        if (!sub) break;
        if (s.op === 'fail') {
          log.push(sub.h.renewalFailed(sub.period + 1, 1, s.price, iso(), null));
          break;
        }
        sub.period += 1;
        const terms = periodTerms(sub.period, iso(), new Date(now + month).toISOString(), s.price);
        charged(
          s.op === 'renew' ? sub.h.renewed(terms) : sub.h.reinstated(terms),
          sub.h.subscriptionId,
          sub.h.accountId,
          s.price,
        );
        break;
      }
      case 'buy': {
        const h = new HourPackHistory(randomUUID(), randomUUID());
        const event = h.purchased(s.price, iso());
        packs.push({ h, purchaseEventId: s.price > 0 ? event.id : null, left: s.price });
        charged(event, h.packId, h.clientId, s.price);
        break;
      }
      case 'reserve': {
        const pack = packs[s.target % Math.max(1, packs.length)];
        if (pack) log.push(pack.h.reserved(randomUUID(), 60, iso()));
        break;
      }
      case 'refund': {
        const pack = packs[s.target % Math.max(1, packs.length)];
        if (!pack || !pack.purchaseEventId || pack.left <= 0) break;
        const amount = Math.max(1, Math.min(pack.left, Math.round(pack.left * s.share)));
        pack.left -= amount;
        const event = pack.h.refunded(amount, 60, iso());
        log.push(event);
        refunds.push({
          event,
          packId: pack.h.packId,
          purchaseEventId: pack.purchaseEventId,
          ttc: amount,
        });
        break;
      }
    }
  }
  return { log, charges, refunds, endsAt: now };
}

describe('plan billing, property-based: invoices, credit notes and ledger over random sales', () => {
  let h: Harness;
  let runner: ProjectionRunner;
  beforeAll(async () => {
    h = await startHarness();
    runner = h.runner();
    runner.start();
  });
  afterAll(async () => h.close());

  it('gives every charge exactly one invoice and every refund one credit note referencing it, numbers continuous, every entry balanced', async () => {
    let clock = Date.parse('2026-11-15T08:00:00.000Z');
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
        const { log, charges, refunds, endsAt } = play(steps, clock);
        clock = endsAt;
        for (const e of log)
          await h.store.appendToStream(e.streamName, [
            { id: e.id, type: e.type, data: e.data, metadata: e.metadata },
          ]);
        await runner.caughtUp();

        const saleIds = [
          ...new Set([...charges.map((c) => c.saleId), ...refunds.map((r) => r.packId)]),
        ];
        const { rows } = await h.pool.query(
          `SELECT * FROM invoices WHERE sale_id = ANY($1::text[])`,
          [saleIds],
        );
        const bySource = new Map<string, any[]>();
        for (const r of rows)
          bySource.set(r.source_event_id, [...(bySource.get(r.source_event_id) ?? []), r]);
        expect(rows).toHaveLength(charges.length + refunds.length);
        for (const c of charges) {
          const found = bySource.get(c.event.id) ?? [];
          expect(
            found.map((r) => ({
              kind: r.kind,
              sale: r.sale_id,
              to: r.recipient_account_id,
              ttc: Number(r.total_ttc_cents),
              series: r.series,
            })),
          ).toEqual([
            { kind: 'invoice', sale: c.saleId, to: c.accountId, ttc: c.ttc, series: 'F' },
          ]);
        }
        for (const r of refunds) {
          const found = bySource.get(r.event.id) ?? [];
          const invoice = (bySource.get(r.purchaseEventId) ?? [])[0];
          expect(
            found.map((n) => ({
              kind: n.kind,
              ref: n.refers_to_invoice_id,
              refNumber: n.refers_to_number,
              ttc: Number(n.total_ttc_cents),
              series: n.series,
            })),
          ).toEqual([
            {
              kind: 'credit_note',
              ref: invoice.invoice_id,
              refNumber: invoice.number,
              ttc: r.ttc,
              series: 'A',
            },
          ]);
        }
        expect(await invoiceNumberingProblems(h.pool)).toEqual([]);

        const tb = await trialBalance(h.pool);
        expect({ total: tb.totals.balanceCents, unbalanced: tb.unbalancedEntries }).toEqual({
          total: 0,
          unbalanced: 0,
        });

        // The ledger says what the invoices say: cash in = invoiced − credited, and the same HT and VAT.
        const ids = log.map((e) => e.id);
        const ledger = await h.pool.query(
          `SELECT l.account, sum(l.debit_cents - l.credit_cents)::bigint AS net FROM journal_entries e
             JOIN journal_lines l ON l.entry_id = e.entry_id WHERE e.event_id = ANY($1::text[]) GROUP BY l.account`,
          [ids],
        );
        const net = Object.fromEntries(ledger.rows.map((r) => [r.account, Number(r.net)]));
        const sign = (r: any) => (r.kind === 'invoice' ? 1 : -1);
        const sum = (f: (r: any) => number) => rows.reduce((s, r) => s + sign(r) * f(r), 0);
        expect({
          cash: net.gateway_cash ?? 0,
          revenue: 0 - ((net.subscription_revenue ?? 0) + (net.hour_pack_revenue ?? 0)),
          vat: 0 - (net.vat_collected ?? 0),
        }).toEqual({
          cash: sum((r) => Number(r.total_ttc_cents)),
          revenue: sum((r) => Number(r.total_ht_cents)),
          vat: sum((r) => Number(r.vat_cents)),
        });

        // And finance's charges, line for line.
        const finance = await h.pool.query(
          `SELECT charge_id, ttc_cents, ht_cents, vat_cents FROM plan_finance_charges WHERE charge_id = ANY($1::text[])`,
          [ids],
        );
        expect(
          finance.rows
            .map((r) => [r.charge_id, Number(r.ttc_cents), Number(r.ht_cents), Number(r.vat_cents)])
            .sort(),
        ).toEqual(
          rows
            .map((r) => [
              r.source_event_id,
              Number(r.total_ttc_cents),
              Number(r.total_ht_cents),
              Number(r.vat_cents),
            ])
            .sort(),
        );
      }),
      { numRuns: 25 },
    );
  });

  it('rebuilds the invoices, the ledger and the finance view from position 0 to the same rows', async () => {
    const billing = h.projections.filter((p) =>
      ['invoices', 'ledger', 'plan_finance'].includes(p.name),
    );
    await runner.caughtUp();
    const live = await snapshotProjections(h.pool, billing);
    expect(live['plan_finance.plan_finance_charges'].length).toBeGreaterThan(10);
    await rebuildProjections(h.store, h.pool, billing, {
      batchSize: 37,
      reader: bulkPostgresReader(h.pool, h.store),
    });
    expect(await snapshotProjections(h.pool, billing)).toEqual(live);
  });
});
