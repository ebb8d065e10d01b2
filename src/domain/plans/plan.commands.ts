import type { Command } from '../shared';
import type { CreditAllowance, HourPackTerms, PlanKind, PlanPeriod } from './plan.events';

/**
 * The service type an hour pack pays, as the application found it in the missions context
 * before deciding (`unknown` when it does not exist). The decider refuses anything but `active`.
 */
export type ServiceTypeAvailability = 'active' | 'retired' | 'unknown';

/** What staff type for one version of a plan; trimmed and checked by the decider. */
export interface PlanInput {
  kind: PlanKind;
  name: string;
  description: string;
  priceTtcCents: number;
  /** Required for `pro` and `credits`, null (or absent) for `hour_pack`. */
  period?: PlanPeriod | null;
  benefits?: string[];
  /** Absent kinds count as zero. */
  credits?: Partial<CreditAllowance>;
  hourPack?: HourPackTerms | null;
  /** Filled by the application for an `hour_pack`: the state of `hourPack.serviceTypeId`. */
  serviceType?: ServiceTypeAvailability;
}

/** The id is the slug of the name, computed by the application: the same name twice lands on one stream. */
export type DefinePlan = Command<'DefinePlan', PlanInput & { planId: string }>;

/**
 * A new version with full new terms (the kind stays). `nameTakenBy` is another plan whose id is
 * the slug of the new name, found by the application, or absent.
 */
export type RevisePlan = Command<
  'RevisePlan',
  PlanInput & { planId: string; nameTakenBy?: string | null }
>;

export type RetirePlan = Command<'RetirePlan', { planId: string }>;

export type PlanCommand = DefinePlan | RevisePlan | RetirePlan;
