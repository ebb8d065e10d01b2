import type { CommandMeta } from '../shared';
import type { PlanInput } from './plan.commands';
import {
  CREDIT_KINDS,
  type CreditAllowance,
  type HourPackTerms,
  PLAN_KINDS,
  PLAN_PERIODS,
  type PlanKind,
  type PlanPeriod,
  type PlanTerms,
} from './plan.events';
import {
  PlanErrorCode,
  planIllegalState,
  planInvalid,
  planNotFound,
  planRefused,
  planStaffOnly,
} from './plan.errors';
import type { ExistingPlan, PlanState } from './plan.state';

/** The catalogue's bounds (docs/plans.md). */
export const PLAN_RULES = {
  nameMaxLength: 80,
  descriptionMaxLength: 1_000,
  minPriceTtcCents: 100,
  maxPriceTtcCents: 1_000_000,
  maxBenefits: 10,
  benefitMaxLength: 120,
  maxCreditsPerKind: 1_000,
  hourPackMinMinutes: 60,
  hourPackMaxMinutes: 20_000,
  hourPackMinuteStep: 30,
  hourPackMinValidityMonths: 1,
  hourPackMaxValidityMonths: 24,
  /** A plan id: the slug of its name. */
  planId: /^[a-z0-9]+(-[a-z0-9]+)*$/,
} as const;

/**
 * A name's key: lower case, accents and punctuation dropped, words joined by dashes
 * ("Crédits Essentiel" -> "credits-essentiel"). It is the plan's id.
 */
export function planSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, PLAN_RULES.nameMaxLength)
    .replace(/-+$/g, '');
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '';

const isInt = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;

export function validKind(kind: unknown): PlanKind {
  if (!(PLAN_KINDS as readonly unknown[]).includes(kind))
    throw planInvalid(PlanErrorCode.INVALID_KIND, 'kind', { allowed: [...PLAN_KINDS] });
  return kind as PlanKind;
}

function validName(value: unknown): string {
  const name = text(value);
  if (name.length === 0) throw planInvalid(PlanErrorCode.NAME_REQUIRED, 'name');
  if (name.length > PLAN_RULES.nameMaxLength)
    throw planInvalid(PlanErrorCode.NAME_TOO_LONG, 'name', {
      maxLength: PLAN_RULES.nameMaxLength,
    });
  if (planSlug(name) === '')
    throw planInvalid(PlanErrorCode.NAME_WITHOUT_LETTERS, 'name', { name });
  return name;
}

function validDescription(value: unknown): string {
  const description = typeof value === 'string' ? value.trim() : '';
  if (description.length > PLAN_RULES.descriptionMaxLength)
    throw planInvalid(PlanErrorCode.DESCRIPTION_TOO_LONG, 'description', {
      maxLength: PLAN_RULES.descriptionMaxLength,
    });
  return description;
}

function validPrice(value: unknown): number {
  if (!isInt(value, PLAN_RULES.minPriceTtcCents, PLAN_RULES.maxPriceTtcCents))
    throw planInvalid(PlanErrorCode.PRICE_OUT_OF_RANGE, 'priceTtcCents', {
      min: PLAN_RULES.minPriceTtcCents,
      max: PLAN_RULES.maxPriceTtcCents,
    });
  return value;
}

function validBenefits(value: unknown): string[] {
  const list = value === undefined || value === null ? [] : value;
  if (!Array.isArray(list) || list.length > PLAN_RULES.maxBenefits)
    throw planInvalid(PlanErrorCode.TOO_MANY_BENEFITS, 'benefits', {
      max: PLAN_RULES.maxBenefits,
    });
  return list.map((raw: unknown, index) => {
    const benefit = text(raw);
    if (benefit.length === 0 || benefit.length > PLAN_RULES.benefitMaxLength)
      throw planInvalid(PlanErrorCode.BENEFIT_INVALID, `benefits.${index}`, {
        maxLength: PLAN_RULES.benefitMaxLength,
      });
    return benefit;
  });
}

function validPeriod(kind: PlanKind, value: unknown): PlanPeriod | null {
  if (kind === 'hour_pack') {
    if (value !== undefined && value !== null)
      throw planInvalid(PlanErrorCode.PERIOD_NOT_ALLOWED, 'period', { kind });
    return null;
  }
  if (!(PLAN_PERIODS as readonly unknown[]).includes(value))
    throw planInvalid(PlanErrorCode.PERIOD_REQUIRED, 'period', {
      kind,
      allowed: [...PLAN_PERIODS],
    });
  return value as PlanPeriod;
}

