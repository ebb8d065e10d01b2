import { IllegalStateError, NotFoundError, ValidationError } from '../../domain/shared';

/** Application-level codes of the identity context (the domain's are in src/domain/identity). */
export const IDENTITY_APPLICATION_ERROR_CODES = {
  EMAIL_ALREADY_REGISTERED: 'EMAIL_ALREADY_REGISTERED',
  INVALID_CURRENT_PASSWORD: 'INVALID_CURRENT_PASSWORD',
  PROVIDER_NOT_FOUND: 'PROVIDER_NOT_FOUND',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  REFRESH_TOKEN_INVALID: 'REFRESH_TOKEN_INVALID',
  REFRESH_TOKEN_EXPIRED: 'REFRESH_TOKEN_EXPIRED',
  REFRESH_TOKEN_REUSED: 'REFRESH_TOKEN_REUSED',
  SESSION_REVOKED: 'SESSION_REVOKED',
} as const;

/** Authentication failed: the HTTP layer answers 401 with this code. */
export class AuthenticationFailedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AuthenticationFailedError';
  }
}

export const invalidCredentials = () =>
  new AuthenticationFailedError(
    'INVALID_CREDENTIALS',
    'The e-mail address or the password is wrong',
  );

export const emailAlreadyRegistered = () =>
  new IllegalStateError('EMAIL_ALREADY_REGISTERED', 'An account already uses this e-mail address', {
    field: 'email',
    currentStatus: 'registered',
  });

export const invalidCurrentPassword = () =>
  new ValidationError('INVALID_CURRENT_PASSWORD', 'The current password is wrong', {
    field: 'currentPassword',
  });

export const providerNotFound = (reference: string) =>
  new NotFoundError('PROVIDER_NOT_FOUND', 'No provider has this reference', { reference });
