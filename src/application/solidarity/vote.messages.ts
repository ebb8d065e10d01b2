import type { BallotState, VoteCommand } from '../../domain/solidarity';
import { AggregateCommandMessage } from '../shared/aggregate-command';

/** Published contract: a VoteCommand for the ballot of one month (`ballot-<YYYY-MM>`), by month. */
export class BallotCommandMessage extends AggregateCommandMessage<VoteCommand, BallotState> {}

export { ballotStream } from '../../domain/solidarity';