function validCredits(kind: PlanKind, value: unknown): CreditAllowance {
  const given = (value ?? {}) as Record<string, unknown>;
  const credits = {} as CreditAllowance;
  for (const creditKind of CREDIT_KINDS) {
    const n = given[creditKind] ?? 0;
    if (!isInt(n, 0, PLAN_RULES.maxCreditsPerKind))
      throw planInvalid(PlanErrorCode.CREDITS_OUT_OF_RANGE, `credits.${creditKind}`, {
        min: 0,
        max: PLAN_RULES.maxCreditsPerKind,
      });
    credits[creditKind] = n;
  }
  const total = CREDIT_KINDS.reduce((sum, k) => sum + credits[k], 0);
  if (kind === 'credits' && total === 0)
    throw planInvalid(PlanErrorCode.CREDITS_REQUIRED, 'credits', { kind });
  if (kind !== 'credits' && total > 0)
    throw planInvalid(PlanErrorCode.CREDITS_NOT_ALLOWED, 'credits', { kind });
  return credits;
}

function validHourPack(input: PlanInput, kind: PlanKind): HourPackTerms | null {
  const pack = input.hourPack;
  if (kind !== 'hour_pack') {
    if (pack !== undefined && pack !== null)
      throw planInvalid(PlanErrorCode.HOUR_PACK_NOT_ALLOWED, 'hourPack', { kind });
    return null;
  }
  if (!pack || typeof pack !== 'object' || text(pack.serviceTypeId) === '')
    throw planInvalid(PlanErrorCode.HOUR_PACK_REQUIRED, 'hourPack', { kind });
  const { minutes, validityMonths } = pack;
  if (
    !isInt(minutes, PLAN_RULES.hourPackMinMinutes, PLAN_RULES.hourPackMaxMinutes) ||
    minutes % PLAN_RULES.hourPackMinuteStep !== 0
  )
    throw planInvalid(PlanErrorCode.HOUR_PACK_MINUTES_INVALID, 'hourPack.minutes', {
      min: PLAN_RULES.hourPackMinMinutes,
      max: PLAN_RULES.hourPackMaxMinutes,
      multipleOf: PLAN_RULES.hourPackMinuteStep,
    });
  if (
    !isInt(
      validityMonths,
      PLAN_RULES.hourPackMinValidityMonths,
      PLAN_RULES.hourPackMaxValidityMonths,
    )
  )
    throw planInvalid(PlanErrorCode.HOUR_PACK_VALIDITY_INVALID, 'hourPack.validityMonths', {
      min: PLAN_RULES.hourPackMinValidityMonths,
      max: PLAN_RULES.hourPackMaxValidityMonths,
    });
  const serviceTypeId = text(pack.serviceTypeId);
  const serviceType = input.serviceType ?? 'unknown';
  if (serviceType !== 'active')
    throw planRefused(
      PlanErrorCode.SERVICE_TYPE_UNAVAILABLE,
      'An hour pack needs an existing, active service type',
      { serviceTypeId, serviceTypeStatus: serviceType },
    );
  return { serviceTypeId, minutes, validityMonths };
}

export interface ValidPlan {
  name: string;
  description: string;
  terms: PlanTerms;
}

/** Trims and checks what staff typed, for a plan of `kind`. */
export function validatePlan(input: PlanInput, kind: PlanKind): ValidPlan {
  const name = validName(input.name);
  const description = validDescription(input.description);
  const priceTtcCents = validPrice(input.priceTtcCents);
  const benefits = validBenefits(input.benefits);
  const period = validPeriod(kind, input.period);
  const credits = validCredits(kind, input.credits);
  const hourPack = validHourPack(input, kind);
  return { name, description, terms: { priceTtcCents, period, benefits, credits, hourPack } };
}

/** Whether a revision would sell exactly what the plan sells now (a retried PUT). */
export function sameOffer(plan: ExistingPlan, next: ValidPlan): boolean {
  const a = plan.terms;
  const b = next.terms;
  return (
    plan.name === next.name &&
    plan.description === next.description &&
    a.priceTtcCents === b.priceTtcCents &&
    a.period === b.period &&
    a.benefits.length === b.benefits.length &&
    a.benefits.every((benefit, i) => benefit === b.benefits[i]) &&
    CREDIT_KINDS.every((k) => (a.credits?.[k] ?? 0) === b.credits[k]) &&
    (a.hourPack?.serviceTypeId ?? null) === (b.hourPack?.serviceTypeId ?? null) &&
    (a.hourPack?.minutes ?? null) === (b.hourPack?.minutes ?? null) &&
    (a.hourPack?.validityMonths ?? null) === (b.hourPack?.validityMonths ?? null)
  );
}

/** Staff admins manage the catalogue; `system` is the operator's seed command. */
export function byStaff(meta: CommandMeta): void {
  if (meta.actorRole !== 'admin' && meta.actorRole !== 'system') throw planStaffOnly();
}

export function existing(state: PlanState, planId: string): ExistingPlan {
  if (state.status === 'none') throw planNotFound(planId);
  return state;
}

export function notRetired(plan: ExistingPlan): void {
  if (plan.status === 'retired')
    throw planIllegalState(PlanErrorCode.RETIRED, plan.status, { planId: plan.planId });
}

export function sameKind(plan: ExistingPlan, kind: unknown): void {
  if (kind !== plan.kind)
    throw planRefused(PlanErrorCode.KIND_IMMUTABLE, 'A plan keeps the kind it was defined with', {
      planId: plan.planId,
      kind: plan.kind,
      requestedKind: kind,
    });
}
