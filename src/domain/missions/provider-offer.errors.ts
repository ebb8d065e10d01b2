import {
  BusinessRuleError,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
} from '../shared';

/** Every code the provider-offer decider can throw, one place for the HTTP layer and its docs. */
export const ProviderOfferErrorCode = {
  NOT_OFFER_OWNER: 'NOT_OFFER_OWNER',
  SERVICE_TYPE_NOT_FOUND: 'SERVICE_TYPE_NOT_FOUND',
  SERVICE_NOT_OFFERED: 'SERVICE_NOT_OFFERED',
  INVALID_PRICING: 'OFFER_INVALID_PRICING',
  TOO_MANY_SERVICES: 'OFFER_TOO_MANY_SERVICES',
  INVALID_POSTAL_CODE: 'OFFER_INVALID_POSTAL_CODE',
  INVALID_CITY: 'OFFER_INVALID_CITY',
  INVALID_COORDINATES: 'OFFER_INVALID_COORDINATES',
  INVALID_RADIUS: 'OFFER_INVALID_RADIUS',
  POSTAL_CODE_UNKNOWN: 'POSTAL_CODE_UNKNOWN',
  INVALID_SLOT: 'OFFER_INVALID_SLOT',
  TOO_MANY_SLOTS: 'OFFER_TOO_MANY_SLOTS',
  SLOTS_OVERLAP: 'OFFER_SLOTS_OVERLAP',
  INVALID_EXCEPTION: 'OFFER_INVALID_EXCEPTION',
  EXCEPTION_IN_PAST: 'OFFER_EXCEPTION_IN_PAST',
  EXCEPTION_TOO_LONG: 'OFFER_EXCEPTION_TOO_LONG',
  TOO_MANY_EXCEPTIONS: 'OFFER_TOO_MANY_EXCEPTIONS',
  EXCEPTION_EXISTS: 'OFFER_EXCEPTION_EXISTS',
  EXCEPTION_NOT_FOUND: 'OFFER_EXCEPTION_NOT_FOUND',
} as const;
export type ProviderOfferErrorCode =
  (typeof ProviderOfferErrorCode)[keyof typeof ProviderOfferErrorCode];

const C = ProviderOfferErrorCode;

export const notOfferOwner = () =>
  new ForbiddenError(C.NOT_OFFER_OWNER, 'A provider declares only their own offer');

/** 422: the offer names a type the catalogue does not hold (or no longer takes offers for). */
export const offerServiceTypeNotFound = (serviceTypeId: string) =>
  new BusinessRuleError(
    C.SERVICE_TYPE_NOT_FOUND,
    'No active service type under this id (unknown or retired)',
    { serviceTypeId },
  );

export const serviceNotOffered = (serviceTypeId: string) =>
  new NotFoundError(C.SERVICE_NOT_OFFERED, 'The provider does not offer this service type', {
    serviceTypeId,
  });

export const exceptionNotFound = (exceptionId: string) =>
  new NotFoundError(C.EXCEPTION_NOT_FOUND, 'No availability exception under this id', {
    exceptionId,
  });

export const exceptionExists = (exceptionId: string) =>
  new IllegalStateError(C.EXCEPTION_EXISTS, 'Another availability exception already has this id', {
    exceptionId,
    currentStatus: 'declared',
  });

export const offerInvalid = (
  code: ProviderOfferErrorCode,
  field: string,
  extra: Record<string, unknown> = {},
) => new ValidationError(code, `Invalid offer field: ${field}`, { field, ...extra });

export const offerRefused = (
  code: ProviderOfferErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
) => new BusinessRuleError(code, message, extra);
