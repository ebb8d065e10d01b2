import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '../shared';

/** Every code the credit ledger can throw, one place for the HTTP layer and its docs. */
export const CreditsErrorCode = {
  CREDITS_FROZEN: 'CREDITS_FROZEN',
  INSUFFICIENT_CREDITS: 'INSUFFICIENT_CREDITS',
  CREDIT_SPEND_NOT_FOUND: 'CREDIT_SPEND_NOT_FOUND',
  CREDIT_ALREADY_REFUNDED: 'CREDIT_ALREADY_REFUNDED',
  CREDITS_ACCOUNT_CLOSED: 'CREDITS_ACCOUNT_CLOSED',
  CREDITS_NOT_ALLOWED: 'CREDITS_NOT_ALLOWED',
  CREDITS_INVALID_AMOUNT: 'CREDITS_INVALID_AMOUNT',
  CREDITS_INVALID_KIND: 'CREDITS_INVALID_KIND',
  CREDITS_INVALID_SUBJECT: 'CREDITS_INVALID_SUBJECT',
  CREDITS_INVALID_REASON: 'CREDITS_INVALID_REASON',
  CREDITS_INVALID_NOTE: 'CREDITS_INVALID_NOTE',
} as const;
export type CreditsErrorCode = (typeof CreditsErrorCode)[keyof typeof CreditsErrorCode];

const C = CreditsErrorCode;

/** 409: a payment incident froze the ledger; the balance is kept. */
export const creditsFrozen = (frozenBy: readonly string[]) =>
  new IllegalStateError(C.CREDITS_FROZEN, 'The credits are frozen by a payment incident', {
    currentStatus: 'frozen',
    subscriptionIds: [...frozenBy],
  });

/** 409: no credit of this kind is left. */
export const insufficientCredits = (kind: string, balance: number) =>
  new IllegalStateError(C.INSUFFICIENT_CREDITS, `No ${kind} credit left`, {
    currentStatus: 'open',
    kind,
    balance,
  });

export const spendNotFound = (spendId: string) =>
  new NotFoundError(C.CREDIT_SPEND_NOT_FOUND, 'No spend under this id on this account', {
    spendId,
  });

export const alreadyRefunded = (spendId: string) =>
  new IllegalStateError(C.CREDIT_ALREADY_REFUNDED, 'This spend was already refunded', {
    currentStatus: 'refunded',
    spendId,
  });

export const accountClosed = () =>
  new IllegalStateError(
    C.CREDITS_ACCOUNT_CLOSED,
    'The account is closed: its credits were forfeited',
    { currentStatus: 'closed' },
  );

export const notAllowed = (action: string) =>
  new ForbiddenError(C.CREDITS_NOT_ALLOWED, `Not allowed to ${action} these credits`, { action });

export const creditsInvalid = (
  code: CreditsErrorCode,
  field: string,
  extra: Record<string, unknown> = {},
) => new ValidationError(code, `Invalid credits field: ${field}`, { field, ...extra });
