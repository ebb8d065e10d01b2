import type { Cents, DomainEvent, EventVersions } from '../shared';

/** Stream of one dispute: `dispute-<disputeId>`. */
export const DISPUTE_STREAM_CATEGORY = 'dispute';
export const disputeStreamName = (disputeId: string): string =>
  `${DISPUTE_STREAM_CATEGORY}-${disputeId}`;

/** Why an order is contested; `chargeback` is the card network's, opened by the system. */
export const ORDER_DISPUTE_REASONS = [
  'late_delivery',
  'not_as_described',
  'no_response',
  'revision_refused',
  'cancellation_refused',
  'other',
  'chargeback',
] as const;

/** Why a party presses "Signaler un problème" on a local mission. */
export const MISSION_DISPUTE_REASONS = ['no_show', 'poor_quality', 'damage', 'other'] as const;

export const DISPUTE_REASONS = [
  ...ORDER_DISPUTE_REASONS,
  'no_show',
  'poor_quality',
  'damage',
] as const;
export type DisputeReason = (typeof DISPUTE_REASONS)[number];

/** Only work still in progress or awaiting acceptance can be contested. */
export const CONTESTABLE_ORDER_STATUSES = ['active', 'delivered', 'in_revision'] as const;
export type ContestableOrderStatus = (typeof CONTESTABLE_ORDER_STATUSES)[number];

/** A mission is disputed only once a provider confirmed it and before it is validated. */
export const CONTESTABLE_MISSION_STATUSES = ['confirmed'] as const;
export type ContestableMissionStatus = (typeof CONTESTABLE_MISSION_STATUSES)[number];

/** A tender project is disputed (SMA) once signed, while its R0 account holds money. */
export const CONTESTABLE_PROJECT_STATUSES = ['signed'] as const;
export type ContestableProjectStatus = (typeof CONTESTABLE_PROJECT_STATUSES)[number];

/** Where the subject stood when the dispute opened (an order's, a mission's or a project's status). */
export type SubjectStatusAtOpening =
  ContestableOrderStatus | ContestableMissionStatus | ContestableProjectStatus;

