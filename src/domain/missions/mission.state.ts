import { Cents } from '../shared';
import {
  Appreciation,
  MissionCandidate,
  MissionCanceller,
  MissionEvent,
  MissionPaymentPlan,
  MissionPlace,
  MissionPricing,
  MissionStatus,
  MissionTargeting,
  MissionTerms,
  RefusalReason,
  TERMINAL_MISSION_STATUSES,
} from './mission.events';

/** What the client sees of each status (seed 002 "Vos demandes", seed 000 "Mission terminée ✔"). */
export const MISSION_STATUS_LABELS: Readonly<Record<MissionStatus, string>> = {
  pending: 'En attente de réponse',
  confirmed: 'Rendez-vous confirmé',
  validated: 'Mission terminée',
  disputed: 'Problème signalé',
  resolved: 'Litige résolu',
  cancelled: 'Annulée',
  expired: 'Expirée',
};

export const isTerminalMission = (status: MissionStatus): boolean =>
  TERMINAL_MISSION_STATUSES.includes(status);

export interface MissionRefusal {
  providerId: string;
  reason: RefusalReason;
  refusedAt: string;
}

/** The card authorisation the money process recorded last (the escrow holds it). */
export interface MissionAuthorisation {
  escrowId: string;
  paymentRef: string;
  amountCents: Cents;
  authorisedAt: string;
}

export interface MissionAuthorisationFailure {
  attempt: number;
  reason: string;
  /** Absent after the last attempt: the system then cancels the mission. */
  nextAttemptAt: string | null;
  failedAt: string;
}

/** How the money is secured and where the securing stands. */
export interface MissionPayment {
  plan: MissionPaymentPlan;
  authoriseAt: string;
  paymentMethodRef: string;
  /** The hour pack that pays an `hour_pack` mission; null otherwise. */
  hourPackId: string | null;
  authorised: MissionAuthorisation | null;
  /** Failed automatic authorisations since the last success (0 once one succeeds). */
  failedAttempts: number;
  lastFailure: MissionAuthorisationFailure | null;
}

/** The request as published (or last changed before any confirmation). */
export interface MissionFacts {
  missionId: string;
  escrowId: string;
  clientId: string;
  serviceTypeId: string;
  serviceTypeLabel: string;
  targeting: MissionTargeting;
  terms: MissionTerms;
  place: MissionPlace;
  candidates: MissionCandidate[];
  /** Refusals of the current candidates (a change of the request sends it again and resets them). */
  refusals: MissionRefusal[];
  /** The highest candidate price, reserved until a provider accepts. */
  reservedCents: Cents;
  commissionRateBp: number;
  respondBy: string;
  autoValidateAt: string;
  requestedAt: string;
  payment: MissionPayment;
}

/** The provider whose acceptance won, and the current price (a change accepted replaces it). */
export interface ConfirmedProvider {
  providerId: string;
  pricing: MissionPricing;
  priceCents: Cents;
  commissionCents: Cents;
  providerNetCents: Cents;
  confirmedAt: string;
}

/** A change of the confirmed terms that the provider has not answered yet. */
export interface MissionChangeProposal {
  proposalId: string;
  proposedBy: string;
  proposed: MissionTerms;
  priceCents: Cents;
  proposedAt: string;
}

export interface MissionDispute {
  disputeId: string;
  reportedBy: string;
  reporterRole: 'client' | 'provider';
  statusAtReport: 'confirmed';
  reportedAt: string;
}

export interface MissionDisputeOutcome {
  disputeId: string;
  releasedToProviderCents: Cents;
  refundedToClientCents: Cents;
  closedAt: string;
}

export interface MissionCancellation {
  cancelledBy: MissionCanceller;
  actorId: string | null;
  from: 'pending' | 'confirmed';
  late: boolean;
  feeCents: Cents;
  refundCents: Cents;
  cancelledAt: string;
}

export interface MissionFeedback {
  appreciation: { value: Appreciation; comment: string; appreciatedAt: string } | null;
  recommendation: { text: string; recommendedAt: string } | null;
}

