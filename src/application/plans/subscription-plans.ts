import type { PlanSnapshot, SubscriptionPlanTerms } from '../../domain/plans';
import { StreamNotFoundError } from '../shared/event-store.port';
import type { PlanCatalog } from './plan-catalog.port';

/** What a period is charged at, from the catalogue's snapshot of the plan (its version in force now). */
export function planTerms(plan: PlanSnapshot): SubscriptionPlanTerms {
  return {
    planId: plan.planId,
    kind: plan.kind,
    name: plan.name,
    version: plan.version,
    retired: plan.retired,
    priceTtcCents: plan.terms.priceTtcCents,
    period: plan.terms.period,
    credits: { ...plan.terms.credits },
  };
}

/** The plan, or null when it was never defined (the catalogue's adapter may throw for a missing stream). */
export async function findPlan(catalog: PlanCatalog, planId: string): Promise<PlanSnapshot | null> {
  try {
    return await catalog.find(planId);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return null;
    throw error;
  }
}

/**
 * The renewal path reads a plan once per `ttlMs` (real time) instead of once per renewal: at a
 * period end thousands renew on a few plans. A revision reaches renewals at most `ttlMs` later.
 */
export class CachedPlans {
  private readonly entries = new Map<string, { plan: PlanSnapshot | null; at: number }>();

  constructor(
    private readonly catalog: PlanCatalog,
    private readonly ttlMs: number,
  ) {}

  async find(planId: string): Promise<PlanSnapshot | null> {
    if (this.ttlMs <= 0) return findPlan(this.catalog, planId);
    const hit = this.entries.get(planId);
    const now = Date.now();
    if (hit && now - hit.at < this.ttlMs) return hit.plan;
    const plan = await findPlan(this.catalog, planId);
    this.entries.set(planId, { plan, at: now });
    return plan;
  }
}
