import { RecordedEvent } from '../../application/shared/event-store.port';
import {
  evolveFinancePack,
  evolveFinanceSubscription,
  subscriptionCharge,
} from './plan-finance.evolve';
import { FinanceSubscriptionRow } from './plan-finance.tables';
import { HourPackHistory, periodTerms, SubscriptionHistory } from './plan-sales.fixtures.spec';

/** given(events) folded through the finance evolve, then the row. */
function given(events: RecordedEvent[]): FinanceSubscriptionRow | undefined {
  let row: FinanceSubscriptionRow | undefined;
  for (const e of events) row = evolveFinanceSubscription(row, e) ?? row;
  return row;
}

const P1 = periodTerms(1, '2026-11-02T09:00:00.000Z', '2026-12-02T09:00:00.000Z', 2_990);
const P2 = periodTerms(2, '2026-12-02T09:00:00.000Z', '2027-01-02T09:00:00.000Z', 2_990);

describe('plan finance: a subscription as finance sees it', () => {
  it('given a start, then it is active until its period end, with its price', () => {
    const s = new SubscriptionHistory('s1', 'p1');
    expect(given([s.started(P1)])).toMatchObject({
      status: 'active',
      period: 1,
      price_ttc_cents: 2_990,
      period_ends_at: P1.periodEndsAt,
      plan_kind: 'pro',
    });
  });

  it('given a refused renewal then a retry refused, then it is in incident with the attempts, the amount owed and the first refusal', () => {
    const s = new SubscriptionHistory('s2', 'p1');
    const row = given([
      s.started(P1),
      s.renewalFailed(2, 1, 2_990, '2026-12-02T09:00:00.000Z', '2026-12-03T09:00:00.000Z'),
      s.renewalFailed(2, 2, 2_990, '2026-12-03T09:00:00.000Z', '2026-12-05T09:00:00.000Z'),
    ]);
    expect(row).toMatchObject({
      status: 'incident',
      incident_attempts: 2,
      incident_amount_cents: 2_990,
      incident_since: '2026-12-02T09:00:00.000Z',
      next_attempt_at: '2026-12-05T09:00:00.000Z',
      failure_code: 'card_declined',
    });
  });

  it('given every retry refused, then it is suspended; a reinstatement makes it active with no incident', () => {
    const s = new SubscriptionHistory('s3', 'p1');
    const history = [
      s.started(P1),
      s.renewalFailed(2, 1, 2_990, '2026-12-02T09:00:00.000Z', null),
      s.suspended(2, '2026-12-02T09:00:00.000Z'),
    ];
    expect(given(history)).toMatchObject({
      status: 'suspended',
      suspended_at: '2026-12-02T09:00:00.000Z',
    });
    const back = periodTerms(2, '2026-12-10T09:00:00.000Z', '2027-01-10T09:00:00.000Z', 2_990);
    expect(given([...history, s.reinstated(back)])).toMatchObject({
      status: 'active',
      period: 2,
      incident_attempts: 0,
      incident_since: null,
      suspended_at: null,
      period_ends_at: back.periodEndsAt,
    });
  });

  it('given a retry that succeeds, then the incident is over', () => {
    const s = new SubscriptionHistory('s4', 'p1');
    expect(
      given([
        s.started(P1),
        s.renewalFailed(2, 1, 2_990, '2026-12-02T09:00:00.000Z', '2026-12-03T09:00:00.000Z'),
        s.renewed(P2, '2026-12-03T09:00:00.000Z'),
      ]),
    ).toMatchObject({ status: 'active', period: 2, incident_attempts: 0, next_attempt_at: null });
  });

  it('given a cancellation, then it is cancelled and a late refusal changes nothing', () => {
    const s = new SubscriptionHistory('s5', 'p1');
    expect(
      given([
        s.started(P1),
        s.cancelled('2026-11-20T09:00:00.000Z'),
        s.renewalFailed(2, 1, 2_990, '2026-12-02T09:00:00.000Z', null),
      ]),
    ).toMatchObject({
      status: 'cancelled',
      cancelled_at: '2026-11-20T09:00:00.000Z',
      incident_attempts: 0,
    });
  });

  it('given a pause scheduled, then the row says from when; a redelivered event is ignored', () => {
    const s = new SubscriptionHistory('s6', 'p1');
    const started = s.started(P1);
    const pause = s.pauseScheduled(
      P1.periodEndsAt,
      '2027-01-02T09:00:00.000Z',
      '2026-11-10T09:00:00.000Z',
    );
    const row = given([started, pause]);
    expect(row).toMatchObject({
      pause_from: P1.periodEndsAt,
      resumes_at: '2027-01-02T09:00:00.000Z',
    });
    expect(evolveFinanceSubscription(row, pause)).toBeNull();
    expect(evolveFinanceSubscription(row, started)).toBeNull();
  });

  it('a charge is the period’s price split HT and VAT, in its Paris month; a free period is none', () => {
    const s = new SubscriptionHistory('s7', 'p1', 'plan-c', 'credits', 'Crédits');
    const start = s.started(
      periodTerms(1, '2026-11-30T23:30:00.000Z', '2026-12-31T23:30:00.000Z', 4_990),
    );
    const row = given([start])!;
    expect(subscriptionCharge(row, start)).toMatchObject({
      kind: 'subscription',
      plan_kind: 'credits',
      ttc_cents: 4_990,
      ht_cents: 4_158,
      vat_cents: 832,
      paris_month: '2026-12',
    });
    const free = new SubscriptionHistory('s8', 'p1');
    const freeStart = free.started(periodTerms(1, P1.periodStartsAt, P1.periodEndsAt, 0));
    expect(subscriptionCharge(given([freeStart])!, freeStart)).toBeNull();
  });
});

describe('plan finance: hour packs', () => {
  it('a pack sold is a charge; its refund a negative line with VAT pro rata; a refund before any sale is nothing', () => {
    const p = new HourPackHistory('k1', 'c1');
    const sold = evolveFinancePack(undefined, p.purchased(25_000, '2026-12-02T10:00:00.000Z'));
    expect(sold.charge).toMatchObject({ kind: 'hour_pack', ttc_cents: 25_000, vat_cents: 4_167 });
    p.reserved('m1', 120, '2026-12-03T10:00:00.000Z');
    const refund = evolveFinancePack(
      sold.pack!,
      p.refunded(12_500, 300, '2027-01-05T10:00:00.000Z'),
    );
    expect(refund.charge).toMatchObject({
      kind: 'hour_pack_refund',
      ttc_cents: 12_500,
      vat_cents: 2_084,
      ht_cents: 10_416,
      paris_month: '2027-01',
    });
    const other = new HourPackHistory('k2', 'c1');
    other.purchased(1_000, '2026-12-02T10:00:00.000Z');
    expect(
      evolveFinancePack(undefined, other.refunded(500, 60, '2026-12-04T10:00:00.000Z')),
    ).toEqual({
      pack: null,
      charge: null,
    });
  });
});
