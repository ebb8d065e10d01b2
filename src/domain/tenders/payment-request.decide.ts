import { assertNever } from '../shared';
import type {
  ApprovePaymentRequest,
  PaymentRequestCommand,
  RecordPaymentRequestPaid,
  RecordPaymentRequestPayoutFailed,
  RefusePaymentRequest,
  SubmitPaymentRequest,
} from './payment-request.commands';
import {
  alreadyApproved,
  invoiceAlreadyRefused,
  noWithdrawalAccount,
  notApproved,
  notPending,
  nothingToPay,
  providerOnly,
  releaseNotFound,
  requestNotFound,
  requestPending,
} from './payment-request.errors';
import type { PaymentRequestEvent } from './payment-request.events';
import {
  assertFinance,
  assertSystem,
  parseInvoiceFileId,
  parseInvoiceNumber,
  parseRefusalReason,
} from './payment-request.guards';
import type { ExistingPaymentRequest, PaymentRequestState } from './payment-request.state';

function existing(state: PaymentRequestState, requestId: string): ExistingPaymentRequest {
  if (state.status === 'none') throw requestNotFound(requestId);
  return state;
}

function submit({ data, meta }: SubmitPaymentRequest, state: PaymentRequestState) {
  if (meta.actorRole !== 'provider' || meta.actorId !== data.providerId) throw providerOnly();
  const { release } = data;
  // Someone else's release, or an order's or a mission's, is answered as unknown.
  if (
    !release ||
    release.subjectKind !== 'project' ||
    release.subjectId !== data.projectId ||
    release.payeeId !== data.providerId
  )
    throw releaseNotFound(data.releaseId);
  const invoiceNumber = parseInvoiceNumber(data.invoiceNumber);
  const invoiceFileId = parseInvoiceFileId(data.invoiceFileId);
  if (release.payeeNetCents <= 0) throw nothingToPay(data.releaseId);
  switch (state.status) {
    case 'none':
      break;
    case 'refused':
      if (state.refusals.some((r) => r.invoiceFileId === invoiceFileId))
        throw invoiceAlreadyRefused(invoiceFileId);
      break;
    case 'submitted':
      // The same invoice again (a retried request) changes nothing.
      if (state.invoiceFileId === invoiceFileId && state.invoiceNumber === invoiceNumber) return [];
      throw requestPending(state.invoiceNumber);
    case 'approved':
    case 'paid':
    case 'payout_failed':
      throw alreadyApproved(state.status);
    default:
      return assertNever(state);
  }
  const event: PaymentRequestEvent = {
    type: 'PaymentRequestSubmitted',
    data: {
      requestId: data.requestId,
      projectId: data.projectId,
      providerId: data.providerId,
      escrowId: release.escrowId,
      releaseId: data.releaseId,
      amountCents: release.payeeNetCents,
      invoiceFileId,
      invoiceNumber,
      submittedAt: meta.now,
    },
  };
  return [event];
}

function refuse({ data, meta }: RefusePaymentRequest, state: PaymentRequestState) {
  assertFinance(meta);
  const reason = parseRefusalReason(data.reason);
  const request = existing(state, data.requestId);
  if (request.status !== 'submitted') throw notPending(request.status);
  const event: PaymentRequestEvent = {
    type: 'PaymentRequestRefused',
    data: { requestId: request.requestId, reason, refusedBy: meta.actorId, refusedAt: meta.now },
  };
  return [event];
}

function approve({ data, meta }: ApprovePaymentRequest, state: PaymentRequestState) {
  assertFinance(meta);
  const request = existing(state, data.requestId);
  if (request.status !== 'submitted') throw notPending(request.status);
  if (!data.withdrawalAccountId) throw noWithdrawalAccount(request.providerId);
  const event: PaymentRequestEvent = {
    type: 'PaymentRequestApproved',
    data: {
      requestId: request.requestId,
      providerId: request.providerId,
      escrowId: request.escrowId,
      amountCents: request.amountCents,
      approvedBy: meta.actorId,
      approvedAt: meta.now,
      payoutId: data.payoutId,
      accountId: data.withdrawalAccountId,
    },
  };
  return [event];
}

function recordPaid({ data, meta }: RecordPaymentRequestPaid, state: PaymentRequestState) {
  assertSystem(meta);
  const request = existing(state, data.requestId);
  if (request.status === 'paid' && request.payoutId === data.payoutId) return [];
  if (request.status !== 'approved' || request.payoutId !== data.payoutId)
    throw notApproved(request.status);
  const event: PaymentRequestEvent = {
    type: 'PaymentRequestPaid',
    data: { requestId: request.requestId, payoutId: data.payoutId, paidAt: meta.now },
  };
  return [event];
}

function recordFailed(
  { data, meta }: RecordPaymentRequestPayoutFailed,
  state: PaymentRequestState,
) {
  assertSystem(meta);
  const request = existing(state, data.requestId);
  if (request.status === 'payout_failed' && request.payoutId === data.payoutId) return [];
  if (request.status !== 'approved' || request.payoutId !== data.payoutId)
    throw notApproved(request.status);
  const event: PaymentRequestEvent = {
    type: 'PaymentRequestPayoutFailed',
    data: {
      requestId: request.requestId,
      payoutId: data.payoutId,
      failureCode: data.failureCode,
      failureMessage: data.failureMessage,
      failedAt: meta.now,
    },
  };
  return [event];
}

export function decide(
  command: PaymentRequestCommand,
  state: PaymentRequestState,
): PaymentRequestEvent[] {
  switch (command.type) {
    case 'SubmitPaymentRequest':
      return submit(command, state);
    case 'RefusePaymentRequest':
      return refuse(command, state);
    case 'ApprovePaymentRequest':
      return approve(command, state);
    case 'RecordPaymentRequestPaid':
      return recordPaid(command, state);
    case 'RecordPaymentRequestPayoutFailed':
      return recordFailed(command, state);
    default:
      return assertNever(command);
  }
}