interface Engaged extends MissionFacts {
  provider: ConfirmedProvider;
  proposal: MissionChangeProposal | null;
}

export type PendingMission = MissionFacts & { status: 'pending' };
export type ConfirmedMission = Engaged & { status: 'confirmed' };
export type DisputedMission = Engaged & { status: 'disputed'; dispute: MissionDispute };
export type ValidatedMission = Engaged &
  MissionFeedback & {
    status: 'validated';
    validatedBy: 'client' | 'system';
    validatedAt: string;
  };
export type ResolvedMission = Engaged &
  MissionFeedback & {
    status: 'resolved';
    /** The report that opened the dispute, and how it was decided. */
    dispute: MissionDispute;
    outcome: MissionDisputeOutcome;
  };
export type CancelledMission = MissionFacts & {
  status: 'cancelled';
  /** Null when the request was cancelled before any acceptance. */
  provider: ConfirmedProvider | null;
  cancellation: MissionCancellation;
};
export type ExpiredMission = MissionFacts & { status: 'expired'; expiredAt: string };

export type MissionState =
  | { status: 'none' }
  | PendingMission
  | ConfirmedMission
  | DisputedMission
  | ValidatedMission
  | ResolvedMission
  | CancelledMission
  | ExpiredMission;

export type ExistingMission = Exclude<MissionState, { status: 'none' }>;
export type EngagedMission =
  ConfirmedMission | DisputedMission | ValidatedMission | ResolvedMission;

export const initialState = (): MissionState => ({ status: 'none' });

/** The confirmed provider, whatever the status, or null before any acceptance. */
export const providerOf = (mission: ExistingMission): ConfirmedProvider | null =>
  'provider' in mission ? mission.provider : null;

const facts = (mission: ExistingMission): MissionFacts => {
  const {
    missionId,
    escrowId,
    clientId,
    serviceTypeId,
    serviceTypeLabel,
    targeting,
    terms,
    place,
    candidates,
    refusals,
    reservedCents,
    commissionRateBp,
    respondBy,
    autoValidateAt,
    requestedAt,
    payment,
  } = mission;
  return {
    missionId,
    escrowId,
    clientId,
    serviceTypeId,
    serviceTypeLabel,
    targeting,
    terms,
    place,
    candidates,
    refusals,
    reservedCents,
    commissionRateBp,
    respondBy,
    autoValidateAt,
    requestedAt,
    payment,
  };
};

const engaged = (mission: EngagedMission): Engaged => ({
  ...facts(mission),
  provider: mission.provider,
  proposal: mission.proposal,
});

function requested(event: Extract<MissionEvent, { type: 'MissionRequested' }>): PendingMission {
  const { data } = event;
  return {
    status: 'pending',
    missionId: data.missionId,
    escrowId: data.escrowId,
    clientId: data.clientId,
    serviceTypeId: data.serviceTypeId,
    serviceTypeLabel: data.serviceTypeLabel,
    targeting: data.targeting,
    terms: {
      startsAt: data.startsAt,
      durationMinutes: data.durationMinutes,
      details: data.details,
    },
    place: data.place,
    candidates: data.candidates,
    refusals: [],
    reservedCents: data.reservedCents,
    commissionRateBp: data.commissionRateBp,
    respondBy: data.respondBy,
    autoValidateAt: data.autoValidateAt,
    requestedAt: data.requestedAt,
    payment: {
      plan: data.paymentPlan,
      authoriseAt: data.authoriseAt,
      paymentMethodRef: data.paymentMethodRef,
      hourPackId: data.hourPackId ?? null,
      authorised: null,
      failedAttempts: 0,
      lastFailure: null,
    },
  };
}

