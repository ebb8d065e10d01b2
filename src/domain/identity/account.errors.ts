import {
  BusinessRuleError,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
} from '../shared';

/**
 * Stable codes of the Account aggregate and of the identity value objects.
 * Details never echo personal values (e-mail, password, phone) so they can be logged safely.
 */
export const ACCOUNT_ERROR_CODES = {
  // 400
  INVALID_EMAIL: 'INVALID_EMAIL',
  WEAK_PASSWORD: 'WEAK_PASSWORD',
  PASSWORD_TOO_LONG: 'PASSWORD_TOO_LONG',
  INVALID_PASSWORD_HASH: 'INVALID_PASSWORD_HASH',
  UNKNOWN_ROLE: 'UNKNOWN_ROLE',
  STAFF_ROLE_NOT_SELF_ASSIGNABLE: 'STAFF_ROLE_NOT_SELF_ASSIGNABLE',
  NOT_A_STAFF_ROLE: 'NOT_A_STAFF_ROLE',
  ROLES_REQUIRED: 'ROLES_REQUIRED',
  PROVIDER_REFERENCE_REQUIRED: 'PROVIDER_REFERENCE_REQUIRED',
  PROVIDER_REFERENCE_NOT_ALLOWED: 'PROVIDER_REFERENCE_NOT_ALLOWED',
  INVALID_PROVIDER_REFERENCE: 'INVALID_PROVIDER_REFERENCE',
  INVALID_ACCOUNT_ID: 'INVALID_ACCOUNT_ID',
  INVALID_DISPLAY_NAME: 'INVALID_DISPLAY_NAME',
  INVALID_PHONE: 'INVALID_PHONE',
  INVALID_ADDRESS: 'INVALID_ADDRESS',
  EMPTY_PROFILE_UPDATE: 'EMPTY_PROFILE_UPDATE',
  INVALID_TOKEN: 'INVALID_TOKEN',
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  INVALID_TOKEN_HASH: 'INVALID_TOKEN_HASH',
  INVALID_EXPIRY: 'INVALID_EXPIRY',
  UNKNOWN_ERASURE_REASON: 'UNKNOWN_ERASURE_REASON',
  // 403
  NOT_A_PARTY: 'NOT_A_PARTY',
  ADMIN_ONLY: 'ADMIN_ONLY',
  SYSTEM_ONLY: 'SYSTEM_ONLY',
  ROLE_NOT_HELD: 'ROLE_NOT_HELD',
  EMAIL_NOT_CONFIRMED: 'EMAIL_NOT_CONFIRMED',
  LOGIN_THROTTLED: 'LOGIN_THROTTLED',
  // 404
  ACCOUNT_NOT_FOUND: 'ACCOUNT_NOT_FOUND',
  // 409
  ACCOUNT_ALREADY_REGISTERED: 'ACCOUNT_ALREADY_REGISTERED',
  ACCOUNT_CLOSED: 'ACCOUNT_CLOSED',
  ACCOUNT_NOT_CLOSED: 'ACCOUNT_NOT_CLOSED',
  EMAIL_ALREADY_CONFIRMED: 'EMAIL_ALREADY_CONFIRMED',
  NO_CLOSURE_REQUESTED: 'NO_CLOSURE_REQUESTED',
  CLOSURE_ALREADY_EFFECTIVE: 'CLOSURE_ALREADY_EFFECTIVE',
  CLOSURE_NOT_YET_EFFECTIVE: 'CLOSURE_NOT_YET_EFFECTIVE',
  // 422
  CANNOT_REVOKE_OWN_ADMIN_ROLE: 'CANNOT_REVOKE_OWN_ADMIN_ROLE',
} as const;
export type AccountErrorCode = (typeof ACCOUNT_ERROR_CODES)[keyof typeof ACCOUNT_ERROR_CODES];

const C = ACCOUNT_ERROR_CODES;

export const invalidEmail = () =>
  new ValidationError(C.INVALID_EMAIL, 'The e-mail address is malformed', { field: 'email' });

export const weakPassword = (missing: readonly string[], minLength: number) =>
  new ValidationError(C.WEAK_PASSWORD, 'The password does not meet the password policy', {
    field: 'password',
    missing: [...missing],
    minLength,
  });

export const passwordTooLong = (maxLength: number) =>
  new ValidationError(C.PASSWORD_TOO_LONG, `The password must not exceed ${maxLength} characters`, {
    field: 'password',
    maxLength,
  });

export const invalidPasswordHash = (field: string) =>
  new ValidationError(C.INVALID_PASSWORD_HASH, 'Expected an argon2id password hash', { field });

export const unknownRole = (role: unknown) =>
  new ValidationError(C.UNKNOWN_ROLE, 'Unknown role', { role: String(role) });

export const staffRoleNotSelfAssignable = (role: string) =>
  new ValidationError(
    C.STAFF_ROLE_NOT_SELF_ASSIGNABLE,
    'Staff roles are granted by an administrator only',
    { role },
  );

export const notAStaffRole = (role: string) =>
  new ValidationError(C.NOT_A_STAFF_ROLE, 'Only staff roles can be granted or revoked', { role });

