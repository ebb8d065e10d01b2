import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '../shared';

/** Every code the solidarity-type decider can throw. */
export const SolidarityTypeErrorCode = {
  NOT_FOUND: 'SOLIDARITY_TYPE_NOT_FOUND',
  EXISTS: 'SOLIDARITY_TYPE_EXISTS',
  RETIRED: 'SOLIDARITY_TYPE_RETIRED',
  STAFF_ONLY: 'SOLIDARITY_TYPE_STAFF_ONLY',
  LABEL_REQUIRED: 'SOLIDARITY_TYPE_LABEL_REQUIRED',
  LABEL_TOO_LONG: 'SOLIDARITY_TYPE_LABEL_TOO_LONG',
  LABEL_WITHOUT_LETTERS: 'SOLIDARITY_TYPE_LABEL_WITHOUT_LETTERS',
  DESCRIPTION_TOO_LONG: 'SOLIDARITY_TYPE_DESCRIPTION_TOO_LONG',
  ID_NOT_SLUG: 'SOLIDARITY_TYPE_ID_NOT_SLUG',
} as const;
export type SolidarityTypeErrorCode =
  (typeof SolidarityTypeErrorCode)[keyof typeof SolidarityTypeErrorCode];

export const solidarityTypeNotFound = (solidarityTypeId: string) =>
  new NotFoundError(SolidarityTypeErrorCode.NOT_FOUND, 'Solidarity type not found', {
    solidarityTypeId,
  });

export const solidarityTypeIllegalState = (
  code: SolidarityTypeErrorCode,
  currentStatus: string,
  extra: Record<string, unknown> = {},
) =>
  new IllegalStateError(code, `The solidarity type cannot do this while ${currentStatus}`, {
    currentStatus,
    ...extra,
  });

export const solidarityTypeStaffOnly = () =>
  new ForbiddenError(
    SolidarityTypeErrorCode.STAFF_ONLY,
    'Only an admin manages the solidarity types',
  );

export const solidarityTypeInvalid = (
  code: SolidarityTypeErrorCode,
  field: string,
  extra: Record<string, unknown> = {},
) => new ValidationError(code, `Invalid solidarity type field: ${field}`, { field, ...extra });
