import {
  BusinessRuleError,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
} from '../shared';

/** Every code the subscription decider can throw, one place for the HTTP layer and its docs. */
export const SubscriptionErrorCode = {
  NOT_FOUND: 'SUBSCRIPTION_NOT_FOUND',
  NOT_OWNER: 'NOT_SUBSCRIPTION_OWNER',
  PROVIDER_ONLY: 'SUBSCRIPTION_PROVIDER_ONLY',
  STAFF_ONLY: 'SUBSCRIPTION_STAFF_ONLY',
  ALREADY_ACTIVE: 'SUBSCRIPTION_ALREADY_ACTIVE',
  PLAN_NOT_FOUND: 'PLAN_NOT_FOUND',
  PLAN_RETIRED: 'PLAN_RETIRED',
  PLAN_NOT_SUBSCRIBABLE: 'PLAN_NOT_SUBSCRIBABLE',
  CANCELLED: 'SUBSCRIPTION_CANCELLED',
  IN_INCIDENT: 'SUBSCRIPTION_IN_INCIDENT',
  PAUSE_ALREADY_SCHEDULED: 'SUBSCRIPTION_PAUSE_ALREADY_SCHEDULED',
  NO_PAUSE: 'SUBSCRIPTION_NO_PAUSE',
  PAUSE_STARTED: 'SUBSCRIPTION_PAUSE_STARTED',
  NOT_EXTENDABLE: 'SUBSCRIPTION_NOT_EXTENDABLE',
  INVALID_PAUSE: 'SUBSCRIPTION_INVALID_PAUSE',
  INVALID_EXTENSION: 'SUBSCRIPTION_INVALID_EXTENSION',
  EXTENSION_REASON_REQUIRED: 'SUBSCRIPTION_EXTENSION_REASON_REQUIRED',
  /** The renewal job met a subscription that no longer waits for this renewal (renewed, extended, cancelled...). */
  RENEWAL_NOT_DUE: 'SUBSCRIPTION_RENEWAL_NOT_DUE',
  /** A charge was expected with the command (a card fix while in incident) and none came, or the reverse. */
  CHARGE_MISMATCH: 'SUBSCRIPTION_CHARGE_MISMATCH',
} as const;
export type SubscriptionErrorCode =
  (typeof SubscriptionErrorCode)[keyof typeof SubscriptionErrorCode];

export const subscriptionNotFound = (subscriptionId: string) =>
  new NotFoundError(SubscriptionErrorCode.NOT_FOUND, 'Subscription not found', { subscriptionId });

export const subscriptionIllegalState = (
  code: SubscriptionErrorCode,
  currentStatus: string,
  extra: Record<string, unknown> = {},
) =>
  new IllegalStateError(code, `The subscription cannot do this while ${currentStatus}`, {
    currentStatus,
    ...extra,
  });

export const subscriptionForbidden = (code: SubscriptionErrorCode, message: string) =>
  new ForbiddenError(code, message);

export const subscriptionRefused = (
  code: SubscriptionErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
) => new BusinessRuleError(code, message, extra);

export const subscriptionInvalid = (
  code: SubscriptionErrorCode,
  field: string,
  extra: Record<string, unknown> = {},
) => new ValidationError(code, `Invalid subscription field: ${field}`, { field, ...extra });
