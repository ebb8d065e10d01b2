import { RecordedEvent } from '../../application/shared/event-store.port';
import type { EscrowFunded, EscrowRefunded } from '../../domain/escrow';
import { isHourPackEscrow } from '../../application/plans/hour-pack-escrow.contract';
import { credit, debit } from './ledger.accounts';
import type { Posting } from './ledger.postings';
import { LedgerEscrowRow } from './ledger.tables';

/**
 * What a mission paid from an hour pack moves (docs/plans-hour-packs.md). The pack's purchase and
 * its refunds are the platform's sales, posted by plan-postings.ts: the price HT is revenue
 * (`hour_pack_revenue`) and its VAT collected when the pack is charged, as it is invoiced then. A
 * pack mission never touches the card:
 * - its escrow is funded by the platform (`hour_pack_missions`, an expense: what the missions paid
 *   from packs cost the platform), not the PSP;
 * - its release is a card mission's (provider payable, commission, VAT), then the instant payout;
 * - a refund of its escrow (cancellation, a dispute's decision) gives the expense back.
 * The consumption of minutes at validation moves no money and posts nothing.
 */
/** The escrow postings of a pack-funded escrow, or null for any other escrow (posted as usual). */
export function hourPackEscrowPostings(
  event: RecordedEvent,
  escrow: LedgerEscrowRow,
): Posting[] | null {
  if (!isHourPackEscrow(escrow.escrow_id)) return null;
  const client = escrow.payer_id;
  const escrowId = escrow.escrow_id;
  switch (event.type) {
    case 'EscrowFunded': {
      const { amountCents } = event.data as EscrowFunded['data'];
      return [
        {
          kind: 'hour_pack_mission_funded',
          escrowId,
          legs: [
            debit('hour_pack_missions', client, amountCents),
            credit('buyer_funds_held', client, amountCents),
          ],
        },
      ];
    }
    case 'EscrowRefunded': {
      const { amountCents } = event.data as EscrowRefunded['data'];
      return [
        {
          kind: 'hour_pack_mission_refunded',
          escrowId,
          legs: [
            debit('buyer_funds_held', client, amountCents),
            credit('hour_pack_missions', client, amountCents),
          ],
        },
      ];
    }
    default:
      return null;
  }
}

