import { assertNever } from '../shared';
import type { CastSolidarityVote, CloseBallot, VoteCommand } from './vote.commands';
import type { VoteEvent } from './vote.events';
import { associationNotPartner, notEligibleToVote, votingClosed } from './vote.errors';
import {
  assertCurrentMonth,
  assertId,
  assertMonth,
  assertMonthOver,
  assertSystemOrStaff,
} from './vote.guards';
import { tally, type BallotState } from './vote.state';

function cast({ data, meta }: CastSolidarityVote, state: BallotState): VoteEvent[] {
  assertMonth(data.month);
  assertId(data.voterId, 'voterId');
  assertId(data.associationId, 'associationId');
  // Checked first: once closed, nothing about the vote matters any more.
  if (state.status === 'closed') throw votingClosed(data.month);
  assertCurrentMonth(data.month, meta);
  if (!data.voterEligible) throw notEligibleToVote(data.voterId);
  if (!data.associationIsPartner) throw associationNotPartner(data.associationId);
  const previous = state.votes[data.voterId] ?? null;
  // The same vote again (a retried request) records nothing.
  if (previous === data.associationId) return [];
  return [
    {
      type: 'SolidarityVoteCast',
      data: {
        month: data.month,
        voterId: data.voterId,
        associationId: data.associationId,
        previousAssociationId: previous,
        castAt: meta.now,
      },
    },
  ];
}

function close({ data, meta }: CloseBallot, state: BallotState): VoteEvent[] {
  assertSystemOrStaff(meta);
  assertMonth(data.month);
  if (state.status === 'closed') return [];
  assertMonthOver(data.month, meta);
  return [
    {
      type: 'SolidarityBallotClosed',
      data: {
        month: data.month,
        votes: tally(state.votes),
        voters: Object.keys(state.votes).length,
        closedAt: meta.now,
      },
    },
  ];
}

export function decideVote(command: VoteCommand, state: BallotState): VoteEvent[] {
  switch (command.type) {
    case 'CastSolidarityVote':
      return cast(command, state);
    case 'CloseBallot':
      return close(command, state);
    default:
      return assertNever(command);
  }
}
