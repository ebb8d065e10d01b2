import type { Command } from '../shared';

/** What the escrow recorded of the release, read by the handler when the command is decided. */
export interface ProjectReleaseFacts {
  escrowId: string;
  /** The escrow's subject (`EscrowOpened.subject`). */
  subjectKind: string;
  subjectId: string;
  payeeId: string;
  payeeNetCents: number;
}

/** The provider submits (or, after a refusal, resubmits) the invoice for one release. */
export type SubmitPaymentRequest = Command<
  'SubmitPaymentRequest',
  {
    requestId: string;
    projectId: string;
    providerId: string;
    releaseId: string;
    invoiceFileId: unknown;
    invoiceNumber: unknown;
    /** Null when the escrow holds no such release. */
    release: ProjectReleaseFacts | null;
  }
>;

export type RefusePaymentRequest = Command<
  'RefusePaymentRequest',
  { requestId: string; reason: unknown }
>;

export type ApprovePaymentRequest = Command<
  'ApprovePaymentRequest',
  {
    requestId: string;
    payoutId: string;
    /** The provider's latest withdrawal account, read from the wallet; null when there is none. */
    withdrawalAccountId: string | null;
  }
>;

export type RecordPaymentRequestPaid = Command<
  'RecordPaymentRequestPaid',
  { requestId: string; payoutId: string }
>;

export type RecordPaymentRequestPayoutFailed = Command<
  'RecordPaymentRequestPayoutFailed',
  { requestId: string; payoutId: string; failureCode: string; failureMessage: string }
>;

export type PaymentRequestCommand =
  | SubmitPaymentRequest
  | RefusePaymentRequest
  | ApprovePaymentRequest
  | RecordPaymentRequestPaid
  | RecordPaymentRequestPayoutFailed;
