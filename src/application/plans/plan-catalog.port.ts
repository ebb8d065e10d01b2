import type { PlanSnapshot } from '../../domain/plans';

/**
 * What subscriptions and hour packs ask of the plan catalogue: a plan as of now (its last
 * version), or null when it was never defined. Implemented over the plan's stream.
 */
export interface PlanCatalog {
  find(planId: string): Promise<PlanSnapshot | null>;
}

export const PLAN_CATALOG = Symbol('PLAN_CATALOG');
