import { CommandHandler } from '@nestjs/cqrs';
import { payoutDecider } from '../../domain/payouts';
import { aggregateCommandHandler } from '../shared/aggregate-command';
import { PayoutCommandMessage, payoutStream } from './payout.messages';

/** The payout's one handler: withdrawal requests, the worker and gateway webhooks all send PayoutCommandMessage. */
@CommandHandler(PayoutCommandMessage)
export class PayoutCommandHandler extends aggregateCommandHandler(payoutDecider, payoutStream) {}
