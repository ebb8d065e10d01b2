import {
  BusinessRuleError,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
} from '../shared';

/** Every code the payment request decider throws, one place for the HTTP layer and its docs. */
export const PaymentRequestErrorCode = {
  // 400
  INVALID_INVOICE_NUMBER: 'INVALID_INVOICE_NUMBER',
  INVOICE_FILE_REQUIRED: 'INVOICE_FILE_REQUIRED',
  REFUSAL_REASON_REQUIRED: 'PAYMENT_REQUEST_REASON_REQUIRED',
  // 403
  PROVIDER_ONLY: 'PAYMENT_REQUEST_PROVIDER_ONLY',
  FINANCE_ONLY: 'PAYMENT_REQUEST_FINANCE_ONLY',
  SYSTEM_ONLY: 'PAYMENT_REQUEST_SYSTEM_ONLY',
  // 404
  RELEASE_NOT_FOUND: 'PROJECT_RELEASE_NOT_FOUND',
  REQUEST_NOT_FOUND: 'PAYMENT_REQUEST_NOT_FOUND',
  // 409
  PENDING: 'PAYMENT_REQUEST_PENDING',
  ALREADY_APPROVED: 'PAYMENT_REQUEST_ALREADY_APPROVED',
  NOT_PENDING: 'PAYMENT_REQUEST_NOT_PENDING',
  NOT_APPROVED: 'PAYMENT_REQUEST_NOT_APPROVED',
  // 422
  INVOICE_ALREADY_REFUSED: 'INVOICE_ALREADY_REFUSED',
  NOTHING_TO_PAY: 'RELEASE_NOTHING_TO_PAY',
  NO_WITHDRAWAL_ACCOUNT: 'PROVIDER_HAS_NO_WITHDRAWAL_ACCOUNT',
} as const;
export type PaymentRequestErrorCode =
  (typeof PaymentRequestErrorCode)[keyof typeof PaymentRequestErrorCode];

export const INVOICE_NUMBER_MAX_LENGTH = 40;
export const REFUSAL_REASON_MAX_LENGTH = 1000;

const C = PaymentRequestErrorCode;

export const invalidInvoiceNumber = () =>
  new ValidationError(
    C.INVALID_INVOICE_NUMBER,
    `The invoice number is 1 to ${INVOICE_NUMBER_MAX_LENGTH} letters, digits, spaces or - _ / . #`,
    { field: 'invoiceNumber', maxLength: INVOICE_NUMBER_MAX_LENGTH },
  );

export const invoiceFileRequired = () =>
  new ValidationError(C.INVOICE_FILE_REQUIRED, 'Name the uploaded invoice (a PDF)', {
    field: 'invoiceFileId',
  });

export const refusalReasonRequired = () =>
  new ValidationError(
    C.REFUSAL_REASON_REQUIRED,
    `Say what is wrong with the invoice (1 to ${REFUSAL_REASON_MAX_LENGTH} characters)`,
    { field: 'reason', maxLength: REFUSAL_REASON_MAX_LENGTH },
  );

export const providerOnly = () =>
  new ForbiddenError(C.PROVIDER_ONLY, 'Only the provider paid by the release submits its invoice');

export const financeOnly = () =>
  new ForbiddenError(C.FINANCE_ONLY, 'Only the finance team approves or refuses an invoice');

export const systemOnly = () =>
  new ForbiddenError(C.SYSTEM_ONLY, "Only the platform records a transfer's outcome");

export const releaseNotFound = (releaseId: string) =>
  new NotFoundError(C.RELEASE_NOT_FOUND, 'This project paid you no release under this id', {
    releaseId,
  });

export const requestNotFound = (requestId: string) =>
  new NotFoundError(C.REQUEST_NOT_FOUND, 'No payment request under this id', { requestId });

export const requestPending = (invoiceNumber: string) =>
  new IllegalStateError(
    C.PENDING,
    'An invoice for this release is being checked by finance; wait for its answer',
    { currentStatus: 'submitted', invoiceNumber },
  );

export const alreadyApproved = (currentStatus: string) =>
  new IllegalStateError(C.ALREADY_APPROVED, 'The invoice for this release is already accepted', {
    currentStatus,
  });

export const notPending = (currentStatus: string) =>
  new IllegalStateError(C.NOT_PENDING, 'Only an invoice waiting for its check can be decided', {
    currentStatus,
  });

export const notApproved = (currentStatus: string) =>
  new IllegalStateError(C.NOT_APPROVED, 'This payment request has no transfer on its way', {
    currentStatus,
  });

export const invoiceAlreadyRefused = (invoiceFileId: string) =>
  new BusinessRuleError(
    C.INVOICE_ALREADY_REFUSED,
    'This invoice was refused: upload a corrected invoice',
    { invoiceFileId },
  );

export const nothingToPay = (releaseId: string) =>
  new BusinessRuleError(C.NOTHING_TO_PAY, 'This release pays nothing to the provider', {
    releaseId,
  });

export const noWithdrawalAccount = (providerId: string) =>
  new BusinessRuleError(
    C.NO_WITHDRAWAL_ACCOUNT,
    'The provider has registered no withdrawal account to transfer the payment to',
    { providerId },
  );