export const DECISION_OUTCOMES = ['full_refund', 'partial_refund', 'pay_seller', 'split'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/**
 * What is disputed. For a mission the buyer is the client and the seller the confirmed provider:
 * the party slots keep their stored names whatever the subject.
 */
export interface DisputeSubject {
  kind: 'order' | 'mission' | 'project';
  id: string;
}
export type DisputePartyRole = 'buyer' | 'seller';
/** A chargeback reaches us from the card network, so the system opens it on the buyer's behalf. */
export type DisputeOpenerRole = DisputePartyRole | 'system';
export type MediationStaffRole = 'mediator' | 'admin';

export type DisputeOpened = DomainEvent<
  'DisputeOpened',
  {
    disputeId: string;
    subject: DisputeSubject;
    buyerId: string;
    sellerId: string;
    escrowId: string;
    reason: DisputeReason;
    statement: string;
    evidenceRefs: string[];
    openedBy: string;
    openerRole: DisputeOpenerRole;
    respondentId: string;
    respondentRole: DisputePartyRole;
    openedAt: string;
    responseDeadlineDays: number;
    responseDueAt: string;
    heldCents: Cents;
    /**
     * Where the subject stood, so that a withdrawal can put it back there; the stored name
     * predates missions (`confirmed` for a mission).
     */
    orderStatusAtOpening: SubjectStatusAtOpening;
  }
>;

export type DisputeStatementAdded = DomainEvent<
  'DisputeStatementAdded',
  {
    disputeId: string;
    statementId: string;
    authorId: string;
    authorRole: DisputePartyRole;
    text: string;
    evidenceRefs: string[];
    addedAt: string;
    /** True for the respondent's first statement made before `responseDueAt`. */
    isResponse: boolean;
  }
>;

export type DisputeResponseDeadlineLapsed = DomainEvent<
  'DisputeResponseDeadlineLapsed',
  {
    disputeId: string;
    respondentId: string;
    respondentRole: DisputePartyRole;
    responseDueAt: string;
  }
>;

export type DisputeAssigned = DomainEvent<
  'DisputeAssigned',
  {
    disputeId: string;
    mediatorId: string;
    assignedBy: string;
    assignedByRole: MediationStaffRole;
    previousMediatorId: string | null;
  }
>;

export type DisputeInternalNoteAdded = DomainEvent<
  'DisputeInternalNoteAdded',
  {
    disputeId: string;
    noteId: string;
    authorId: string;
    authorRole: MediationStaffRole;
    text: string;
    visibility: 'staff';
  }
>;

export type DisputeSettlementProposed = DomainEvent<
  'DisputeSettlementProposed',
  {
    disputeId: string;
    settlementId: string;
    proposedBy: string;
    proposedByRole: MediationStaffRole;
    refundCents: Cents;
    releaseCents: Cents;
    heldCents: Cents;
    replacesSettlementId: string | null;
  }
>;

export type DisputeSettlementAccepted = DomainEvent<
  'DisputeSettlementAccepted',
  { disputeId: string; settlementId: string; by: string; byRole: DisputePartyRole }
>;

export type DisputeSettlementRejected = DomainEvent<
  'DisputeSettlementRejected',
  { disputeId: string; settlementId: string; by: string; byRole: DisputePartyRole }
>;

/** Both parties accepted: the escrow refunds `refundCents` to the buyer and releases `releaseCents`. */
export type DisputeSettled = DomainEvent<
  'DisputeSettled',
  {
    disputeId: string;
    settlementId: string;
    subject: DisputeSubject;
    escrowId: string;
    buyerId: string;
    sellerId: string;
    refundCents: Cents;
    releaseCents: Cents;
    heldCents: Cents;
  }
>;

export type DisputeWithdrawn = DomainEvent<
  'DisputeWithdrawn',
  {
    disputeId: string;
    withdrawnBy: string;
    withdrawnByRole: DisputeOpenerRole;
    subject: DisputeSubject;
    escrowId: string;
    orderStatusToRestore: SubjectStatusAtOpening;
  }
>;

export type DisputeDecided = DomainEvent<
  'DisputeDecided',
  {
    disputeId: string;
    decisionId: string;
    decidedBy: string;
    decidedByRole: MediationStaffRole;
    outcome: DecisionOutcome;
    refundCents: Cents;
    releaseCents: Cents;
    reasoning: string;
    heldCents: Cents;
    subject: DisputeSubject;
    escrowId: string;
    buyerId: string;
    sellerId: string;
  }
>;

export type DisputeEvent =
  | DisputeOpened
  | DisputeStatementAdded
  | DisputeResponseDeadlineLapsed
  | DisputeAssigned
  | DisputeInternalNoteAdded
  | DisputeSettlementProposed
  | DisputeSettlementAccepted
  | DisputeSettlementRejected
  | DisputeSettled
  | DisputeWithdrawn
  | DisputeDecided;

export type DisputeEventType = DisputeEvent['type'];

/** Stored schema version per event type; raise one only with an upcaster (docs/event-store.md). */
export const DISPUTE_EVENT_VERSIONS: EventVersions<DisputeEventType> = {
  DisputeOpened: 1,
  DisputeStatementAdded: 1,
  DisputeResponseDeadlineLapsed: 1,
  DisputeAssigned: 1,
  DisputeInternalNoteAdded: 1,
  DisputeSettlementProposed: 1,
  DisputeSettlementAccepted: 1,
  DisputeSettlementRejected: 1,
  DisputeSettled: 1,
  DisputeWithdrawn: 1,
  DisputeDecided: 1,
};
export const DISPUTE_EVENT_TYPES = Object.keys(
  DISPUTE_EVENT_VERSIONS,
) as readonly DisputeEventType[];

/** Event types the parties never see in their case history; typed on `string` so a mixed timeline can ask. */
export const STAFF_ONLY_DISPUTE_EVENTS: ReadonlySet<string> = new Set<DisputeEventType>([
  'DisputeInternalNoteAdded',
]);

export function isStaffOnlyDisputeEvent(type: string): boolean {
  return STAFF_ONLY_DISPUTE_EVENTS.has(type);
}

export function isDisputeEvent(event: { type: string }): event is DisputeEvent {
  return Object.prototype.hasOwnProperty.call(DISPUTE_EVENT_VERSIONS, event.type);
}
