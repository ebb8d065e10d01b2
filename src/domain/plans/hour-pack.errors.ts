import {
  BusinessRuleError,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
} from '../shared';

/** Every code the hour-pack decider throws (docs/plans-hour-packs.md). */
export const HourPackErrorCode = {
  NOT_FOUND: 'HOUR_PACK_NOT_FOUND',
  ALREADY_EXISTS: 'HOUR_PACK_ALREADY_EXISTS',
  SYSTEM_ONLY: 'HOUR_PACK_SYSTEM_ONLY',
  INVALID_FIELD: 'HOUR_PACK_INVALID_FIELD',
  WRONG_SERVICE_TYPE: 'HOUR_PACK_WRONG_SERVICE_TYPE',
  EXPIRED: 'HOUR_PACK_EXPIRED',
  WITHDRAWN: 'HOUR_PACK_WITHDRAWN',
  INSUFFICIENT_HOURS: 'HOUR_PACK_INSUFFICIENT_HOURS',
  NOT_RESERVED: 'HOUR_PACK_HOURS_NOT_RESERVED',
  WITHDRAWAL_CLOSED: 'HOUR_PACK_WITHDRAWAL_CLOSED',
  NOT_YET_EXPIRED: 'HOUR_PACK_NOT_YET_EXPIRED',
  REFUND_REF_REQUIRED: 'HOUR_PACK_REFUND_REF_REQUIRED',
} as const;
export type HourPackErrorCode = (typeof HourPackErrorCode)[keyof typeof HourPackErrorCode];
const C = HourPackErrorCode;

export const packNotFound = (packId: string) =>
  new NotFoundError(C.NOT_FOUND, 'No such hour pack', { packId });

export const packInvalid = (field: string, extra: Record<string, unknown> = {}) =>
  new ValidationError(C.INVALID_FIELD, `Invalid hour-pack field: ${field}`, { field, ...extra });

export const packSystemOnly = () =>
  new ForbiddenError(C.SYSTEM_ONLY, 'Only the platform moves the hours of a pack');

export const packIllegal = (
  code: HourPackErrorCode,
  message: string,
  details: Record<string, unknown> = {},
) => new IllegalStateError(code, message, details);

export const packRefused = (
  code: HourPackErrorCode,
  message: string,
  details: Record<string, unknown> = {},
) => new BusinessRuleError(code, message, details);
