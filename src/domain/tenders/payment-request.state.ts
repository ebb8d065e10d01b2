import type { Cents } from '../shared';
import type { PaymentRequestEvent } from './payment-request.events';

export type PaymentRequestStatus = 'submitted' | 'refused' | 'approved' | 'paid' | 'payout_failed';

export interface PaymentRequestRefusal {
  invoiceFileId: string;
  invoiceNumber: string;
  reason: string;
  refusedBy: string;
  refusedAt: string;
}

export type PaymentRequestState =
  | { status: 'none' }
  | {
      status: PaymentRequestStatus;
      requestId: string;
      projectId: string;
      providerId: string;
      escrowId: string;
      releaseId: string;
      amountCents: Cents;
      /** The invoice currently submitted (or the last refused one). */
      invoiceFileId: string;
      invoiceNumber: string;
      submittedAt: string;
      /** How many invoices were submitted for this release, the current one included. */
      submissions: number;
      /** Every refusal, oldest first: the provider sees what to correct. */
      refusals: PaymentRequestRefusal[];
      approvedBy: string | null;
      approvedAt: string | null;
      payoutId: string | null;
      accountId: string | null;
      paidAt: string | null;
      failureCode: string | null;
    };

export type ExistingPaymentRequest = Exclude<PaymentRequestState, { status: 'none' }>;

/** The labels a provider and finance read (French: shown to users). */
export const PAYMENT_REQUEST_STATUS_LABELS: Record<
  PaymentRequestStatus | 'awaiting_invoice',
  string
> = {
  awaiting_invoice: 'En attente de votre facture',
  submitted: 'Facture en cours de vérification',
  refused: 'Facture refusée : envoyez une facture corrigée',
  approved: 'Facture acceptée : virement en cours',
  paid: 'Payé par virement',
  payout_failed: 'Virement échoué : montant disponible dans votre portefeuille',
};

export function initialState(): PaymentRequestState {
  return { status: 'none' };
}

/** Total, never throws: an event that does not fit the status leaves the state as is. */
export function evolve(
  state: PaymentRequestState,
  event: PaymentRequestEvent,
): PaymentRequestState {
  switch (event.type) {
    case 'PaymentRequestSubmitted': {
      const d = event.data;
      if (state.status !== 'none' && state.status !== 'refused') return state;
      return {
        status: 'submitted',
        requestId: d.requestId,
        projectId: d.projectId,
        providerId: d.providerId,
        escrowId: d.escrowId,
        releaseId: d.releaseId,
        amountCents: d.amountCents,
        invoiceFileId: d.invoiceFileId,
        invoiceNumber: d.invoiceNumber,
        submittedAt: d.submittedAt,
        submissions: state.status === 'none' ? 1 : state.submissions + 1,
        refusals: state.status === 'none' ? [] : state.refusals,
        approvedBy: null,
        approvedAt: null,
        payoutId: null,
        accountId: null,
        paidAt: null,
        failureCode: null,
      };
    }
    case 'PaymentRequestRefused': {
      if (state.status !== 'submitted') return state;
      const { reason, refusedBy, refusedAt } = event.data;
      const refusal = {
        invoiceFileId: state.invoiceFileId,
        invoiceNumber: state.invoiceNumber,
        reason,
        refusedBy,
        refusedAt,
      };
      return { ...state, status: 'refused', refusals: [...state.refusals, refusal] };
    }
    case 'PaymentRequestApproved': {
      if (state.status !== 'submitted') return state;
      const { approvedBy, approvedAt, payoutId, accountId } = event.data;
      return { ...state, status: 'approved', approvedBy, approvedAt, payoutId, accountId };
    }
    case 'PaymentRequestPaid':
      if (state.status !== 'approved') return state;
      return { ...state, status: 'paid', paidAt: event.data.paidAt };
    case 'PaymentRequestPayoutFailed':
      if (state.status !== 'approved') return state;
      return { ...state, status: 'payout_failed', failureCode: event.data.failureCode };
    default:
      event satisfies never;
      return state;
  }
}
