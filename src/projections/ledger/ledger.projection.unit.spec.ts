import { RecordedEvent } from '../../application/shared/event-store.port';
import { escrowPostings, payoutPostings } from './ledger.postings';
import { balancedLegs } from './ledger.accounts';
import { LedgerPayoutRow } from './ledger.tables';

const event = (type: string, data: object): RecordedEvent => ({
  id: 'e1',
  streamName: 's-1',
  revision: 1n,
  position: { commit: 1n, prepare: 1n },
  type,
  schemaVersion: 1,
  data,
  metadata: {},
  recordedAt: new Date(0),
});
const escrow = { escrow_id: 'esc', rev: 0, payer_id: 'buyer', payee_id: 'seller' };
const totals = (legs: { account: string; debit: number; credit: number }[]) =>
  Object.fromEntries(legs.map((l) => [l.account, l.debit - l.credit]));

describe('ledger postings', () => {
  it('funding moves the payment from PSP clearing into buyer funds held', () => {
    const [p] = escrowPostings(
      event('EscrowFunded', { escrowId: 'esc', amountCents: 12_000 }),
      escrow,
    );
    expect(totals(balancedLegs(p.legs))).toEqual({
      psp_clearing: 12_000,
      buyer_funds_held: -12_000,
    });
  });

  it('a release splits buyer funds into provider payable, commission revenue net of VAT and VAT collected', () => {
    const [p] = escrowPostings(
      event('EscrowReleased', {
        escrowId: 'esc',
        payeeId: 'seller',
        amountCents: 12_000,
        commissionCents: 1_200,
        vatOnCommissionCents: 200,
        payeeNetCents: 10_800,
      }),
      escrow,
    );
    expect(totals(balancedLegs(p.legs))).toEqual({
      buyer_funds_held: 12_000,
      provider_payable: -10_800,
      commission_revenue: -1_000,
      vat_collected: -200,
    });
  });

  it('a refund is owed to the buyer, then paid out of PSP clearing', () => {
    const postings = escrowPostings(
      event('EscrowRefunded', { escrowId: 'esc', amountCents: 3_000 }),
      escrow,
    );
    expect(postings.map((p) => [p.kind, totals(p.legs)])).toEqual([
      ['refund_recognised', { buyer_funds_held: 3_000, refunds_payable: -3_000 }],
      ['refund_paid', { refunds_payable: 3_000, psp_clearing: -3_000 }],
    ]);
  });

  it('posts a payout reservation once, whichever of the wallet or payout event comes first', () => {
    const first = payoutPostings(
      event('WalletDebitedForPayout', { payoutId: 'p1', providerId: 'seller', amountCents: 500 }),
      undefined,
    );
    expect(first.postings.map((p) => totals(p.legs))).toEqual([
      { provider_payable: 500, payouts_in_transit: -500 },
    ]);
    const second = payoutPostings(
      event('PayoutRequested', { payoutId: 'p1', providerId: 'seller', amountCents: 500 }),
      first.row!,
    );
    expect(second.postings).toEqual([]);
  });

  it('closes a payout once: sent to PSP clearing, or returned to provider payable', () => {
    const reserved: LedgerPayoutRow = {
      payout_id: 'p1',
      provider_id: 'seller',
      amount_cents: 500,
      reserved: true,
      closed_as: null,
    };
    const sent = payoutPostings(
      event('PayoutSent', { payoutId: 'p1', providerId: 'seller', amountCents: 500 }),
      reserved,
    );
    expect(sent.postings.map((p) => totals(p.legs))).toEqual([
      { payouts_in_transit: 500, psp_clearing: -500 },
    ]);
    expect(
      payoutPostings(
        event('WalletPayoutSettled', { payoutId: 'p1', providerId: 'seller', amountCents: 500 }),
        sent.row!,
      ).postings,
    ).toEqual([]);
    const returned = payoutPostings(
      event('PayoutFailed', { payoutId: 'p1', providerId: 'seller', amountCents: 500 }),
      reserved,
    );
    expect(returned.postings.map((p) => totals(p.legs))).toEqual([
      { payouts_in_transit: 500, provider_payable: -500 },
    ]);
  });

  it('refuses an unbalanced or negative entry, and drops zero lines', () => {
    expect(() =>
      balancedLegs([{ account: 'psp_clearing', partyId: null, debit: 10, credit: 0 }]),
    ).toThrow('Unbalanced');
    expect(() =>
      balancedLegs([{ account: 'psp_clearing', partyId: null, debit: -1, credit: 0 }]),
    ).toThrow('Invalid');
    expect(
      balancedLegs([{ account: 'vat_collected', partyId: null, debit: 0, credit: 0 }]),
    ).toEqual([]);
  });
});
