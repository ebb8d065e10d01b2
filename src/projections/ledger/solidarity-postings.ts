import { RecordedEvent } from '../../application/shared/event-store.port';
import type { SolidarityMonthClosed, SolidarityShareCredited } from '../../domain/solidarity';
import { credit, debit } from './ledger.accounts';
import type { Posting } from './ledger.postings';

/**
 * The solidarity pot (docs/solidarity-pot.md). At a month's close the shared amount is the
 * platform's expense owed to the associations: `solidarity_expense` debited, each association's
 * `association_payable` credited. A share credited to the association's wallet becomes money the
 * wallet holds, as a provider's: `association_payable` → `provider_payable`, which the payout
 * postings (`payout_reserved`, `payout_sent`) then move out. An amount carried over (no partner)
 * posts nothing until a later month shares it. Both events are one per month and association
 * (the month's stream records each once), so the journal keys them by log position.
 */
export const SOLIDARITY_POSTING_TYPES = new Set([
  'SolidarityMonthClosed',
  'SolidarityShareCredited',
]);

export function solidarityPostings(event: RecordedEvent): Posting[] {
  if (event.type === 'SolidarityMonthClosed') {
    const d = event.data as SolidarityMonthClosed['data'];
    const shares = d.shares.filter((s) => s.amountCents > 0);
    const total = shares.reduce((s, x) => s + x.amountCents, 0);
    if (total === 0) return [];
    return [
      {
        kind: 'solidarity_pot_shared',
        at: d.closedAt,
        legs: [
          debit('solidarity_expense', null, total),
          ...shares.map((s) => credit('association_payable', s.associationId, s.amountCents)),
        ],
      },
    ];
  }
  if (event.type === 'SolidarityShareCredited') {
    const d = event.data as SolidarityShareCredited['data'];
    if (d.amountCents <= 0) return [];
    return [
      {
        kind: 'solidarity_share_credited',
        at: d.creditedAt,
        legs: [
          debit('association_payable', d.associationId, d.amountCents),
          credit('provider_payable', d.associationId, d.amountCents),
        ],
      },
    ];
  }
  return [];
}
