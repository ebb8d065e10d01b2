import {
  BusinessRuleError,
  Cents,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
} from '../shared';
import type { DecisionOutcome } from './dispute.events';

/** Every code the disputes deciders can throw, besides the shared `MONEY_INVALID_AMOUNT` (400). */
export const DISPUTE_ERROR_CODES = [
  // 400
  'DISPUTE_STATEMENT_REQUIRED',
  'DISPUTE_EVIDENCE_REF_INVALID',
  'DISPUTE_REASON_INVALID',
  'DISPUTE_REASON_RESERVED_FOR_SYSTEM',
  'DISPUTE_RESPONSE_DEADLINE_INVALID',
  'DISPUTE_NOTE_REQUIRED',
  'DECISION_REASONING_REQUIRED',
  'DECISION_OUTCOME_INVALID',
  'DECISION_AMOUNT_REQUIRED',
  // 403
  'NOT_A_PARTY',
  'NOT_THE_OPENER',
  'NOT_MEDIATION_STAFF',
  'NOT_ASSIGNED_MEDIATOR',
  'ONLY_ADMIN_MAY_ASSIGN_OTHERS',
  'ONLY_ADMIN_MAY_REASSIGN',
  'SYSTEM_ONLY',
  // 404
  'DISPUTE_NOT_FOUND',
  // 409
  'DISPUTE_ALREADY_OPENED',
  'DISPUTE_CLOSED',
  'ORDER_NOT_CONTESTABLE',
  'MISSION_NOT_DISPUTABLE',
  'PROJECT_NOT_DISPUTABLE',
  'NO_SETTLEMENT_PROPOSED',
  'SETTLEMENT_NOT_PENDING',
  // 422
  'DECISION_EXCEEDS_HELD',
  'DECISION_MUST_DISTRIBUTE_HELD',
  'DECISION_AMOUNTS_DO_NOT_MATCH_OUTCOME',
] as const;
export type DisputeErrorCode = (typeof DISPUTE_ERROR_CODES)[number];

interface Amounts {
  heldCents: Cents;
  refundCents: Cents;
  releaseCents: Cents;
}

export const statementRequired = () =>
  new ValidationError('DISPUTE_STATEMENT_REQUIRED', 'A statement must not be empty');
export const evidenceRefInvalid = (index: number | null) =>
  new ValidationError(
    'DISPUTE_EVIDENCE_REF_INVALID',
    'Evidence references must be non-empty strings',
    {
      index,
    },
  );
export const reasonInvalid = (reason: unknown, subjectKind?: string) =>
  new ValidationError(
    'DISPUTE_REASON_INVALID',
    subjectKind === 'mission'
      ? 'Not a reason to report a problem on a mission'
      : 'Unknown dispute reason',
    subjectKind === 'mission' ? { reason, subjectKind } : { reason },
  );
export const reasonReservedForSystem = () =>
  new ValidationError(
    'DISPUTE_REASON_RESERVED_FOR_SYSTEM',
    'Chargeback disputes are opened by the payment system, not by a party',
  );
export const responseDeadlineInvalid = (days: unknown) =>
  new ValidationError(
    'DISPUTE_RESPONSE_DEADLINE_INVALID',
    'The response deadline must be a positive whole number of days',
    { responseDeadlineDays: days },
  );
export const noteRequired = () =>
  new ValidationError('DISPUTE_NOTE_REQUIRED', 'An internal note must not be empty');
export const reasoningRequired = () =>
  new ValidationError('DECISION_REASONING_REQUIRED', 'A decision must state its reasoning');
export const outcomeInvalid = (outcome: unknown) =>
  new ValidationError('DECISION_OUTCOME_INVALID', 'Unknown decision outcome', { outcome });
export const amountRequired = (outcome: DecisionOutcome, field: 'refundCents' | 'releaseCents') =>
  new ValidationError(
    'DECISION_AMOUNT_REQUIRED',
    `${field} is required for a ${outcome} decision`,
    {
      outcome,
      field,
    },
  );

