import type { EscrowEvent } from '../../../domain/escrow';

/** A read-only fold of an escrow stream: balances, the freezing dispute and each movement by id. */
export type EscrowViewStatus = 'none' | 'awaiting_funding' | 'held' | 'frozen' | 'closed';

/** The escrow context's user-facing names, repeated here because its domain is not ours to import. */
export const ESCROW_VIEW_STATUS_LABELS: Readonly<Record<EscrowViewStatus, string>> = {
  none: 'Inexistant',
  awaiting_funding: 'En attente de paiement',
  held: 'Sous séquestre',
  frozen: 'Bloqué (contestation)',
  closed: 'Clôturé',
};

export interface EscrowMovement {
  amountCents: number;
  commissionCents: number;
  payeeNetCents: number;
  reason: string;
  disputeId: string | null;
  decisionId: string | null;
}

export interface EscrowView {
  status: EscrowViewStatus;
  escrowId: string;
  subject: { kind: string; id: string } | null;
  payerId: string;
  payeeId: string;
  commissionRateBp: number;
  fundedCents: number;
  releasedCents: number;
  refundedCents: number;
  heldCents: number;
  commissionCents: number;
  payeeNetCents: number;
  frozenBy: string | null;
  /** Gateway payment ids by tranche, oldest first: refunds and releases draw on them. */
  payments: { trancheId: string; paymentRef: string; amountCents: number }[];
  releases: Record<string, EscrowMovement>;
  refunds: Record<string, EscrowMovement>;
  revision: number | null;
}

export const emptyEscrowView = (): EscrowView => ({
  status: 'none',
  escrowId: '',
  subject: null,
  payerId: '',
  payeeId: '',
  commissionRateBp: 0,
  fundedCents: 0,
  releasedCents: 0,
  refundedCents: 0,
  heldCents: 0,
  commissionCents: 0,
  payeeNetCents: 0,
  frozenBy: null,
  payments: [],
  releases: {},
  refunds: {},
  revision: null,
});

/** Held money reaching zero closes the escrow, whatever froze it. */
function settle(view: EscrowView): EscrowView {
  if (view.heldCents > 0) return { ...view, status: view.frozenBy ? 'frozen' : 'held' };
  return { ...view, status: 'closed', frozenBy: null };
}

export function foldEscrowView(
  view: EscrowView,
  raw: { type: string; data: unknown },
  revision?: number,
): EscrowView {
  const next = applyEscrowEvent(view, raw as EscrowEvent);
  return revision === undefined ? next : { ...next, revision };
}

function applyEscrowEvent(view: EscrowView, event: EscrowEvent): EscrowView {
  if (event.type === 'EscrowOpened') {
    if (view.status !== 'none') return view;
    const { escrowId, subject, payerId, payeeId, commissionRateBp } = event.data;
    return {
      ...view,
      status: 'awaiting_funding',
      escrowId,
      subject,
      payerId,
      payeeId,
      commissionRateBp,
    };
  }
  if (view.status === 'none') return view;
  switch (event.type) {
    case 'EscrowFunded': {
      const { trancheId, amountCents, paymentRef } = event.data;
      if (view.payments.some((p) => p.trancheId === trancheId)) return view;
      return settle({
        ...view,
        fundedCents: view.fundedCents + amountCents,
        heldCents: view.heldCents + amountCents,
        payments: [...view.payments, { trancheId, paymentRef, amountCents }],
      });
    }
    case 'EscrowReleased': {
      const d = event.data;
      if (Object.hasOwn(view.releases, d.releaseId)) return view;
      const movement: EscrowMovement = {
        amountCents: d.amountCents,
        commissionCents: d.commissionCents,
        payeeNetCents: d.payeeNetCents,
        reason: d.reason,
        disputeId: d.disputeId ?? null,
        decisionId: d.decisionId ?? null,
      };
      return settle({
        ...view,
        releasedCents: view.releasedCents + d.amountCents,
        heldCents: view.heldCents - d.amountCents,
        commissionCents: view.commissionCents + d.commissionCents,
        payeeNetCents: view.payeeNetCents + d.payeeNetCents,
        releases: { ...view.releases, [d.releaseId]: movement },
      });
    }
    case 'EscrowRefunded': {
      const d = event.data;
      if (Object.hasOwn(view.refunds, d.refundId)) return view;
      const movement: EscrowMovement = {
        amountCents: d.amountCents,
        commissionCents: 0,
        payeeNetCents: 0,
        reason: d.reason,
        disputeId: d.disputeId ?? null,
        decisionId: d.decisionId ?? null,
      };
      return settle({
        ...view,
        refundedCents: view.refundedCents + d.amountCents,
        heldCents: view.heldCents - d.amountCents,
        refunds: { ...view.refunds, [d.refundId]: movement },
      });
    }
    case 'EscrowFrozen':
      return view.status === 'held'
        ? { ...view, status: 'frozen', frozenBy: event.data.disputeId }
        : view;
    case 'EscrowUnfrozen':
      return view.status === 'frozen' && view.frozenBy === event.data.disputeId
        ? { ...view, status: 'held', frozenBy: null }
        : view;
    default:
      // Exhaustive at compile time; a stored type this view does not know leaves it as it was.
      event satisfies never;
      return view;
  }
}
