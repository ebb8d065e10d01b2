import { RecordedEvent } from '../../application/shared/event-store.port';
import { balancedLegs } from './ledger.accounts';
import { tenderFeePostings } from './tender-fee-postings';

const event = (type: string, revision: number, data: object) =>
  ({ type, revision: BigInt(revision), data }) as unknown as RecordedEvent;
const charged = event('ProjectFeeCharged', 0, {
  projectId: 'p1',
  chargeId: 'c1',
  kind: 'finder_fee',
  payerId: 'client-1',
  amountCents: 50_000,
  paymentRef: 'pi_1',
  chargedAt: '2026-12-01T10:00:00.000Z',
});
const refunded = (revision: number, amountCents: number) =>
  event('ProjectFeeRefunded', revision, {
    projectId: 'p1',
    refundId: `r${revision}`,
    chargeId: 'c1',
    kind: 'finder_fee',
    payerId: 'client-1',
    amountCents,
    paymentRef: `re_${revision}`,
    reason: 'amount_revised',
    refundedAt: '2026-12-05T10:00:00.000Z',
  });

describe('ledger: what a project fee posts', () => {
  it('books the charge as fee revenue HT and VAT collected, against the PSP cash, balanced', () => {
    const { postings, row } = tenderFeePostings(charged, undefined);
    expect(postings).toHaveLength(1);
    const legs = balancedLegs(postings[0].legs);
    expect(legs.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['gateway_cash', 50_000, 0],
      ['tender_fee_revenue', 0, 41_667],
      ['vat_collected', 0, 8_333],
    ]);
    expect(row).toMatchObject({ sale_id: 'c1', ttc_cents: 50_000, vat_cents: 8_333 });
  });

  it('reverses revenue and VAT of refunds pro rata, never beyond the charge, balanced', () => {
    const row = tenderFeePostings(charged, undefined).row!;
    const first = tenderFeePostings(refunded(1, 10_000), row);
    expect(balancedLegs(first.postings[0].legs).map((l) => [l.account, l.debit, l.credit])).toEqual(
      [
        ['tender_fee_revenue', 8_333, 0],
        ['vat_collected', 1_667, 0],
        ['gateway_cash', 0, 10_000],
      ],
    );
    // The rest of the charge, asked for more than is left: capped at what it still holds.
    const rest = tenderFeePostings(refunded(2, 99_999), first.row!);
    const legs = balancedLegs(rest.postings[0].legs);
    expect(legs.find((l) => l.account === 'gateway_cash')?.credit).toBe(40_000);
    const revenue = [first, rest].reduce(
      (s, r) => s + r.postings[0].legs.find((l) => l.account === 'tender_fee_revenue')!.debit,
      0,
    );
    expect(revenue).toBe(41_667);
    expect(tenderFeePostings(refunded(3, 1), rest.row!).postings).toEqual([]);
  });

  it('posts nothing for a redelivered charge or a refund of an unknown charge', () => {
    const row = tenderFeePostings(charged, undefined).row!;
    expect(tenderFeePostings(charged, row).postings).toEqual([]);
    expect(tenderFeePostings(refunded(1, 10_000), undefined).postings).toEqual([]);
  });
});
