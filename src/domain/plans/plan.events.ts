import { Cents, DomainEvent, EventVersions } from '../shared';

/**
 * The platform's own products (seeds 000 and 003), defined by staff in stream `plan-<planId>`:
 * the Pro subscription (visibility), provider subscriptions granting credits per period, and
 * clients' hour packs at a reduced rate. Versioned: a revision applies to periods (or purchases)
 * that start after it; a running period keeps the version it was paid at.
 */
export const PLAN_CATEGORY = 'plan';
export const planStream = (planId: string): string => `${PLAN_CATEGORY}-${planId}`;

/** `pro` and `credits` are provider subscriptions renewed each period; `hour_pack` is a client's one-off purchase. */
export const PLAN_KINDS = ['pro', 'credits', 'hour_pack'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export type SubscriptionPlanKind = Exclude<PlanKind, 'hour_pack'>;

export const PLAN_PERIODS = ['month', 'quarter', 'year'] as const;
export type PlanPeriod = (typeof PLAN_PERIODS)[number];

/** Seed 003's three kinds: "consultation", "offre", "contact direct". */
export const CREDIT_KINDS = ['consultation', 'offer', 'direct_contact'] as const;
export type CreditKind = (typeof CREDIT_KINDS)[number];
export type CreditAllowance = Record<CreditKind, number>;

export interface HourPackTerms {
  /** The service type (missions context) whose missions the pack pays. */
  serviceTypeId: string;
  /** Hours sold, in minutes (a mission consumes its duration). */
  minutes: number;
  /** How long unused hours stay usable after the purchase. */
  validityMonths: number;
}

/** What one version of a plan sells. Prices are TTC, VAT 20 % included, in cents. */
export interface PlanTerms {
  priceTtcCents: Cents;
  /** Subscriptions only: the length of one period. */
  period: PlanPeriod | null;
  /** Shown to buyers, in French (e.g. "Profil mis en avant"). */
  benefits: string[];
  /** Credits granted at the start of each period (`credits` plans; zeros elsewhere). */
  credits: CreditAllowance;
  /** `hour_pack` plans only. */
  hourPack: HourPackTerms | null;
}

export type PlanDefined = DomainEvent<
  'PlanDefined',
  {
    planId: string;
    kind: PlanKind;
    name: string;
    description: string;
    version: 1;
    terms: PlanTerms;
    definedBy: string;
    definedAt: string;
  }
>;

/** A new version: periods and purchases starting after `revisedAt` use it. */
export type PlanRevised = DomainEvent<
  'PlanRevised',
  {
    planId: string;
    version: number;
    name: string;
    description: string;
    terms: PlanTerms;
    revisedBy: string;
    revisedAt: string;
  }
>;

/** No new subscriptions or purchases; running subscriptions keep renewing at their last version. */
export type PlanRetired = DomainEvent<
  'PlanRetired',
  { planId: string; retiredBy: string; retiredAt: string }
>;

export type PlanEvent = PlanDefined | PlanRevised | PlanRetired;

export const PLAN_EVENT_VERSIONS: EventVersions<PlanEvent['type']> = {
  PlanDefined: 1,
  PlanRevised: 1,
  PlanRetired: 1,
};

/** A plan as of its last event: what a subscription or purchase pays for now. */
export interface PlanSnapshot {
  planId: string;
  kind: PlanKind;
  name: string;
  description: string;
  version: number;
  terms: PlanTerms;
  retired: boolean;
}

/** Folds a plan's stream; null before `PlanDefined`. Total: an unknown event changes nothing. */
export function planSnapshot(
  events: readonly { type: string; data: unknown }[],
): PlanSnapshot | null {
  let plan: PlanSnapshot | null = null;
  for (const e of events) {
    if (e.type === 'PlanDefined') {
      const d = e.data as PlanDefined['data'];
      plan = {
        planId: d.planId,
        kind: d.kind,
        name: d.name,
        description: d.description,
        version: 1,
        terms: d.terms,
        retired: false,
      };
    } else if (plan && e.type === 'PlanRevised') {
      const d = e.data as PlanRevised['data'];
      const revised: PlanSnapshot = {
        ...(plan as PlanSnapshot),
        version: d.version,
        name: d.name,
        description: d.description,
        terms: d.terms,
      };
      plan = revised;
    } else if (plan && e.type === 'PlanRetired')
      plan = { ...(plan as PlanSnapshot), retired: true };
  }
  return plan;
}
