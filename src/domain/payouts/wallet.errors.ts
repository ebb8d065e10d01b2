import {
  BusinessRuleError,
  Cents,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
} from '../shared';

/** Every code the wallet decider and the account checks can throw. */
export const WALLET_ERROR_CODES = [
  'NOT_WALLET_OWNER',
  'ONLY_SYSTEM_OR_FINANCE',
  'WALLET_INVALID_AMOUNT',
  'WALLET_INVALID_FIELD',
  'WALLET_PROVIDER_MISMATCH',
  'WALLET_ID_REUSED',
  'INVALID_IBAN',
  'INVALID_PAYPAL_EMAIL',
  'WITHDRAWAL_ACCOUNT_ID_TAKEN',
  'WITHDRAWAL_ACCOUNT_NOT_FOUND',
  'NO_WITHDRAWAL_ACCOUNT',
  'INSUFFICIENT_BALANCE',
  'WALLET_PAYOUT_NOT_FOUND',
  'PAYOUT_ALREADY_SETTLED',
] as const;
export type WalletErrorCode = (typeof WALLET_ERROR_CODES)[number];

export const notWalletOwner = () =>
  new ForbiddenError('NOT_WALLET_OWNER', 'Only the owner of this wallet may do this');

export const onlySystemOrFinance = () =>
  new ForbiddenError('ONLY_SYSTEM_OR_FINANCE', 'Only the platform or the finance team may do this');

export const invalidAmount = (code: string, field: string, value: unknown) =>
  new ValidationError(code, `${field} must be a positive integer number of cents`, {
    field,
    value,
  });

export const invalidField = (code: string, field: string, value: unknown, expected: string) =>
  new ValidationError(code, `${field} must be ${expected}`, { field, value });

export const providerMismatch = (walletProviderId: string, providerId: string) =>
  new ValidationError('WALLET_PROVIDER_MISMATCH', 'This command names another wallet', {
    walletProviderId,
    providerId,
  });

export const idReused = (field: string, id: string) =>
  new ValidationError('WALLET_ID_REUSED', `${field} ${id} was already used with other values`, {
    field,
    id,
  });

export const invalidIban = (value: unknown) =>
  new ValidationError('INVALID_IBAN', 'This IBAN is not valid (length or check digits)', {
    field: 'iban',
    value,
  });

export const invalidPaypalEmail = (value: unknown) =>
  new ValidationError('INVALID_PAYPAL_EMAIL', 'This PayPal e-mail address is not valid', {
    field: 'email',
    value,
  });

export const accountIdTaken = (accountId: string) =>
  new IllegalStateError(
    'WITHDRAWAL_ACCOUNT_ID_TAKEN',
    'Another withdrawal account already uses this id',
    {
      currentStatus: 'open',
      accountId,
    },
  );

export const accountNotFound = (accountId: string) =>
  new NotFoundError('WITHDRAWAL_ACCOUNT_NOT_FOUND', 'No withdrawal account with this id', {
    accountId,
  });

export const noWithdrawalAccount = () =>
  new BusinessRuleError(
    'NO_WITHDRAWAL_ACCOUNT',
    'Register a withdrawal account before the first withdrawal',
  );

export const insufficientBalance = (availableCents: Cents, requestedCents: Cents) =>
  new BusinessRuleError('INSUFFICIENT_BALANCE', 'The amount exceeds the available balance', {
    availableCents,
    requestedCents,
  });

export const walletPayoutNotFound = (payoutId: string) =>
  new NotFoundError('WALLET_PAYOUT_NOT_FOUND', 'This wallet reserved no money for this payout', {
    payoutId,
  });

/** Shared with the payout decider: an outcome contradicting a recorded one is refused. */
export const payoutAlreadySettled = (currentStatus: string) =>
  new IllegalStateError('PAYOUT_ALREADY_SETTLED', 'This payout already has its outcome', {
    currentStatus,
  });