/** The money events apply while money may still be secured: pending or confirmed. */
function evolvePayment(mission: ExistingMission, event: MissionEvent): MissionState {
  if (mission.status !== 'pending' && mission.status !== 'confirmed') return mission;
  const { payment } = mission;
  switch (event.type) {
    case 'MissionPaymentAuthorised': {
      const { escrowId, paymentRef, amountCents, authorisedAt } = event.data;
      return {
        ...mission,
        payment: {
          ...payment,
          authorised: { escrowId, paymentRef, amountCents, authorisedAt },
          failedAttempts: 0,
          lastFailure: null,
        },
      };
    }
    case 'MissionPaymentAuthorisationFailed': {
      const { attempt, reason, nextAttemptAt, failedAt } = event.data;
      return {
        ...mission,
        payment: {
          ...payment,
          failedAttempts: payment.failedAttempts + 1,
          lastFailure: { attempt, reason, nextAttemptAt: nextAttemptAt ?? null, failedAt },
        },
      };
    }
    case 'MissionPaymentMethodReplaced':
      return { ...mission, payment: { ...payment, paymentMethodRef: event.data.paymentMethodRef } };
    default:
      return mission;
  }
}

function evolvePending(mission: PendingMission, event: MissionEvent): MissionState {
  switch (event.type) {
    case 'MissionRefusedByProvider': {
      const { providerId, reason, refusedAt } = event.data;
      if (mission.refusals.some((r) => r.providerId === providerId)) return mission;
      return { ...mission, refusals: [...mission.refusals, { providerId, reason, refusedAt }] };
    }
    case 'MissionConfirmed': {
      const { data } = event;
      const candidate = mission.candidates.find((c) => c.providerId === data.providerId);
      if (!candidate) return mission;
      return {
        ...facts(mission),
        status: 'confirmed',
        provider: {
          providerId: data.providerId,
          pricing: candidate.pricing,
          priceCents: data.priceCents,
          commissionCents: data.commissionCents,
          providerNetCents: data.providerNetCents,
          confirmedAt: data.confirmedAt,
        },
        proposal: null,
      };
    }
    case 'MissionRequestChanged': {
      const { data } = event;
      return {
        ...mission,
        terms: {
          startsAt: data.startsAt,
          durationMinutes: data.durationMinutes,
          details: data.details,
        },
        place: data.place,
        candidates: data.candidates,
        refusals: [],
        reservedCents: data.reservedCents,
        respondBy: data.respondBy,
        autoValidateAt: data.autoValidateAt,
        payment: { ...mission.payment, plan: data.paymentPlan, authoriseAt: data.authoriseAt },
      };
    }
    case 'MissionExpired':
      return { ...facts(mission), status: 'expired', expiredAt: event.data.expiredAt };
    default:
      return mission;
  }
}

function evolveConfirmed(mission: ConfirmedMission, event: MissionEvent): MissionState {
  switch (event.type) {
    case 'MissionChangeProposed': {
      if (mission.proposal) return mission;
      const { proposalId, proposedBy, proposed, priceCents, proposedAt } = event.data;
      return { ...mission, proposal: { proposalId, proposedBy, proposed, priceCents, proposedAt } };
    }
    case 'MissionChangeAccepted': {
      const { data } = event;
      if (mission.proposal?.proposalId !== data.proposalId) return mission;
      return {
        ...mission,
        terms: {
          startsAt: data.startsAt,
          durationMinutes: data.durationMinutes,
          details: data.details,
        },
        autoValidateAt: data.autoValidateAt,
        payment: { ...mission.payment, authoriseAt: data.authoriseAt },
        provider: {
          ...mission.provider,
          priceCents: data.priceCents,
          commissionCents: data.commissionCents,
          providerNetCents: data.providerNetCents,
        },
        proposal: null,
      };
    }
    case 'MissionChangeRefused':
    case 'MissionChangeWithdrawn':
      return mission.proposal?.proposalId === event.data.proposalId
        ? { ...mission, proposal: null }
        : mission;
    case 'MissionValidated':
      return {
        ...engaged(mission),
        // A change still unanswered at validation is moot.
        proposal: null,
        status: 'validated',
        validatedBy: event.data.validatedBy,
        validatedAt: event.data.validatedAt,
        appreciation: null,
        recommendation: null,
      };
    case 'MissionProblemReported': {
      const { disputeId, reportedBy, reporterRole, statusAtReport, reportedAt } = event.data;
      return {
        ...engaged(mission),
        status: 'disputed',
        dispute: { disputeId, reportedBy, reporterRole, statusAtReport, reportedAt },
      };
    }
    default:
      return mission;
  }
}

