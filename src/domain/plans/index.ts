export * from './plan.events';
export * from './subscription.events';
export * from './credits.events';
export * from './hour-pack.events';

import type { Decider } from '../shared';
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
