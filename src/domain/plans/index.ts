export * from './plan.events';
export * from './subscription.events';
export * from './credits.events';
export * from './hour-pack.events';
export type * from './subscription.commands';
export {
  SUBSCRIPTION_STATUS_LABELS,
  addDays,
  addHours,
  addMonths,
  benefitsActive,
  isRunning,
  periodEnd,
} from './subscription.state';
export type {
  ExistingSubscription,
  SubscriptionCancellation,
  SubscriptionIncident,
  SubscriptionPause,
  SubscriptionState,
  SubscriptionStatus,
} from './subscription.state';
export { SubscriptionErrorCode } from './subscription.errors';
export { SUBSCRIPTION_RULES, assertSubscribable, renewalStep } from './subscription.guards';
export type { RenewalStep } from './subscription.guards';
export { subscriptionDecider } from './subscription.decider';
