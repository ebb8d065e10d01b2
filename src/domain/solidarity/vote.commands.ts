import type { Command } from '../shared';

/**
 * A vote for the month the clock is in. The application reads the two facts the decider cannot:
 * whether the voter is eligible at `meta.now` and whether the association is a partner.
 */
export type CastSolidarityVote = Command<
  'CastSolidarityVote',
  {
    month: string;
    voterId: string;
    associationId: string;
    voterEligible: boolean;
    associationIsPartner: boolean;
  }
>;

/** The monthly close freezes the ballot (system or staff), once the month is over. */
export type CloseBallot = Command<'CloseBallot', { month: string }>;

export type VoteCommand = CastSolidarityVote | CloseBallot;
