import {
  HourPackHistory,
  periodTerms,
  SubscriptionHistory,
} from '../plan-finance/plan-sales.fixtures.spec';
import { balancedLegs } from './ledger.accounts';
import { planSalePostings } from './plan-postings';
import { LedgerSaleRow } from './ledger.tables';

const totals = (legs: { account: string; debit: number; credit: number }[]) =>
  Object.fromEntries(legs.map((l) => [l.account, l.debit - l.credit]));

describe('ledger: the platform’s own sales', () => {
  it('given a Pro subscription started at 29,90 €, it posts PSP cash 29,90 € against subscription revenue 24,92 € HT and VAT 4,98 €', () => {
    const s = new SubscriptionHistory('sub-1', 'provider-1');
    const { postings, row } = planSalePostings(
      s.started(periodTerms(1, '2026-12-02T09:00:00.000Z', '2027-01-02T09:00:00.000Z', 2_990)),
      undefined,
    );
    expect(postings.map((p) => [p.kind, p.at, totals(balancedLegs(p.legs))])).toEqual([
      [
        'subscription_charged',
        '2026-12-02T09:00:00.000Z',
        { gateway_cash: 2_990, subscription_revenue: -2_492, vat_collected: -498 },
      ],
    ]);
    expect(row).toBeNull();
  });

  it('a renewal and a reinstatement are charges too; a free period posts nothing', () => {
    const s = new SubscriptionHistory('sub-2', 'provider-1');
    s.started(periodTerms(1, '2026-10-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', 2_990));
    const renewed = planSalePostings(
      s.renewed(periodTerms(2, '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z', 3_490)),
      undefined,
    );
    expect(totals(renewed.postings[0].legs)).toEqual({
      gateway_cash: 3_490,
      subscription_revenue: -2_908,
      vat_collected: -582,
    });
    const reinstated = planSalePostings(
      s.reinstated(periodTerms(3, '2026-12-05T00:00:00.000Z', '2027-01-05T00:00:00.000Z', 0)),
      undefined,
    );
    expect(reinstated.postings).toEqual([]);
  });

  it('an hour pack sold posts hour-pack revenue; its refunds reverse revenue and VAT pro rata and, all refunded, leave nothing', () => {
    const p = new HourPackHistory('pack-1', 'client-1');
    const sold = planSalePostings(p.purchased(25_000, '2026-12-02T10:00:00.000Z'), undefined);
    expect(totals(sold.postings[0].legs)).toEqual({
      gateway_cash: 25_000,
      hour_pack_revenue: -20_833,
      vat_collected: -4_167,
    });
    let known = sold.row as LedgerSaleRow;
    const sums: Record<string, number> = totals(sold.postings[0].legs);
    for (const refund of [3_333, 7_777, 13_890]) {
      const r = planSalePostings(p.refunded(refund, 60, '2026-12-20T10:00:00.000Z'), known);
      const legs = balancedLegs(r.postings[0].legs);
      expect(r.postings[0].kind).toBe('hour_pack_refunded');
      for (const [k, v] of Object.entries(totals(legs))) sums[k] = (sums[k] ?? 0) + v;
      known = r.row!;
    }
    expect(sums).toEqual({ gateway_cash: 0, hour_pack_revenue: 0, vat_collected: 0 });
  });

  it('a redelivered purchase or a refund of an unknown pack posts nothing', () => {
    const p = new HourPackHistory('pack-2', 'client-1');
    const purchase = p.purchased(10_000, '2026-12-02T10:00:00.000Z');
    const first = planSalePostings(purchase, undefined);
    expect(planSalePostings(purchase, first.row!).postings).toEqual([]);
    const other = new HourPackHistory('pack-3', 'client-1');
    other.purchased(10_000, '2026-12-02T10:00:00.000Z');
    expect(
      planSalePostings(other.refunded(1_000, 60, '2026-12-03T10:00:00.000Z'), undefined).postings,
    ).toEqual([]);
  });
});