export const notAParty = () =>
  new ForbiddenError('NOT_A_PARTY', 'Only the buyer or the seller may do this');
export const notTheOpener = () =>
  new ForbiddenError('NOT_THE_OPENER', 'Only whoever opened the dispute may withdraw it');
export const notMediationStaff = () =>
  new ForbiddenError('NOT_MEDIATION_STAFF', 'Only a mediator or an admin may do this');
export const notAssignedMediator = (mediatorId: string | null) =>
  new ForbiddenError(
    'NOT_ASSIGNED_MEDIATOR',
    'Only the mediator assigned to the case (or an admin) may do this',
    {
      mediatorId,
    },
  );
export const onlyAdminMayAssignOthers = () =>
  new ForbiddenError(
    'ONLY_ADMIN_MAY_ASSIGN_OTHERS',
    'A mediator may only take a case for themselves',
  );
export const onlyAdminMayReassign = (currentMediatorId: string) =>
  new ForbiddenError(
    'ONLY_ADMIN_MAY_REASSIGN',
    'The case already has a mediator; only an admin may reassign it',
    {
      currentMediatorId,
    },
  );
export const systemOnly = () =>
  new ForbiddenError('SYSTEM_ONLY', 'Only the scheduler may record a lapsed deadline');

export const disputeNotFound = () => new NotFoundError('DISPUTE_NOT_FOUND', 'No such dispute');

export const disputeAlreadyOpened = (currentStatus: string) =>
  new IllegalStateError('DISPUTE_ALREADY_OPENED', 'This dispute has already been opened', {
    currentStatus,
  });
export const disputeClosed = (currentStatus: string) =>
  new IllegalStateError('DISPUTE_CLOSED', 'The dispute is closed', { currentStatus });
export const orderNotContestable = (currentStatus: string) =>
  new IllegalStateError(
    'ORDER_NOT_CONTESTABLE',
    'Only an active, delivered or in-revision order can be contested',
    { currentStatus },
  );
export const missionNotDisputable = (currentStatus: string) =>
  new IllegalStateError(
    'MISSION_NOT_DISPUTABLE',
    'Only a confirmed mission, not yet validated, can be disputed',
    { currentStatus },
  );
export const projectNotDisputable = (currentStatus: string) =>
  new IllegalStateError(
    'PROJECT_NOT_DISPUTABLE',
    'Only a signed project under the R0 formula can go to the SMA',
    { currentStatus },
  );
export const noSettlementProposed = (currentStatus: string) =>
  new IllegalStateError('NO_SETTLEMENT_PROPOSED', 'No settlement is awaiting an answer', {
    currentStatus,
  });
export const settlementNotPending = (settlementId: string, pendingSettlementId: string) =>
  new IllegalStateError(
    'SETTLEMENT_NOT_PENDING',
    'That settlement is not the one awaiting an answer',
    {
      currentStatus: 'settlement_proposed',
      settlementId,
      pendingSettlementId,
    },
  );

export const exceedsHeld = (amounts: Amounts) =>
  new BusinessRuleError('DECISION_EXCEEDS_HELD', 'The amounts exceed what the escrow holds', {
    ...amounts,
  });
export const mustDistributeHeld = (amounts: Amounts) =>
  new BusinessRuleError(
    'DECISION_MUST_DISTRIBUTE_HELD',
    'Refund and release together must equal what the escrow holds',
    { ...amounts },
  );
export const amountsDoNotMatchOutcome = (outcome: DecisionOutcome, amounts: Amounts) =>
  new BusinessRuleError(
    'DECISION_AMOUNTS_DO_NOT_MATCH_OUTCOME',
    outcome === 'partial_refund'
      ? 'A partial refund must be more than nothing and less than what the escrow holds'
      : `The amounts do not match a ${outcome} decision`,
    { outcome, ...amounts },
  );
