import { BusinessRuleError } from '../../domain/shared';

/** Refusals of a request found before it reaches the mission aggregate (all 422: nothing is written). */
export const MissionRequestErrorCode = {
  SERVICE_TYPE_NOT_FOUND: 'SERVICE_TYPE_NOT_FOUND',
  POSTAL_CODE_UNKNOWN: 'POSTAL_CODE_UNKNOWN',
  NO_AVAILABLE_PROVIDER: 'MISSION_NO_AVAILABLE_PROVIDER',
  PROVIDER_DOES_NOT_OFFER_SERVICE: 'PROVIDER_DOES_NOT_OFFER_SERVICE',
  PROVIDER_REFERENCE_UNKNOWN: 'PROVIDER_REFERENCE_UNKNOWN',
  PAYMENT_SOURCE_REQUIRED: 'MISSION_PAYMENT_SOURCE_REQUIRED',
} as const;
const C = MissionRequestErrorCode;

export const serviceTypeNotFound = (serviceTypeId: string) =>
  new BusinessRuleError(C.SERVICE_TYPE_NOT_FOUND, 'No such service type, or it was retired', {
    field: 'serviceTypeId',
    serviceTypeId,
  });

export const postalCodeUnknown = (postalCode: string, city?: string) =>
  new BusinessRuleError(
    C.POSTAL_CODE_UNKNOWN,
    'The postal code is unknown (or the city is not one of its communes)',
    { field: 'place.postalCode', postalCode, ...(city === undefined ? {} : { city }) },
  );

export const noAvailableProvider = (serviceTypeId: string) =>
  new BusinessRuleError(
    C.NO_AVAILABLE_PROVIDER,
    'No verified provider offering this service covers the place and is free at that time',
    { serviceTypeId },
  );

export const providerDoesNotOfferService = (providerReference: string, serviceTypeId: string) =>
  new BusinessRuleError(
    C.PROVIDER_DOES_NOT_OFFER_SERVICE,
    'This provider does not offer the service type',
    { field: 'providerReference', providerReference, serviceTypeId },
  );

export const providerReferenceUnknown = (providerReference: string) =>
  new BusinessRuleError(
    C.PROVIDER_REFERENCE_UNKNOWN,
    'No open provider account has this reference',
    {
      field: 'providerReference',
      providerReference,
    },
  );

/** Exactly one way to pay: a card token or one of the client's hour packs. */
export const paymentSourceRequired = () =>
  new BusinessRuleError(
    C.PAYMENT_SOURCE_REQUIRED,
    'Give exactly one of paymentMethod (a card) and hourPackId (one of your hour packs)',
    { fields: ['paymentMethod', 'hourPackId'] },
  );

/** The hour pack cannot pay this mission (HOUR_PACK_AVAILABILITY's codes). */
export const hourPackRefused = (code: string, hourPackId: string) =>
  new BusinessRuleError(
    code,
    code === 'HOUR_PACK_NOT_FOUND'
      ? 'No such hour pack of yours'
      : code === 'HOUR_PACK_WRONG_SERVICE_TYPE'
        ? 'This hour pack is for another service type'
        : code === 'HOUR_PACK_EXPIRED'
          ? 'This hour pack is no longer valid at the mission’s start'
          : 'This hour pack no longer has the hours this mission needs',
    { field: 'hourPackId', hourPackId },
  );
