import { RecordedEvent } from '../../application/shared/event-store.port';
import type { EscrowFunded, EscrowRefunded } from '../../domain/escrow';
import { isHourPackEscrow } from '../../application/plans/hour-pack-escrow.contract';
import type { HourPackHoursConsumed } from '../../domain/plans';
import { credit, debit } from './ledger.accounts';
import type { Posting } from './ledger.postings';
import { LedgerEscrowRow } from './ledger.tables';

/**
 * What a mission paid from an hour pack moves (docs/plans-hour-packs.md). The pack's purchase and
 * its refunds are posted by the platform's billing (cash in `psp_clearing`, the unused value in
 * `hour_pack_prepaid`); a pack mission never touches the card:
 * - its escrow is funded by the platform's pack money (`hour_pack_missions`), not the PSP;
 * - its release is a card mission's (provider payable, commission, VAT), then the instant payout;
 * - a refund of its escrow (cancellation, a dispute's decision) goes back to `hour_pack_missions`;
 * - the consumption at validation moves the minutes' value from `hour_pack_prepaid` to
 *   `hour_pack_missions`, whose balance is then the reduced rate the platform grants (price paid
 *   to the provider beyond the pack's value) or its margin.
 */
export const HOUR_PACK_LEDGER_TYPES = new Set(['HourPackHoursConsumed']);

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

export function hourPackPostings(event: RecordedEvent): Posting[] {
  if (event.type !== 'HourPackHoursConsumed') return [];
  const d = event.data as HourPackHoursConsumed['data'];
  return [
    {
      kind: 'hour_pack_consumed',
      legs: [
        debit('hour_pack_prepaid', d.clientId, d.valueCents),
        credit('hour_pack_missions', d.clientId, d.valueCents),
      ],
    },
  ];
}
