import type { Decider } from '../shared';
import type { SubscriptionCommand } from './subscription.commands';
import { decide } from './subscription.decide';
import type { SubscriptionEvent } from './subscription.events';
import { evolve, initialState, type SubscriptionState } from './subscription.state';

export const subscriptionDecider: Decider<
  SubscriptionCommand,
  SubscriptionState,
  SubscriptionEvent
> = {
  decide,
  evolve,
  initialState,
};
