import {
  BusinessRuleError,
  Cents,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
} from '../shared';
import { EscrowStatus } from './escrow.state';

/** Every code the escrow decider can throw; the HTTP layer and the front ends rely on them. */
export const ESCROW_ERROR_CODES = [
  'ESCROW_NOT_FOUND',
  'ESCROW_INVALID_AMOUNT',
  'ESCROW_INVALID_FIELD',
  'ESCROW_ID_REUSED',
  'ESCROW_ALREADY_OPENED',
  'ESCROW_ALREADY_FUNDED',
  'ESCROW_NOT_FUNDED',
  'ESCROW_CLOSED',
  'ESCROW_NOT_FROZEN',
  'ESCROW_DISPUTE_ENDED',
  'ORDER_FROZEN',
  'ESCROW_INSUFFICIENT_HELD',
  'ESCROW_RELEASE_MUST_BE_FULL',
  'ESCROW_TRANCHES_ONLY_FOR_PROJECTS',
  'ESCROW_PROJECT_COMMISSION_REFUSED',
  'ESCROW_FUNDING_CAP_EXCEEDED',
  'ESCROW_TRANCHE_NOT_FOUND',
  'ESCROW_TRANCHE_AMOUNT_MISMATCH',
  'ESCROW_HELD_CHANGED',
  'ONLY_PAYER',
  'ONLY_SYSTEM',
  'ONLY_MEDIATOR',
  'ONLY_SYSTEM_OR_MEDIATOR',
  'NOT_A_PARTY',
] as const;
export type EscrowErrorCode = (typeof ESCROW_ERROR_CODES)[number];

export const escrowNotFound = () =>
  new NotFoundError('ESCROW_NOT_FOUND', 'No escrow has been opened under this id');

export const invalidAmount = (field: string, value: unknown) =>
  new ValidationError(
    'ESCROW_INVALID_AMOUNT',
    `${field} must be a positive integer number of cents`,
    { field, value },
  );

export const invalidField = (field: string, value: unknown, expected: string) =>
  new ValidationError('ESCROW_INVALID_FIELD', `${field} must be ${expected}`, { field, value });

/** An id already used for a different amount is a client bug, never a retry. */
export const idReused = (field: string, id: string, recordedCents: Cents, requestedCents: Cents) =>
  new ValidationError('ESCROW_ID_REUSED', `${field} ${id} was already used for another amount`, {
    field,
    id,
    recordedCents,
    requestedCents,
  });

export const alreadyOpened = (currentStatus: EscrowStatus) =>
  new IllegalStateError('ESCROW_ALREADY_OPENED', 'This escrow is already open', { currentStatus });

export const alreadyFunded = (currentStatus: EscrowStatus) =>
  new IllegalStateError(
    'ESCROW_ALREADY_FUNDED',
    'Only tender projects are funded in several tranches',
    {
      currentStatus,
    },
  );

export const notFunded = (currentStatus: EscrowStatus) =>
  new IllegalStateError('ESCROW_NOT_FUNDED', 'Nothing has been paid into this escrow yet', {
    currentStatus,
  });

export const escrowClosed = (currentStatus: EscrowStatus) =>
  new IllegalStateError('ESCROW_CLOSED', 'This escrow holds no money any more', { currentStatus });

export const notFrozen = (currentStatus: EscrowStatus) =>
  new IllegalStateError('ESCROW_NOT_FROZEN', 'This escrow is not frozen by that dispute', {
    currentStatus,
  });

export const disputeEnded = (currentStatus: EscrowStatus, disputeId: string) =>
  new IllegalStateError('ESCROW_DISPUTE_ENDED', 'This dispute is already over', {
    currentStatus,
    disputeId,
  });

/** The order and its escrow freeze together, so the API answers with the order's code. */
export const frozen = (disputeId: string) =>
  new IllegalStateError('ORDER_FROZEN', 'The order is frozen until its dispute ends', {
    currentStatus: 'frozen',
    disputeId,
  });

export const insufficientHeld = (heldCents: Cents, requestedCents: Cents) =>
  new BusinessRuleError('ESCROW_INSUFFICIENT_HELD', 'The amount exceeds what the escrow holds', {
    heldCents,
    requestedCents,
  });

export const releaseMustBeFull = (heldCents: Cents, requestedCents: Cents) =>
  new BusinessRuleError(
    'ESCROW_RELEASE_MUST_BE_FULL',
    'Accepting the work releases everything held',
    {
      heldCents,
      requestedCents,
    },
  );

export const cancellationFeeOnlyForMissions = (subjectKind: string) =>
  new BusinessRuleError(
    'ESCROW_CANCELLATION_FEE_ONLY_FOR_MISSIONS',
    'Only a mission keeps a late-cancellation fee for the provider',
    { subjectKind },
  );

export const tranchesOnlyForProjects = (subjectKind: string) =>
  new BusinessRuleError(
    'ESCROW_TRANCHES_ONLY_FOR_PROJECTS',
    'Only tender projects release money by tranche',
    {
      subjectKind,
    },
  );

/** The R0 account of a project releases every cent to the provider: the platform's income is the fees. */
export const projectCommissionRefused = (commissionRateBp: number) =>
  new BusinessRuleError(
    'ESCROW_PROJECT_COMMISSION_REFUSED',
    'A project account takes no commission: open it with commissionRateBp 0',
    { field: 'commissionRateBp', commissionRateBp },
  );

/** A project's account never holds more than the agreed amount (seed 003, formule R0). */
export const fundingCapExceeded = (
  maxFundedCents: Cents,
  fundedCents: Cents,
  requestedCents: Cents,
) =>
  new BusinessRuleError(
    'ESCROW_FUNDING_CAP_EXCEEDED',
    'This payment would fund more than the agreed amount',
    {
      maxFundedCents,
      fundedCents,
      requestedCents,
      remainingCents: Math.max(maxFundedCents - fundedCents, 0),
    },
  );

export const trancheNotFound = (trancheId: string) =>
  new BusinessRuleError('ESCROW_TRANCHE_NOT_FOUND', 'No tranche was funded under this id', {
    trancheId,
  });

export const trancheAmountMismatch = (
  trancheId: string,
  trancheCents: Cents,
  requestedCents: Cents,
) =>
  new BusinessRuleError('ESCROW_TRANCHE_AMOUNT_MISMATCH', 'A tranche is released for its amount', {
    trancheId,
    trancheCents,
    requestedCents,
  });

/** The escrow moved between the dispute's opening and its freeze: the dispute's amount is stale. */
export const heldChanged = (currentStatus: EscrowStatus, heldCents: Cents, disputedCents: Cents) =>
  new IllegalStateError(
    'ESCROW_HELD_CHANGED',
    'The account moved while the dispute opened: open it again on what it holds now',
    { currentStatus, heldCents, disputedCents },
  );

export const onlyPayer = () => new ForbiddenError('ONLY_PAYER', 'Only the payer may do this');
export const onlySystem = () =>
  new ForbiddenError('ONLY_SYSTEM', 'Only the platform may do this on a deadline');
export const onlyMediator = () =>
  new ForbiddenError('ONLY_MEDIATOR', 'Only a mediator may carry out a decision');
export const onlySystemOrMediator = () =>
  new ForbiddenError('ONLY_SYSTEM_OR_MEDIATOR', 'Only the platform or a mediator may do this');
export const notAParty = () =>
  new ForbiddenError('NOT_A_PARTY', 'Only a party to this escrow may do this');
