import type { Decider } from '../shared';
import type { SolidarityMonthCommand } from './solidarity-month.commands';
import { decideSolidarityMonth } from './solidarity-month.decide';
import type { SolidarityMonthEvent } from './solidarity-month.events';
import {
  evolveSolidarityMonth,
  initialSolidarityMonth,
  type SolidarityMonthState,
} from './solidarity-month.state';
import type { VoteCommand } from './vote.commands';
import { decideVote } from './vote.decide';
import type { VoteEvent } from './vote.events';
import { evolveBallot, initialBallot, type BallotState } from './vote.state';

export const ballotDecider: Decider<VoteCommand, BallotState, VoteEvent> = {
  decide: decideVote,
  evolve: evolveBallot,
  initialState: initialBallot,
};

export const solidarityMonthDecider: Decider<
  SolidarityMonthCommand,
  SolidarityMonthState,
  SolidarityMonthEvent
> = {
  decide: decideSolidarityMonth,
  evolve: evolveSolidarityMonth,
  initialState: initialSolidarityMonth,
};
