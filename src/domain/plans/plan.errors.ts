import {
  BusinessRuleError,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
} from '../shared';

/** Every code the plan decider can throw, one place for the HTTP layer and its docs. */
export const PlanErrorCode = {
  NOT_FOUND: 'PLAN_NOT_FOUND',
  EXISTS: 'PLAN_EXISTS',
  RETIRED: 'PLAN_RETIRED',
  STAFF_ONLY: 'PLAN_STAFF_ONLY',
  KIND_IMMUTABLE: 'PLAN_KIND_IMMUTABLE',
  NAME_TAKEN: 'PLAN_NAME_TAKEN',
  INVALID_KIND: 'PLAN_INVALID_KIND',
  NAME_REQUIRED: 'PLAN_NAME_REQUIRED',
  NAME_TOO_LONG: 'PLAN_NAME_TOO_LONG',
  NAME_WITHOUT_LETTERS: 'PLAN_NAME_WITHOUT_LETTERS',
  DESCRIPTION_TOO_LONG: 'PLAN_DESCRIPTION_TOO_LONG',
  PRICE_OUT_OF_RANGE: 'PLAN_PRICE_OUT_OF_RANGE',
  TOO_MANY_BENEFITS: 'PLAN_TOO_MANY_BENEFITS',
  BENEFIT_INVALID: 'PLAN_BENEFIT_INVALID',
  PERIOD_REQUIRED: 'PLAN_PERIOD_REQUIRED',
  PERIOD_NOT_ALLOWED: 'PLAN_PERIOD_NOT_ALLOWED',
  CREDITS_OUT_OF_RANGE: 'PLAN_CREDITS_OUT_OF_RANGE',
  CREDITS_REQUIRED: 'PLAN_CREDITS_REQUIRED',
  CREDITS_NOT_ALLOWED: 'PLAN_CREDITS_NOT_ALLOWED',
  HOUR_PACK_REQUIRED: 'PLAN_HOUR_PACK_REQUIRED',
  HOUR_PACK_NOT_ALLOWED: 'PLAN_HOUR_PACK_NOT_ALLOWED',
  HOUR_PACK_MINUTES_INVALID: 'PLAN_HOUR_PACK_MINUTES_INVALID',
  HOUR_PACK_VALIDITY_INVALID: 'PLAN_HOUR_PACK_VALIDITY_INVALID',
  SERVICE_TYPE_UNAVAILABLE: 'PLAN_SERVICE_TYPE_UNAVAILABLE',
} as const;
export type PlanErrorCode = (typeof PlanErrorCode)[keyof typeof PlanErrorCode];

export const planNotFound = (planId: string) =>
  new NotFoundError(PlanErrorCode.NOT_FOUND, 'Plan not found', { planId });

export const planIllegalState = (
  code: PlanErrorCode,
  currentStatus: string,
  extra: Record<string, unknown> = {},
) =>
  new IllegalStateError(code, `The plan cannot do this while ${currentStatus}`, {
    currentStatus,
    ...extra,
  });

export const planStaffOnly = () =>
  new ForbiddenError(PlanErrorCode.STAFF_ONLY, 'Only an admin manages the plans');

/** Malformed or out-of-bounds input (400). */
export const planInvalid = (
  code: PlanErrorCode,
  field: string,
  extra: Record<string, unknown> = {},
) => new ValidationError(code, `Invalid plan field: ${field}`, { field, ...extra });

/** Well-formed values a rule of the catalogue refuses (422). */
export const planRefused = (
  code: PlanErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
) => new BusinessRuleError(code, message, extra);
