import { BusinessRuleError, ForbiddenError, IllegalStateError, ValidationError } from '../shared';

/** Every code the partnership decider throws, one place for the HTTP layer and its docs. */
export const PartnershipErrorCode = {
  // 400
  NOTE_TOO_LONG: 'PARTNERSHIP_NOTE_TOO_LONG',
  REASON_REQUIRED: 'PARTNERSHIP_REASON_REQUIRED',
  // 403
  ADMIN_ONLY: 'PARTNERSHIP_ADMIN_ONLY',
  // 409
  ALREADY_PARTNER: 'ALREADY_PARTNER',
  NOT_A_PARTNER: 'NOT_A_PARTNER',
  // 422
  ASSOCIATION_NOT_VERIFIED: 'ASSOCIATION_NOT_VERIFIED',
} as const;
export type PartnershipErrorCode = (typeof PartnershipErrorCode)[keyof typeof PartnershipErrorCode];

export const PARTNERSHIP_NOTE_MAX_LENGTH = 1000;
export const PARTNERSHIP_REASON_MAX_LENGTH = 1000;

const C = PartnershipErrorCode;

export const partnershipAdminOnly = () =>
  new ForbiddenError(C.ADMIN_ONLY, 'Only an administrator grants or ends a partnership');

export const noteTooLong = () =>
  new ValidationError(
    C.NOTE_TOO_LONG,
    `The note is at most ${PARTNERSHIP_NOTE_MAX_LENGTH} characters`,
    {
      field: 'note',
      maxLength: PARTNERSHIP_NOTE_MAX_LENGTH,
    },
  );

export const reasonRequired = () =>
  new ValidationError(
    C.REASON_REQUIRED,
    `Say why the partnership ends (1 to ${PARTNERSHIP_REASON_MAX_LENGTH} characters)`,
    { field: 'reason', maxLength: PARTNERSHIP_REASON_MAX_LENGTH },
  );

export const associationNotVerified = (associationId: string) =>
  new BusinessRuleError(
    C.ASSOCIATION_NOT_VERIFIED,
    'Only an association whose registration and documents are approved can become a partner',
    { associationId },
  );

export const alreadyPartner = (associationId: string, since: string) =>
  new IllegalStateError(C.ALREADY_PARTNER, 'The association is already a partner', {
    associationId,
    currentStatus: 'partner',
    since,
  });

export const notAPartner = (associationId: string, currentStatus: string) =>
  new IllegalStateError(C.NOT_A_PARTNER, 'The association is not a partner', {
    associationId,
    currentStatus,
  });
