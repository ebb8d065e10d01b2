import type { VoteEvent } from './vote.events';

export interface BallotState {
  month: string | null;
  status: 'open' | 'closed';
  /** voterId → associationId: the last vote counts. */
  votes: Record<string, string>;
}

export const initialBallot = (): BallotState => ({ month: null, status: 'open', votes: {} });

/** The tally per association of a ballot's votes. */
export function tally(votes: Record<string, string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const associationId of Object.values(votes))
    counts[associationId] = (counts[associationId] ?? 0) + 1;
  return counts;
}

export function evolveBallot(state: BallotState, event: VoteEvent): BallotState {
  switch (event.type) {
    case 'SolidarityVoteCast':
      if (state.status === 'closed') return state;
      return {
        month: event.data.month,
        status: 'open',
        votes: { ...state.votes, [event.data.voterId]: event.data.associationId },
      };
    case 'SolidarityBallotClosed':
      return { ...state, month: event.data.month, status: 'closed' };
    default:
      event satisfies never;
      return state;
  }
}
