import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '../shared';

/** Every code the service-type decider can throw, one place for the HTTP layer and its docs. */
export const ServiceTypeErrorCode = {
  NOT_FOUND: 'SERVICE_TYPE_NOT_FOUND',
  EXISTS: 'SERVICE_TYPE_EXISTS',
  LABEL_TAKEN: 'SERVICE_TYPE_LABEL_TAKEN',
  RETIRED: 'SERVICE_TYPE_RETIRED',
  STAFF_ONLY: 'SERVICE_TYPE_STAFF_ONLY',
  LABEL_REQUIRED: 'SERVICE_TYPE_LABEL_REQUIRED',
  LABEL_TOO_LONG: 'SERVICE_TYPE_LABEL_TOO_LONG',
  LABEL_WITHOUT_LETTERS: 'SERVICE_TYPE_LABEL_WITHOUT_LETTERS',
  DESCRIPTION_TOO_LONG: 'SERVICE_TYPE_DESCRIPTION_TOO_LONG',
  INVALID_CATEGORY: 'SERVICE_TYPE_INVALID_CATEGORY',
} as const;
export type ServiceTypeErrorCode = (typeof ServiceTypeErrorCode)[keyof typeof ServiceTypeErrorCode];

export const serviceTypeNotFound = (serviceTypeId: string) =>
  new NotFoundError(ServiceTypeErrorCode.NOT_FOUND, 'Service type not found', { serviceTypeId });

export const serviceTypeIllegalState = (
  code: ServiceTypeErrorCode,
  currentStatus: string,
  extra: Record<string, unknown> = {},
) =>
  new IllegalStateError(code, `The service type cannot do this while ${currentStatus}`, {
    currentStatus,
    ...extra,
  });

export const serviceTypeStaffOnly = () =>
  new ForbiddenError(ServiceTypeErrorCode.STAFF_ONLY, 'Only an admin manages the service types');

export const serviceTypeInvalid = (
  code: ServiceTypeErrorCode,
  field: string,
  extra: Record<string, unknown> = {},
) => new ValidationError(code, `Invalid service type field: ${field}`, { field, ...extra });
