import { ForbiddenError, IllegalStateError, ValidationError } from '../shared';

/** Every code the project-fees decider throws (docs/tenders-fees.md). */
export const ProjectFeesErrorCode = {
  SYSTEM_ONLY: 'PROJECT_FEES_SYSTEM_ONLY',
  INVALID_FIELD: 'PROJECT_FEES_INVALID_FIELD',
  ALREADY_CHARGED: 'PROJECT_FEE_ALREADY_CHARGED',
  NOT_CHARGED: 'PROJECT_FEE_NOT_CHARGED',
  REFUND_EXCEEDS_CHARGE: 'PROJECT_FEE_REFUND_EXCEEDS_CHARGE',
} as const;
export type ProjectFeesErrorCode = (typeof ProjectFeesErrorCode)[keyof typeof ProjectFeesErrorCode];
const C = ProjectFeesErrorCode;

export const feesInvalid = (field: string, extra: Record<string, unknown> = {}) =>
  new ValidationError(C.INVALID_FIELD, `Invalid project-fees field: ${field}`, {
    field,
    ...extra,
  });

export const feesSystemOnly = () =>
  new ForbiddenError(C.SYSTEM_ONLY, 'Only the platform records the money of the fees');

export const feesIllegal = (
  code: ProjectFeesErrorCode,
  message: string,
  details: Record<string, unknown>,
) => new IllegalStateError(code, message, details);
