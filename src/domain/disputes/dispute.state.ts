import type { Cents } from '../shared';
import type {
  DecisionOutcome,
  DisputeEvent,
  DisputeOpenerRole,
  DisputePartyRole,
  DisputeReason,
  DisputeSubject,
  SubjectStatusAtOpening,
} from './dispute.events';

export const DISPUTE_STATUSES = [
  'open',
  'under_review',
  'settlement_proposed',
  'resolved',
  'withdrawn',
] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/** What every opened dispute knows, whatever its status. */
export interface DisputeCase {
  disputeId: string;
  subject: DisputeSubject;
  buyerId: string;
  sellerId: string;
  escrowId: string;
  reason: DisputeReason;
  openedBy: string;
  openerRole: DisputeOpenerRole;
  respondentId: string;
  respondentRole: DisputePartyRole;
  openedAt: string;
  responseDueAt: string;
  /** Time of the respondent's first statement made before the deadline, if any. */
  respondedAt: string | null;
  responseLapsed: boolean;
  /** What the escrow held when the dispute opened; it cannot change while the order is frozen. */
  heldCents: Cents;
  orderStatusAtOpening: SubjectStatusAtOpening;
  mediatorId: string | null;
}

export interface PendingSettlement {
  settlementId: string;
  refundCents: Cents;
  releaseCents: Cents;
  acceptedBy: DisputePartyRole[];
}

export type DisputeResolution =
  | { via: 'settlement'; settlementId: string; refundCents: Cents; releaseCents: Cents }
  | {
      via: 'decision';
      decisionId: string;
      decidedBy: string;
      outcome: DecisionOutcome;
      refundCents: Cents;
      releaseCents: Cents;
    };

export type DisputeState =
  | { status: 'none' }
  | (DisputeCase & { status: 'open' })
  | (DisputeCase & { status: 'under_review' })
  | (DisputeCase & { status: 'settlement_proposed'; settlement: PendingSettlement })
  | (DisputeCase & { status: 'resolved'; resolution: DisputeResolution })
  | (DisputeCase & { status: 'withdrawn'; withdrawnBy: string });

export type OpenedDisputeState = Exclude<DisputeState, { status: 'none' }>;
export type ClosedDisputeState = Extract<OpenedDisputeState, { status: 'resolved' | 'withdrawn' }>;
export type ActiveDisputeState = Exclude<OpenedDisputeState, ClosedDisputeState>;

export const initialState = (): DisputeState => ({ status: 'none' });

export function isClosed(state: OpenedDisputeState): state is ClosedDisputeState {
  return state.status === 'resolved' || state.status === 'withdrawn';
}

/** Drops status-specific fields so a transition never carries a stale settlement along. */
function caseOf(state: ActiveDisputeState): DisputeCase {
  if (state.status === 'settlement_proposed') {
    const { status: _status, settlement: _settlement, ...facts } = state;
    return facts;
  }
  const { status: _status, ...facts } = state;
  return facts;
}

/** Folds one event into the state; events that do not apply to the current state are ignored. */
export function evolve(state: DisputeState, event: DisputeEvent): DisputeState {
  if (event.type === 'DisputeOpened') {
    if (state.status !== 'none') return state;
    const d = event.data;
    return {
      status: 'open',
      disputeId: d.disputeId,
      subject: d.subject,
      buyerId: d.buyerId,
      sellerId: d.sellerId,
      escrowId: d.escrowId,
      reason: d.reason,
      openedBy: d.openedBy,
      openerRole: d.openerRole,
      respondentId: d.respondentId,
      respondentRole: d.respondentRole,
      openedAt: d.openedAt,
      responseDueAt: d.responseDueAt,
      respondedAt: null,
      responseLapsed: false,
      heldCents: d.heldCents,
      orderStatusAtOpening: d.orderStatusAtOpening,
      mediatorId: null,
    };
  }
  if (state.status === 'none' || isClosed(state)) return state;
  const active: ActiveDisputeState = state;

  switch (event.type) {
    case 'DisputeStatementAdded':
      return event.data.isResponse && active.respondedAt === null
        ? { ...active, respondedAt: event.data.addedAt }
        : active;
    case 'DisputeResponseDeadlineLapsed':
      return { ...active, responseLapsed: true };
    case 'DisputeAssigned':
      return active.status === 'open'
        ? { ...active, status: 'under_review', mediatorId: event.data.mediatorId }
        : { ...active, mediatorId: event.data.mediatorId };
    case 'DisputeInternalNoteAdded':
      return active;
    case 'DisputeSettlementProposed':
      return {
        ...caseOf(active),
        status: 'settlement_proposed',
        settlement: {
          settlementId: event.data.settlementId,
          refundCents: event.data.refundCents,
          releaseCents: event.data.releaseCents,
          acceptedBy: [],
        },
      };
    case 'DisputeSettlementAccepted': {
      if (active.status !== 'settlement_proposed') return active;
      const { settlement } = active;
      if (settlement.settlementId !== event.data.settlementId) return active;
      if (settlement.acceptedBy.includes(event.data.byRole)) return active;
      return {
        ...active,
        settlement: { ...settlement, acceptedBy: [...settlement.acceptedBy, event.data.byRole] },
      };
    }
    case 'DisputeSettlementRejected':
      if (active.status !== 'settlement_proposed') return active;
      if (active.settlement.settlementId !== event.data.settlementId) return active;
      return { ...caseOf(active), status: active.mediatorId === null ? 'open' : 'under_review' };
    case 'DisputeSettled':
      return {
        ...caseOf(active),
        status: 'resolved',
        resolution: {
          via: 'settlement',
          settlementId: event.data.settlementId,
          refundCents: event.data.refundCents,
          releaseCents: event.data.releaseCents,
        },
      };
    case 'DisputeWithdrawn':
      return { ...caseOf(active), status: 'withdrawn', withdrawnBy: event.data.withdrawnBy };
    case 'DisputeDecided':
      return {
        ...caseOf(active),
        status: 'resolved',
        resolution: {
          via: 'decision',
          decisionId: event.data.decisionId,
          decidedBy: event.data.decidedBy,
          outcome: event.data.outcome,
          refundCents: event.data.refundCents,
          releaseCents: event.data.releaseCents,
        },
      };
    default:
      // Exhaustive at compile time, yet an unknown stored type leaves the state as is: evolve never
      // throws.
      event satisfies never;
      return state;
  }
}
