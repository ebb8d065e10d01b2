import { CommandHandler } from '@nestjs/cqrs';
import { ballotDecider, ballotStream } from '../../domain/solidarity';
import { aggregateCommandHandler } from '../shared/aggregate-command';
import { BallotCommandMessage } from './vote.messages';

/** Executes every BallotCommandMessage (votes, the close's freeze); a conflict is retried. */
@CommandHandler(BallotCommandMessage)
export class BallotCommandHandler extends aggregateCommandHandler(ballotDecider, ballotStream) {}
