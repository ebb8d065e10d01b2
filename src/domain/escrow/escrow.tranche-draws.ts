import type { Cents } from '../shared';
import type { EscrowEvent } from './escrow.events';

export interface TrancheDraw {
  trancheId: string;
  paymentRef: string;
  amountCents: Cents;
}

/**
 * Which funded tranches a refund of a tranche-funded escrow (a tender project) drew on, so the
 * gateway gives back each tranche's own charge: a release naming its tranche takes that tranche
 * whole; any other movement draws on the tranches still held, oldest first (as the project's
 * account shows them). Empty when the refund is unknown.
 */
export function refundDraws(events: readonly EscrowEvent[], refundId: string): TrancheDraw[] {
  const tranches: { trancheId: string; paymentRef: string; freeCents: Cents }[] = [];
  const draw = (amountCents: Cents, trancheId?: string): TrancheDraw[] => {
    const draws: TrancheDraw[] = [];
    let left = amountCents;
    for (const t of tranches) {
      if (left === 0) break;
      if (trancheId !== undefined && t.trancheId !== trancheId) continue;
      const take = Math.min(t.freeCents, left);
      if (take === 0) continue;
      t.freeCents -= take;
      left -= take;
      draws.push({ trancheId: t.trancheId, paymentRef: t.paymentRef, amountCents: take });
    }
    return draws;
  };
  for (const event of events) {
    switch (event.type) {
      case 'EscrowFunded':
        if (!tranches.some((t) => t.trancheId === event.data.trancheId))
          tranches.push({
            trancheId: event.data.trancheId,
            paymentRef: event.data.paymentRef,
            freeCents: event.data.amountCents,
          });
        break;
      case 'EscrowReleased':
        draw(event.data.amountCents, event.data.trancheId);
        break;
      case 'EscrowRefunded': {
        const draws = draw(event.data.amountCents);
        if (event.data.refundId === refundId) return draws;
        break;
      }
      default:
        break;
    }
  }
  return [];
}
