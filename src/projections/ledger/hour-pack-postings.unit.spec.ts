import { RecordedEvent } from '../../application/shared/event-store.port';
import { hourPackEscrowPostings } from './hour-pack-postings';
import { balancedLegs } from './ledger.accounts';

const event = (type: string, data: object) => ({ type, data }) as unknown as RecordedEvent;
const packEscrow = { escrow_id: 'hourpack_e1', rev: 0, payer_id: 'client-1', payee_id: 'p1' };

describe('ledger: what a mission paid from an hour pack posts', () => {
  it('funds its escrow from the platform’s pack money, never the PSP, and balanced', () => {
    const [posting] = hourPackEscrowPostings(
      event('EscrowFunded', { escrowId: 'hourpack_e1', amountCents: 6_000 }),
      packEscrow,
    )!;
    expect(posting.kind).toBe('hour_pack_mission_funded');
    expect(balancedLegs(posting.legs).map((l) => l.account)).toEqual([
      'hour_pack_missions',
      'buyer_funds_held',
    ]);
  });

  it('a refund of its escrow goes back to the pack money, not to the card', () => {
    const [posting] = hourPackEscrowPostings(
      event('EscrowRefunded', { escrowId: 'hourpack_e1', amountCents: 6_000 }),
      packEscrow,
    )!;
    expect(posting.legs.map((l) => l.account)).not.toContain('psp_clearing');
    expect(balancedLegs(posting.legs)).toHaveLength(2);
  });

  it('leaves a card escrow and its release to the usual postings', () => {
    const card = { ...packEscrow, escrow_id: 'e1' };
    expect(hourPackEscrowPostings(event('EscrowFunded', { amountCents: 1 }), card)).toBeNull();
    expect(
      hourPackEscrowPostings(event('EscrowReleased', { amountCents: 1 }), packEscrow),
    ).toBeNull();
  });

});
