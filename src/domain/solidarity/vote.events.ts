import type { DomainEvent, EventVersions } from '../shared';

/**
 * The ballot box of one Paris month (docs/solidarity-pot.md), one stream per month:
 * `ballot-<YYYY-MM>`. Each eligible account has one vote in it, changeable (the last one counts)
 * until the monthly close appends `SolidarityBallotClosed`; after that every vote is refused.
 */
export const BALLOT_CATEGORY = 'ballot';
export const ballotStream = (month: string): string => `${BALLOT_CATEGORY}-${month}`;

export type SolidarityVoteCast = DomainEvent<
  'SolidarityVoteCast',
  {
    month: string;
    voterId: string;
    associationId: string;
    /** The association the voter's previous vote of the month went to, or null for a first vote. */
    previousAssociationId: string | null;
    castAt: string;
  }
>;

/** The close froze the votes: the tally per association (void votes for ex-partners included). */
export type SolidarityBallotClosed = DomainEvent<
  'SolidarityBallotClosed',
  { month: string; votes: Record<string, number>; voters: number; closedAt: string }
>;

export type VoteEvent = SolidarityVoteCast | SolidarityBallotClosed;

export const VOTE_EVENT_VERSIONS: EventVersions<VoteEvent['type']> = {
  SolidarityVoteCast: 1,
  SolidarityBallotClosed: 1,
};
