import type { MissionEvent, MissionStatus } from '../../../domain/missions/mission.events';

/**
 * A read-only fold of a mission stream for the dispute flow and the case history: the disputes
 * context never runs the missions decider, it folds the published events (`mission.events.ts`).
 * Only the facts a dispute needs: parties, escrow, status, the problem report and its closure.
 */
export type MissionViewStatus = 'none' | MissionStatus;

/** The missions context's user-facing names, repeated here because its domain is not ours to import. */
export const MISSION_VIEW_STATUS_LABELS: Readonly<Record<MissionStatus, string>> = {
  pending: 'En attente de réponse',
  confirmed: 'Rendez-vous confirmé',
  validated: 'Mission terminée',
  disputed: 'Problème signalé',
  resolved: 'Litige résolu',
  cancelled: 'Annulée',
  expired: 'Expirée',
};

export interface MissionView {
  status: MissionViewStatus;
  missionId: string;
  escrowId: string;
  clientId: string;
  /** The confirmed provider; empty before a confirmation. */
  providerId: string;
  serviceTypeLabel: string;
  startsAt: string | null;
  priceCents: number;
  paymentPlan: 'authorise_now' | 'authorise_later' | 'hour_pack' | null;
  authoriseAt: string | null;
  authorised: boolean;
  /** The problem report freezing the mission, while it is disputed. */
  problem: { disputeId: string; reportedBy: string; statusAtReport: 'confirmed' } | null;
  /** Every dispute the mission ever took, oldest first. */
  disputeIds: string[];
  closure: {
    disputeId: string;
    outcome: 'withdrawn' | 'decided';
    releasedToProviderCents: number;
    refundedToClientCents: number;
  } | null;
  revision: number | null;
}

export const emptyMissionView = (): MissionView => ({
  status: 'none',
  missionId: '',
  escrowId: '',
  clientId: '',
  providerId: '',
  serviceTypeLabel: '',
  startsAt: null,
  priceCents: 0,
  paymentPlan: null,
  authoriseAt: null,
  authorised: false,
  problem: null,
  disputeIds: [],
  closure: null,
  revision: null,
});

/** Folds one raw event; unknown types and events that do not apply leave the view as it was. */
export function foldMissionView(
  view: MissionView,
  raw: { type: string; data: unknown },
  revision?: number,
): MissionView {
  const next = applyMissionEvent(view, raw as MissionEvent);
  return revision === undefined ? next : { ...next, revision };
}

function applyMissionEvent(view: MissionView, event: MissionEvent): MissionView {
  if (event.type === 'MissionRequested') {
    if (view.status !== 'none') return view;
    const d = event.data;
    return {
      ...view,
      status: 'pending',
      missionId: d.missionId,
      escrowId: d.escrowId,
      clientId: d.clientId,
      serviceTypeLabel: d.serviceTypeLabel,
      startsAt: d.startsAt,
      priceCents: d.reservedCents,
      paymentPlan: d.paymentPlan,
      authoriseAt: d.authoriseAt,
    };
  }
  if (view.status === 'none') return view;
  switch (event.type) {
    case 'MissionConfirmed':
      return view.status === 'pending'
        ? {
            ...view,
            status: 'confirmed',
            providerId: event.data.providerId,
            priceCents: event.data.priceCents,
          }
        : view;
    case 'MissionRequestChanged':
      return view.status === 'pending'
        ? {
            ...view,
            startsAt: event.data.startsAt,
            priceCents: event.data.reservedCents,
            paymentPlan: event.data.paymentPlan,
            authoriseAt: event.data.authoriseAt,
          }
        : view;
    case 'MissionChangeAccepted':
      return { ...view, startsAt: event.data.startsAt, priceCents: event.data.priceCents };
    case 'MissionPaymentAuthorised':
      return { ...view, authorised: true };
    case 'MissionCancelled':
      return view.status === 'pending' || view.status === 'confirmed'
        ? { ...view, status: 'cancelled' }
        : view;
    case 'MissionExpired':
      return view.status === 'pending' ? { ...view, status: 'expired' } : view;
    case 'MissionValidated':
      return view.status === 'confirmed' ? { ...view, status: 'validated' } : view;
    case 'MissionProblemReported': {
      if (view.status !== 'confirmed') return view;
      const { disputeId, reportedBy, statusAtReport } = event.data;
      return {
        ...view,
        status: 'disputed',
        problem: { disputeId, reportedBy, statusAtReport },
        disputeIds: view.disputeIds.includes(disputeId)
          ? view.disputeIds
          : [...view.disputeIds, disputeId],
      };
    }
    case 'MissionDisputeClosed': {
      const d = event.data;
      if (view.status !== 'disputed' || view.problem?.disputeId !== d.disputeId) return view;
      return {
        ...view,
        status: d.outcome === 'withdrawn' ? view.problem.statusAtReport : 'resolved',
        problem: null,
        closure: {
          disputeId: d.disputeId,
          outcome: d.outcome,
          releasedToProviderCents: d.releasedToProviderCents,
          refundedToClientCents: d.refundedToClientCents,
        },
      };
    }
    case 'MissionRefusedByProvider':
    case 'MissionChangeProposed':
    case 'MissionChangeRefused':
    case 'MissionChangeWithdrawn':
    case 'MissionPaymentAuthorisationFailed':
    case 'MissionPaymentMethodReplaced':
    case 'MissionMessagePosted':
    case 'MissionAppreciated':
    case 'MissionRecommended':
      return view;
    default:
      // Exhaustive at compile time; a stored type this view does not know leaves it as it was.
      event satisfies never;
      return view;
  }
}

/** Only the client and the confirmed provider are parties to a mission's dispute. */
export function isMissionParty(view: MissionView, accountId: string): boolean {
  return (
    view.status !== 'none' &&
    (view.clientId === accountId || (view.providerId !== '' && view.providerId === accountId))
  );
}
