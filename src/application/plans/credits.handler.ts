import { CommandHandler } from '@nestjs/cqrs';
import { creditsDecider, creditsStream } from '../../domain/plans';
import { aggregateCommandHandler } from '../shared/aggregate-command';
import { CreditsCommandMessage } from './credits.messages';

/** Grant, spend, refund, freeze, unfreeze, forfeit: the only way anything moves a credit ledger. */
@CommandHandler(CreditsCommandMessage)
export class CreditsCommandHandler extends aggregateCommandHandler(creditsDecider, creditsStream) {}
