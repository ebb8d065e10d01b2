import { CommandHandler } from '@nestjs/cqrs';
import { disputeDecider } from '../../domain/disputes';
import { aggregateCommandHandler } from '../shared/aggregate-command';
import { DisputeCommandMessage, disputeStream } from './dispute.messages';

/** The only writer of `dispute-<id>` streams. */
@CommandHandler(DisputeCommandMessage)
export class DisputeCommandHandler extends aggregateCommandHandler(disputeDecider, disputeStream) {}
