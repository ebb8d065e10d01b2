import type {
  SubscriptionCommand,
  SubscriptionPlanKind,
  SubscriptionState,
} from '../../domain/plans';
import { subscriptionStream as streamOf } from '../../domain/plans';
import { AggregateCommandMessage } from '../shared/aggregate-command';
import { deterministicIdsIn } from '../shared/deterministic-id';

/**
 * Published contract: send a SubscriptionCommand to `subscription-<id>` through the CommandBus.
 * The command may be a builder run on the current state at each retry (the renewal job charges
 * there, with a key derived from the subscription and the period, so a retry never charges twice).
 */
export class SubscriptionCommandMessage extends AggregateCommandMessage<
  SubscriptionCommand,
  SubscriptionState
> {}

export const subscriptionStream = streamOf;

const ids = deterministicIdsIn('marketplace:subscriptions');

/**
 * The n-th subscription (n from 1) of an account to a plan kind. Subscribing takes the first
 * slot whose stream does not exist; two parallel subscriptions meet on the same stream and the
 * append's expected revision lets one through (docs/plans-subscriptions.md, "One at a time").
 */
export const subscriptionIdFor = (
  accountId: string,
  kind: SubscriptionPlanKind,
  slot: number,
): string => ids('subscription', accountId, kind, String(slot));

/** The gateway key of a period's charge: attempt-independent, so a retried job never charges twice. */
export const periodChargeKey = (subscriptionId: string, period: number): string =>
  `subscription-${subscriptionId}-period-${period}`;

export const paymentMethodKey = (subscriptionId: string, paymentMethod: string): string =>
  ids('payment-method', subscriptionId, paymentMethod);

/** Subscription kinds, walked in this order when an account's subscriptions are listed or closed. */
export const SUBSCRIPTION_KINDS: readonly SubscriptionPlanKind[] = ['pro', 'credits'];
