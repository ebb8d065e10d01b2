import {
  AFTER,
  ballotSpec,
  DURING,
  meta,
  MONTH,
  RESTOS,
  SECOURS,
  system,
  VOTER,
  voteCast,
} from './solidarity-pot.fixtures.spec';
import type { CastSolidarityVote } from './vote.commands';

const vote = (
  associationId = RESTOS,
  over: Partial<CastSolidarityVote['data']> = {},
  now = DURING,
): CastSolidarityVote => ({
  type: 'CastSolidarityVote',
  data: {
    month: MONTH,
    voterId: VOTER,
    associationId,
    voterEligible: true,
    associationIsPartner: true,
    ...over,
  },
  meta: meta(now),
});

describe('Ballot: votes during a month', () => {
  it('records an eligible account’s first vote for a partner', () => {
    ballotSpec
      .given([])
      .when(vote())
      .then([voteCast(VOTER, RESTOS)]);
  });

  it('lets the voter change its vote until the close, naming the previous choice', () => {
    ballotSpec
      .given([voteCast(VOTER, RESTOS)])
      .when(vote(SECOURS))
      .then([voteCast(VOTER, SECOURS, RESTOS)]);
  });

  it('records nothing for the same vote again (a retried request)', () => {
    ballotSpec
      .given([voteCast(VOTER, RESTOS)])
      .when(vote(RESTOS))
      .then([]);
  });

  it('refuses an account without a completed order or validated mission', () => {
    ballotSpec
      .given([])
      .when(vote(RESTOS, { voterEligible: false }))
      .thenThrows('NOT_ELIGIBLE_TO_VOTE');
  });

  it('refuses an association that is not a partner', () => {
    ballotSpec
      .given([])
      .when(vote('acc_other', { associationIsPartner: false }))
      .thenThrows('ASSOCIATION_NOT_PARTNER', { associationId: 'acc_other' });
  });

  it('refuses a vote for another month than the clock’s', () => {
    ballotSpec
      .given([])
      .when(vote(RESTOS, {}, '2026-12-02T10:00:00.000Z'))
      .thenThrows('SOLIDARITY_VOTE_WRONG_MONTH');
  });

  it('refuses every vote once the month is closed (409), even an ineligible one', () => {
    const closed = {
      type: 'SolidarityBallotClosed' as const,
      data: { month: MONTH, votes: { [RESTOS]: 1 }, voters: 1, closedAt: AFTER },
    };
    ballotSpec
      .given([voteCast(VOTER, RESTOS), closed])
      .when(vote(SECOURS))
      .thenThrows('VOTING_CLOSED');
    ballotSpec
      .given([closed])
      .when(vote(SECOURS, { voterEligible: false }))
      .thenThrows('VOTING_CLOSED');
  });

  it('refuses a malformed month', () => {
    ballotSpec
      .given([])
      .when(vote(RESTOS, { month: '2026-13' }))
      .thenThrows('SOLIDARITY_INVALID_FIELD', { field: 'month' });
  });
});

describe('Ballot: the close freezes the votes', () => {
  const close = (now = AFTER) => ({
    type: 'CloseBallot' as const,
    data: { month: MONTH },
    meta: system(now),
  });

  it('tallies the last vote of each voter', () => {
    ballotSpec
      .given([
        voteCast(VOTER, RESTOS),
        voteCast(VOTER, SECOURS, RESTOS),
        voteCast('acc_voter_2', SECOURS),
        voteCast('acc_voter_3', RESTOS),
      ])
      .when(close())
      .then([
        {
          type: 'SolidarityBallotClosed',
          data: { month: MONTH, votes: { [SECOURS]: 2, [RESTOS]: 1 }, voters: 3, closedAt: AFTER },
        },
      ]);
  });

  it('closes an empty ballot too', () => {
    ballotSpec
      .given([])
      .when(close())
      .then([
        {
          type: 'SolidarityBallotClosed',
          data: { month: MONTH, votes: {}, voters: 0, closedAt: AFTER },
        },
      ]);
  });

  it('records nothing when closed again', () => {
    const closed = {
      type: 'SolidarityBallotClosed' as const,
      data: { month: MONTH, votes: {}, voters: 0, closedAt: AFTER },
    };
    ballotSpec.given([closed]).when(close()).then([]);
  });

  it('refuses before the first instant of the next Paris month', () => {
    ballotSpec
      .given([])
      .when(close('2026-11-30T22:59:59.999Z'))
      .thenThrows('SOLIDARITY_MONTH_NOT_OVER', { closesAt: '2026-11-30T23:00:00.000Z' });
  });

  it('refuses a party', () => {
    ballotSpec
      .given([])
      .when({ type: 'CloseBallot', data: { month: MONTH }, meta: meta(AFTER) })
      .thenThrows('SOLIDARITY_STAFF_ONLY');
  });
});
