import { CommandHandler } from '@nestjs/cqrs';
import { escrowDecider } from '../../domain/escrow';
import { aggregateCommandHandler } from '../shared/aggregate-command';
import { EscrowCommandMessage, escrowStream } from './escrow.messages';

/** Open, fund, release, refund, freeze and unfreeze: the only way any context moves an escrow. */
@CommandHandler(EscrowCommandMessage)
export class EscrowCommandHandler extends aggregateCommandHandler(escrowDecider, escrowStream) {}
