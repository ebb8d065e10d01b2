export * from './plan.events';
export * from './subscription.events';
export * from './credits.events';
export * from './hour-pack.events';
export type * from './credits.commands';
export {
  CREDIT_KIND_LABELS,
  initialState as creditsInitialState,
  isFrozen as creditsAreFrozen,
  spendKey as creditSpendKey,
  zeroCredits,
} from './credits.state';
export type { CreditLedger, CreditSpendRecord, CreditsState, CreditTotals } from './credits.state';
export { CreditsErrorCode } from './credits.errors';
export { CREDITS_RULES } from './credits.guards';

import type { Decider } from '../shared';
import type { CreditsCommand } from './credits.commands';
import { decide as decideCredits } from './credits.decide';
import type { CreditsEvent } from './credits.events';
import { evolve as evolveCredits, initialState as creditsInitial } from './credits.state';
import type { CreditsState } from './credits.state';

/** The credit ledger of one account, stream `credits-<accountId>` (docs/plans-credits.md). */
export const creditsDecider: Decider<CreditsCommand, CreditsState, CreditsEvent> = {
  decide: decideCredits,
  evolve: evolveCredits,
  initialState: creditsInitial,
};

import type { PlanCommand } from './plan.commands';
import { decide as decidePlan } from './plan.decide';
import type { PlanEvent } from './plan.events';
import { evolve as evolvePlan, initialState as initialPlan, type PlanState } from './plan.state';

/** The catalogue of plans staff define, one stream per plan (docs/plans.md). */
export const planDecider: Decider<PlanCommand, PlanState, PlanEvent> = {
  decide: decidePlan,
  evolve: evolvePlan,
  initialState: initialPlan,
};

export type {
  DefinePlan,
  PlanCommand,
  PlanInput,
  RetirePlan,
  RevisePlan,
  ServiceTypeAvailability,
} from './plan.commands';
export type { ExistingPlan, PlanState, PlanStatus } from './plan.state';
export { PLAN_KIND_LABELS, PLAN_STATUS_LABELS } from './plan.state';
export { PlanErrorCode } from './plan.errors';
export { PLAN_RULES, planSlug } from './plan.guards';
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
export type * from './hour-pack.commands';
export { HourPackErrorCode } from './hour-pack.errors';
export {
  availableMinutes,
  cumulativeValue,
  expiryRefund,
  valueOfNext,
  type ExistingHourPack,
  type HourPackMission,
  type HourPackMissionUse,
  type HourPackState,
} from './hour-pack.state';
export { HOUR_PACK_MAX_MINUTES, withdrawalEndsAt } from './hour-pack.guards';
export { hourPackDecider } from './hour-pack.decider';
