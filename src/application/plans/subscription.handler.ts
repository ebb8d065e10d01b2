import { CommandHandler } from '@nestjs/cqrs';
import { subscriptionDecider } from '../../domain/plans';
import { aggregateCommandHandler } from '../shared/aggregate-command';
import { SubscriptionCommandMessage, subscriptionStream } from './subscription.messages';

/** Executes every SubscriptionCommandMessage (HTTP, the renewal and reminder jobs, the account-closure reactor). */
@CommandHandler(SubscriptionCommandMessage)
export class SubscriptionCommandHandler extends aggregateCommandHandler(
  subscriptionDecider,
  subscriptionStream,
) {}
