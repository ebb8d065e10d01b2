import { Cents, DomainEvent, EventVersions } from '../shared';

/**
 * "Demandes de paiement" (seed 003, Étape 4): money a project's internal account (the escrow with
 * subject `project`) releases to its provider is paid out only once finance accepts the provider's
 * invoice for it. One stream per release, `payment_request-<requestId>` (the id derives from the
 * escrow and the release): a refused invoice is followed by a corrected one on the same stream.
 */
export const PAYMENT_REQUEST_CATEGORY = 'payment_request';
export const paymentRequestStream = (requestId: string): string =>
  `${PAYMENT_REQUEST_CATEGORY}-${requestId}`;

export type PaymentRequestSubmitted = DomainEvent<
  'PaymentRequestSubmitted',
  {
    requestId: string;
    projectId: string;
    providerId: string;
    escrowId: string;
    releaseId: string;
    /** The release's net amount for the provider (what the invoice must show, TTC). */
    amountCents: Cents;
    /** The provider's own upload, purpose `provider_invoice` (a PDF). */
    invoiceFileId: string;
    invoiceNumber: string;
    submittedAt: string;
  }
>;

/** Finance refuses the invoice; the provider may submit a corrected one for the same release. */
export type PaymentRequestRefused = DomainEvent<
  'PaymentRequestRefused',
  { requestId: string; reason: string; refusedBy: string; refusedAt: string }
>;

/**
 * Finance accepts the invoice: the amount is credited to the provider's wallet and paid out at once
 * (payout `payoutId`) to the withdrawal account `accountId` (the latest one at approval).
 */
export type PaymentRequestApproved = DomainEvent<
  'PaymentRequestApproved',
  {
    requestId: string;
    providerId: string;
    escrowId: string;
    amountCents: Cents;
    approvedBy: string;
    approvedAt: string;
    payoutId: string;
    accountId: string;
  }
>;

/** The transfer reached the provider (the payout's PayoutSent). */
export type PaymentRequestPaid = DomainEvent<
  'PaymentRequestPaid',
  { requestId: string; payoutId: string; paidAt: string }
>;

/** The transfer failed (PayoutFailed): the money stays in the provider's wallet, withdrawable. */
export type PaymentRequestPayoutFailed = DomainEvent<
  'PaymentRequestPayoutFailed',
  {
    requestId: string;
    payoutId: string;
    failureCode: string;
    failureMessage: string;
    failedAt: string;
  }
>;

export type PaymentRequestEvent =
  | PaymentRequestSubmitted
  | PaymentRequestRefused
  | PaymentRequestApproved
  | PaymentRequestPaid
  | PaymentRequestPayoutFailed;

export const PAYMENT_REQUEST_EVENT_VERSIONS: EventVersions<PaymentRequestEvent['type']> = {
  PaymentRequestSubmitted: 1,
  PaymentRequestRefused: 1,
  PaymentRequestApproved: 1,
  PaymentRequestPaid: 1,
  PaymentRequestPayoutFailed: 1,
};
