import {
  BusinessRuleError,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
} from '../shared';

/** Every code the certification decider throws, one place for the HTTP layer and its docs. */
export const CertificationErrorCode = {
  // 400
  INVALID_FIELD: 'CERTIFICATION_INVALID_FIELD',
  REASON_REQUIRED: 'CERTIFICATION_REASON_REQUIRED',
  // 403
  PROVIDER_ONLY: 'CERTIFICATION_PROVIDER_ONLY',
  ADMIN_ONLY: 'CERTIFICATION_ADMIN_ONLY',
  // 404
  REFERENCE_NOT_FOUND: 'CERTIFICATION_REFERENCE_NOT_FOUND',
  LINK_INVALID: 'CERTIFICATION_LINK_INVALID',
  // 409
  LINK_EXPIRED: 'CERTIFICATION_LINK_EXPIRED',
  ALREADY_ANSWERED: 'CERTIFICATION_REFERENCE_ALREADY_ANSWERED',
  NOT_CONFIRMED: 'CERTIFICATION_REFERENCE_NOT_CONFIRMED',
  NOT_CERTIFIED: 'PROVIDER_NOT_CERTIFIED',
  // 422
  TOO_MANY_OPEN: 'CERTIFICATION_TOO_MANY_OPEN_REFERENCES',
  DUPLICATE_REFERENCE: 'CERTIFICATION_REFERENCE_DUPLICATE',
} as const;
export type CertificationErrorCode =
  (typeof CertificationErrorCode)[keyof typeof CertificationErrorCode];

const C = CertificationErrorCode;

export const invalidField = (field: string, rule: string) =>
  new ValidationError(C.INVALID_FIELD, `${field}: ${rule}`, { field });

export const reasonRequired = (maxLength: number) =>
  new ValidationError(C.REASON_REQUIRED, `Write the reason (1 to ${maxLength} characters)`, {
    field: 'reason',
    maxLength,
  });

export const providerOnly = () =>
  new ForbiddenError(C.PROVIDER_ONLY, 'Only the provider manages their certification references');

export const adminOnly = () =>
  new ForbiddenError(C.ADMIN_ONLY, 'Only the SCP (an administrator) reviews certifications');

export const referenceNotFound = (referenceId: string) =>
  new NotFoundError(C.REFERENCE_NOT_FOUND, 'No certification reference under this id', {
    referenceId,
  });

export const linkInvalid = () =>
  new NotFoundError(C.LINK_INVALID, 'This link is unknown or was replaced by a newer one');

export const linkExpired = (expiredAt: string) =>
  new IllegalStateError(
    C.LINK_EXPIRED,
    'This link has expired; ask the provider to send it again',
    {
      expiredAt,
      currentStatus: 'expired',
    },
  );

export const alreadyAnswered = (referenceId: string, currentStatus: string) =>
  new IllegalStateError(C.ALREADY_ANSWERED, 'The reference has already answered', {
    referenceId,
    currentStatus,
  });

export const notConfirmed = (referenceId: string, currentStatus: string) =>
  new IllegalStateError(
    C.NOT_CONFIRMED,
    'Only a reference its client confirmed is reviewed (and only once)',
    { referenceId, currentStatus },
  );

export const notCertified = (currentStatus: string) =>
  new IllegalStateError(C.NOT_CERTIFIED, 'The provider is not certified', { currentStatus });

export const tooManyOpen = (max: number) =>
  new BusinessRuleError(
    C.TOO_MANY_OPEN,
    `At most ${max} references may await an answer or a review at once`,
    { max },
  );

export const duplicateReference = (email: string) =>
  new BusinessRuleError(
    C.DUPLICATE_REFERENCE,
    'This client is already one of your open references',
    {
      email,
    },
  );