export const rolesRequired = () =>
  new ValidationError(C.ROLES_REQUIRED, 'Choose at least one role', { field: 'roles' });

export const providerReferenceRequired = () =>
  new ValidationError(C.PROVIDER_REFERENCE_REQUIRED, 'A provider needs a provider reference', {
    field: 'providerReference',
  });

export const providerReferenceNotAllowed = () =>
  new ValidationError(
    C.PROVIDER_REFERENCE_NOT_ALLOWED,
    'A provider reference is only given with the provider role',
    { field: 'providerReference' },
  );

export const invalidProviderReference = () =>
  new ValidationError(C.INVALID_PROVIDER_REFERENCE, 'Malformed provider reference', {
    field: 'providerReference',
  });

export const invalidAccountId = () =>
  new ValidationError(C.INVALID_ACCOUNT_ID, 'The account id is missing', { field: 'accountId' });

export const invalidDisplayName = (maxLength: number) =>
  new ValidationError(C.INVALID_DISPLAY_NAME, 'The display name is empty or too long', {
    field: 'displayName',
    maxLength,
  });

export const invalidPhone = () =>
  new ValidationError(C.INVALID_PHONE, 'The phone number is malformed', { field: 'phone' });

export const invalidAddress = (field: string) =>
  new ValidationError(C.INVALID_ADDRESS, 'The address is incomplete or malformed', {
    field: `address.${field}`,
  });

export const emptyProfileUpdate = () =>
  new ValidationError(C.EMPTY_PROFILE_UPDATE, 'Nothing to update');

export const invalidToken = () =>
  new ValidationError(C.INVALID_TOKEN, 'The link is invalid or has already been used');

export const tokenExpired = (expiredAt: string) =>
  new ValidationError(C.TOKEN_EXPIRED, 'The link has expired', { expiredAt });

export const invalidTokenHash = (field: string) =>
  new ValidationError(C.INVALID_TOKEN_HASH, 'The token hash is missing', { field });

export const invalidExpiry = (field: string) =>
  new ValidationError(C.INVALID_EXPIRY, 'The expiry must be a date after now', { field });

export const unknownErasureReason = (reason: unknown) =>
  new ValidationError(C.UNKNOWN_ERASURE_REASON, 'Unknown erasure reason', {
    reason: String(reason),
  });

export const notAParty = () =>
  new ForbiddenError(C.NOT_A_PARTY, 'Only the account holder may do this');

export const adminOnly = () =>
  new ForbiddenError(C.ADMIN_ONLY, 'Only an administrator may do this');

export const systemOnly = () =>
  new ForbiddenError(C.SYSTEM_ONLY, 'Only the platform may do this on a recorded deadline');

export const roleNotHeld = (role: string) =>
  new ForbiddenError(C.ROLE_NOT_HELD, 'The account does not hold this role', { role });

export const emailNotConfirmed = () =>
  new ForbiddenError(C.EMAIL_NOT_CONFIRMED, 'Confirm your e-mail address first');

/** The HTTP layer may answer this one with 429 and a Retry-After header. */
export const loginThrottled = (retryAfterSeconds: number) =>
  new ForbiddenError(C.LOGIN_THROTTLED, 'Too many failed login attempts', { retryAfterSeconds });

export const accountNotFound = () => new NotFoundError(C.ACCOUNT_NOT_FOUND, 'Account not found');

export const accountAlreadyRegistered = (currentStatus: string) =>
  new IllegalStateError(C.ACCOUNT_ALREADY_REGISTERED, 'The account already exists', {
    currentStatus,
  });

export const accountClosed = (currentStatus: string) =>
  new IllegalStateError(C.ACCOUNT_CLOSED, 'The account is closed', { currentStatus });

export const accountNotClosed = (currentStatus: string) =>
  new IllegalStateError(C.ACCOUNT_NOT_CLOSED, 'The account must be closed first', {
    currentStatus,
  });

export const emailAlreadyConfirmed = (currentStatus: string) =>
  new IllegalStateError(C.EMAIL_ALREADY_CONFIRMED, 'The e-mail address is already confirmed', {
    currentStatus,
  });

export const noClosureRequested = (currentStatus: string) =>
  new IllegalStateError(C.NO_CLOSURE_REQUESTED, 'No closure has been requested', {
    currentStatus,
  });

export const closureAlreadyEffective = (currentStatus: string, effectiveAt: string) =>
  new IllegalStateError(C.CLOSURE_ALREADY_EFFECTIVE, 'The closure is already effective', {
    currentStatus,
    effectiveAt,
  });

export const closureNotYetEffective = (currentStatus: string, effectiveAt: string) =>
  new IllegalStateError(C.CLOSURE_NOT_YET_EFFECTIVE, 'The closure is not effective yet', {
    currentStatus,
    effectiveAt,
  });

export const cannotRevokeOwnAdminRole = () =>
  new BusinessRuleError(
    C.CANNOT_REVOKE_OWN_ADMIN_ROLE,
    'An administrator cannot revoke their own admin role',
  );
