import type { ActorRole } from '../shared';
import type { PaymentRequestCommand, ProjectReleaseFacts } from './payment-request.commands';
import type {
  PaymentRequestApproved,
  PaymentRequestPaid,
  PaymentRequestPayoutFailed,
  PaymentRequestRefused,
  PaymentRequestSubmitted,
} from './payment-request.events';

/** Givens of the payment request specs (not a test file: jest runs only `*.unit.spec.ts`). */

export const REQUEST_ID = 'req-1';
export const PROJECT_ID = 'project-1';
export const PROVIDER_ID = 'provider-1';
export const ESCROW_ID = 'escrow-1';
export const RELEASE_ID = 'release-1';
export const FINANCE_ID = 'finance-1';
export const ACCOUNT_ID = 'account-1';
export const INVOICE_1 = 'file-1';
export const INVOICE_2 = 'file-2';
export const NOW = '2026-04-02T10:00:00.000Z';
export const LATER = '2026-04-03T10:00:00.000Z';

export const RELEASE: ProjectReleaseFacts = {
  escrowId: ESCROW_ID,
  subjectKind: 'project',
  subjectId: PROJECT_ID,
  payeeId: PROVIDER_ID,
  payeeNetCents: 120_000,
};

const meta = (actorId: string, actorRole: ActorRole, now = NOW) => ({ now, actorId, actorRole });

export const submit = (
  data: Partial<Extract<PaymentRequestCommand, { type: 'SubmitPaymentRequest' }>['data']> = {},
  actor: { id?: string; role?: ActorRole } = {},
): PaymentRequestCommand => ({
  type: 'SubmitPaymentRequest',
  data: {
    requestId: REQUEST_ID,
    projectId: PROJECT_ID,
    providerId: PROVIDER_ID,
    releaseId: RELEASE_ID,
    invoiceFileId: INVOICE_1,
    invoiceNumber: ' F-2026/042 ',
    release: RELEASE,
    ...data,
  },
  meta: meta(actor.id ?? PROVIDER_ID, actor.role ?? 'provider'),
});

export const refuse = (reason: unknown = 'Le SIRET manque', role: ActorRole = 'finance') => ({
  type: 'RefusePaymentRequest' as const,
  data: { requestId: REQUEST_ID, reason },
  meta: meta(FINANCE_ID, role, LATER),
});

export const approve = (
  withdrawalAccountId: string | null = ACCOUNT_ID,
  role: ActorRole = 'finance',
) => ({
  type: 'ApprovePaymentRequest' as const,
  data: { requestId: REQUEST_ID, payoutId: REQUEST_ID, withdrawalAccountId },
  meta: meta(FINANCE_ID, role, LATER),
});

export const recordPaid = (payoutId = REQUEST_ID, role: ActorRole = 'system') => ({
  type: 'RecordPaymentRequestPaid' as const,
  data: { requestId: REQUEST_ID, payoutId },
  meta: meta('system', role, LATER),
});

export const recordFailed = (payoutId = REQUEST_ID) => ({
  type: 'RecordPaymentRequestPayoutFailed' as const,
  data: {
    requestId: REQUEST_ID,
    payoutId,
    failureCode: 'account_closed',
    failureMessage: 'Closed',
  },
  meta: meta('system', 'system', LATER),
});

export const submitted = (
  invoiceFileId = INVOICE_1,
  invoiceNumber = 'F-2026/042',
): PaymentRequestSubmitted => ({
  type: 'PaymentRequestSubmitted',
  data: {
    requestId: REQUEST_ID,
    projectId: PROJECT_ID,
    providerId: PROVIDER_ID,
    escrowId: ESCROW_ID,
    releaseId: RELEASE_ID,
    amountCents: 120_000,
    invoiceFileId,
    invoiceNumber,
    submittedAt: NOW,
  },
});

export const refused: PaymentRequestRefused = {
  type: 'PaymentRequestRefused',
  data: {
    requestId: REQUEST_ID,
    reason: 'Le SIRET manque',
    refusedBy: FINANCE_ID,
    refusedAt: LATER,
  },
};

export const approved: PaymentRequestApproved = {
  type: 'PaymentRequestApproved',
  data: {
    requestId: REQUEST_ID,
    providerId: PROVIDER_ID,
    escrowId: ESCROW_ID,
    amountCents: 120_000,
    approvedBy: FINANCE_ID,
    approvedAt: LATER,
    payoutId: REQUEST_ID,
    accountId: ACCOUNT_ID,
  },
};

export const paid: PaymentRequestPaid = {
  type: 'PaymentRequestPaid',
  data: { requestId: REQUEST_ID, payoutId: REQUEST_ID, paidAt: LATER },
};

export const payoutFailed: PaymentRequestPayoutFailed = {
  type: 'PaymentRequestPayoutFailed',
  data: {
    requestId: REQUEST_ID,
    payoutId: REQUEST_ID,
    failureCode: 'account_closed',
    failureMessage: 'Closed',
    failedAt: LATER,
  },
};
