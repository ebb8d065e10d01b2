import { BusinessRuleError, ForbiddenError, IllegalStateError, ValidationError } from '../shared';

/** Every code the ballot decider throws (docs/solidarity-pot.md). */
export const VoteErrorCode = {
  NOT_ELIGIBLE: 'NOT_ELIGIBLE_TO_VOTE',
  NOT_PARTNER: 'ASSOCIATION_NOT_PARTNER',
  CLOSED: 'VOTING_CLOSED',
  MONTH_NOT_OVER: 'SOLIDARITY_MONTH_NOT_OVER',
  WRONG_MONTH: 'SOLIDARITY_VOTE_WRONG_MONTH',
  INVALID_FIELD: 'SOLIDARITY_INVALID_FIELD',
  STAFF_ONLY: 'SOLIDARITY_STAFF_ONLY',
} as const;

export const notEligibleToVote = (voterId: string) =>
  new ForbiddenError(
    VoteErrorCode.NOT_ELIGIBLE,
    'Only an account with a completed order or a validated mission may vote',
    { voterId },
  );

export const associationNotPartner = (associationId: string) =>
  new BusinessRuleError(
    VoteErrorCode.NOT_PARTNER,
    'This association is not a partner of the solidarity pot',
    { associationId },
  );

export const votingClosed = (month: string) =>
  new IllegalStateError(VoteErrorCode.CLOSED, 'The votes of this month are closed', { month });

export const monthNotOver = (month: string, closesAt: string) =>
  new IllegalStateError(VoteErrorCode.MONTH_NOT_OVER, 'The month is not over yet', {
    month,
    closesAt,
  });

export const wrongVoteMonth = (month: string, current: string) =>
  new BusinessRuleError(VoteErrorCode.WRONG_MONTH, 'A vote counts for the current month only', {
    month,
    current,
  });

export const invalidSolidarityField = (field: string, value: unknown) =>
  new ValidationError(VoteErrorCode.INVALID_FIELD, `Invalid field: ${field}`, { field, value });

export const solidarityStaffOnly = () =>
  new ForbiddenError(VoteErrorCode.STAFF_ONLY, 'Only the system or staff close a month');