function evolveDisputed(mission: DisputedMission, event: MissionEvent): MissionState {
  if (event.type !== 'MissionDisputeClosed') return mission;
  const { data } = event;
  if (data.disputeId !== mission.dispute.disputeId) return mission;
  if (data.outcome === 'withdrawn') return { ...engaged(mission), status: 'confirmed' };
  return {
    ...engaged(mission),
    proposal: null,
    status: 'resolved',
    dispute: mission.dispute,
    outcome: {
      disputeId: data.disputeId,
      releasedToProviderCents: data.releasedToProviderCents,
      refundedToClientCents: data.refundedToClientCents,
      closedAt: data.closedAt,
    },
    appreciation: null,
    recommendation: null,
  };
}

function evolveFeedback(
  mission: ValidatedMission | ResolvedMission,
  event: MissionEvent,
): MissionState {
  if (event.type === 'MissionAppreciated' && mission.appreciation === null) {
    const { appreciation, comment, appreciatedAt } = event.data;
    return { ...mission, appreciation: { value: appreciation, comment, appreciatedAt } };
  }
  if (event.type === 'MissionRecommended' && mission.recommendation === null) {
    const { text, recommendedAt } = event.data;
    return { ...mission, recommendation: { text, recommendedAt } };
  }
  return mission;
}

function cancelled(
  mission: PendingMission | ConfirmedMission,
  event: Extract<MissionEvent, { type: 'MissionCancelled' }>,
): CancelledMission {
  const { data } = event;
  return {
    ...facts(mission),
    status: 'cancelled',
    provider: mission.status === 'confirmed' ? mission.provider : null,
    cancellation: {
      cancelledBy: data.cancelledBy,
      actorId: data.actorId ?? null,
      from: data.from,
      late: data.late,
      feeCents: data.feeCents,
      refundCents: data.refundCents,
      cancelledAt: data.cancelledAt,
    },
  };
}

/** Total: an event that does not fit the status leaves the state as it is; it never throws. */
export function evolve(state: MissionState, event: MissionEvent): MissionState {
  if (state.status === 'none') return event.type === 'MissionRequested' ? requested(event) : state;
  switch (event.type) {
    case 'MissionRequested': // a mission is requested once
    case 'MissionMessagePosted': // messages are read from the events, not kept in the state
      return state;
    case 'MissionPaymentAuthorised':
    case 'MissionPaymentAuthorisationFailed':
    case 'MissionPaymentMethodReplaced':
      return evolvePayment(state, event);
    case 'MissionCancelled':
      return state.status === 'pending' || state.status === 'confirmed'
        ? cancelled(state, event)
        : state;
    case 'MissionRefusedByProvider':
    case 'MissionConfirmed':
    case 'MissionRequestChanged':
    case 'MissionExpired':
      return state.status === 'pending' ? evolvePending(state, event) : state;
    case 'MissionChangeProposed':
    case 'MissionChangeAccepted':
    case 'MissionChangeRefused':
    case 'MissionChangeWithdrawn':
    case 'MissionValidated':
    case 'MissionProblemReported':
      return state.status === 'confirmed' ? evolveConfirmed(state, event) : state;
    case 'MissionDisputeClosed':
      return state.status === 'disputed' ? evolveDisputed(state, event) : state;
    case 'MissionAppreciated':
    case 'MissionRecommended':
      return state.status === 'validated' || state.status === 'resolved'
        ? evolveFeedback(state, event)
        : state;
    default:
      // Exhaustive at compile time, yet an unknown stored type leaves the state as is.
      event satisfies never;
      return state;
  }
}
