import { RecordedEvent } from '../../application/shared/event-store.port';
import type { EscrowFunded, EscrowRefunded, EscrowReleased } from '../../domain/escrow';
import type { MissionProviderPaidOut } from '../../application/missions/mission-money.events';
import { credit, debit, EntryKind, Leg } from './ledger.accounts';
import { LedgerEscrowRow, LedgerPayoutRow } from './ledger.tables';

export const ESCROW_TYPES = new Set([
  'EscrowOpened',
  'EscrowFunded',
  'EscrowReleased',
  'EscrowRefunded',
]);
/** A payout's reservation and its outcome are each told twice (wallet and payout streams): the first one posts. */
export const PAYOUT_RESERVED = new Set(['WalletDebitedForPayout', 'PayoutRequested']);
export const PAYOUT_SENT = new Set(['PayoutSent', 'WalletPayoutSettled']);
export const PAYOUT_RETURNED = new Set(['PayoutFailed', 'WalletPayoutReturned']);

export interface Posting {
  kind: EntryKind;
  legs: Leg[];
  escrowId?: string;
  payoutId?: string;
  /** When the entry happened, if the event names it (plan sales); else the event's `occurredAt`. */
  at?: string;
}

/** What one escrow event posts; the payer comes from the escrow's opening. */
export function escrowPostings(event: RecordedEvent, escrow: LedgerEscrowRow): Posting[] {
  const payer = escrow.payer_id;
  const escrowId = escrow.escrow_id;
  switch (event.type) {
    case 'EscrowFunded': {
      const { amountCents } = event.data as EscrowFunded['data'];
      return [
        {
          kind: 'escrow_funded',
          escrowId,
          legs: [
            debit('psp_clearing', payer, amountCents),
            credit('buyer_funds_held', payer, amountCents),
          ],
        },
      ];
    }
    case 'EscrowReleased': {
      const d = event.data as EscrowReleased['data'];
      return [
        {
          kind: 'escrow_released',
          escrowId,
          legs: [
            debit('buyer_funds_held', payer, d.amountCents),
            credit('provider_payable', d.payeeId, d.payeeNetCents),
            credit('commission_revenue', null, d.commissionCents - d.vatOnCommissionCents),
            credit('vat_collected', null, d.vatOnCommissionCents),
          ],
        },
      ];
    }
    case 'EscrowRefunded': {
      const { amountCents } = event.data as EscrowRefunded['data'];
      return [
        {
          kind: 'refund_recognised',
          escrowId,
          legs: [
            debit('buyer_funds_held', payer, amountCents),
            credit('refunds_payable', payer, amountCents),
          ],
        },
        {
          kind: 'refund_paid',
          escrowId,
          legs: [
            debit('refunds_payable', payer, amountCents),
            credit('psp_clearing', payer, amountCents),
          ],
        },
      ];
    }
    default:
      return [];
  }
}

/** Missions: the instant payout of the provider's share (its release already credited provider_payable). */
export const MISSION_PAYOUT_TYPES = new Set(['MissionProviderPaidOut']);

export function missionPayoutPostings(event: RecordedEvent): Posting[] {
  if (event.type !== 'MissionProviderPaidOut') return [];
  const d = event.data as MissionProviderPaidOut['data'];
  return [
    {
      kind: 'mission_instant_payout',
      escrowId: d.escrowId,
      legs: [
        debit('provider_payable', d.providerId, d.amountCents),
        credit('psp_clearing', d.providerId, d.paidCents),
        credit('payout_fee_revenue', null, d.feeCents - d.vatOnFeeCents),
        credit('vat_collected', null, d.vatOnFeeCents),
      ],
    },
  ];
}

/** What one payout or wallet event posts, given what the payout already posted; also returns its new bookkeeping. */
export function payoutPostings(
  event: RecordedEvent,
  known: LedgerPayoutRow | undefined,
): { postings: Posting[]; row: LedgerPayoutRow | null } {
  const d = event.data as { payoutId: string; providerId: string; amountCents: number };
  const row: LedgerPayoutRow = known ?? {
    payout_id: d.payoutId,
    provider_id: d.providerId,
    amount_cents: d.amountCents,
    reserved: false,
    closed_as: null,
  };
  const payoutId = row.payout_id;
  const provider = row.provider_id;
  const amount = row.amount_cents;
  if (PAYOUT_RESERVED.has(event.type)) {
    if (row.reserved) return { postings: [], row: null };
    return {
      postings: [
        {
          kind: 'payout_reserved',
          payoutId,
          legs: [
            debit('provider_payable', provider, amount),
            credit('payouts_in_transit', provider, amount),
          ],
        },
      ],
      row: { ...row, reserved: true },
    };
  }
  if (!row.reserved || row.closed_as !== null) return { postings: [], row: null };
  if (PAYOUT_SENT.has(event.type)) {
    return {
      postings: [
        {
          kind: 'payout_sent',
          payoutId,
          legs: [
            debit('payouts_in_transit', provider, amount),
            credit('psp_clearing', provider, amount),
          ],
        },
      ],
      row: { ...row, closed_as: 'sent' },
    };
  }
  if (PAYOUT_RETURNED.has(event.type)) {
    return {
      postings: [
        {
          kind: 'payout_returned',
          payoutId,
          legs: [
            debit('payouts_in_transit', provider, amount),
            credit('provider_payable', provider, amount),
          ],
        },
      ],
      row: { ...row, closed_as: 'returned' },
    };
  }
  return { postings: [], row: null };
}
