import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { EscrowOpened, EscrowReleased } from '../../domain/escrow';
import type { CommandMeta } from '../../domain/shared';
import {
  PAYMENT_REQUEST_STATUS_LABELS,
  paymentRequestDecider,
  type PaymentRequestCommand,
  type PaymentRequestEvent,
  type PaymentRequestState,
  type ProjectReleaseFacts,
} from '../../domain/tenders';
import { requestNotFound } from '../../domain/tenders/payment-request.errors';
import { escrowStream } from '../escrow/escrow.messages';
import { FileReferences } from '../files/file-references.contract';
import { latestWithdrawalAccountId } from '../payouts/withdrawal-accounts.contract';
import { CausationContext, HandleResult, loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { revisionOf } from '../shared/revision';
import {
  PaymentRequestCommandMessage,
  paymentRequestId,
  paymentRequestPayoutId,
  paymentRequestStream,
} from './payment-request.messages';
import { readStreamOrEmpty } from './project-account.contract';
import { projectEscrowId } from './tender-ids';

/** Files named by a payment request are attached under this kind (see the file access policy). */
export const PAYMENT_REQUEST_FILE_KIND = 'payment_request';

export interface PaymentRequestView {
  requestId: string;
  projectId: string;
  providerId: string;
  escrowId: string;
  releaseId: string;
  amountCents: number;
  status: Exclude<PaymentRequestState, { status: 'none' }>['status'];
  statusLabel: string;
  invoice: {
    fileId: string;
    invoiceNumber: string;
    /** GET this path (finance, or the provider) for a short-lived download link. */
    linkPath: string;
  };
  submittedAt: string;
  submissions: number;
  refusals: { invoiceNumber: string; reason: string; refusedAt: string }[];
  approvedAt: string | null;
  payoutId: string | null;
  paidAt: string | null;
  failureCode: string | null;
  revision: string | null;
}

export function paymentRequestView(
  state: PaymentRequestState,
  revision: bigint | null,
): PaymentRequestView {
  if (state.status === 'none') throw requestNotFound('unknown');
  return {
    requestId: state.requestId,
    projectId: state.projectId,
    providerId: state.providerId,
    escrowId: state.escrowId,
    releaseId: state.releaseId,
    amountCents: state.amountCents,
    status: state.status,
    statusLabel: PAYMENT_REQUEST_STATUS_LABELS[state.status],
    invoice: {
      fileId: state.invoiceFileId,
      invoiceNumber: state.invoiceNumber,
      linkPath: `/files/${state.invoiceFileId}/link`,
    },
    submittedAt: state.submittedAt,
    submissions: state.submissions,
    refusals: state.refusals.map(({ invoiceNumber, reason, refusedAt }) => ({
      invoiceNumber,
      reason,
      refusedAt,
    })),
    approvedAt: state.approvedAt,
    payoutId: state.payoutId,
    paidAt: state.paidAt,
    failureCode: state.failureCode,
    revision: revisionOf(revision),
  };
}

/**
 * "Demandes de paiement" (seed 003, Étape 4): the provider's invoice for a release of a project's
 * internal account, finance's check, and the transfer an approval starts (the payout reactor).
 */
@Injectable()
export class PaymentRequests {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commandBus: CommandBus,
    private readonly files: FileReferences,
  ) {}

  /** The invoice is the provider's own upload (purpose `provider_invoice`), else 422 before deciding. */
  async submit(
    meta: CommandMeta,
    causation: CausationContext,
    projectId: string,
    body: { releaseId: string; invoiceFileId: string; invoiceNumber: string },
  ): Promise<PaymentRequestView> {
    const escrowId = projectEscrowId(projectId);
    const requestId = paymentRequestId(escrowId, body.releaseId);
    const release = await this.releaseFacts(escrowId, body.releaseId);
    const command: PaymentRequestCommand = {
      type: 'SubmitPaymentRequest',
      data: {
        requestId,
        projectId,
        providerId: meta.actorId,
        releaseId: body.releaseId,
        invoiceFileId: body.invoiceFileId,
        invoiceNumber: body.invoiceNumber,
        release,
      },
      meta,
    };
    return this.files.attachOne(
      meta.actorId,
      body.invoiceFileId,
      'provider_invoice',
      { kind: PAYMENT_REQUEST_FILE_KIND, subjectId: requestId },
      'invoiceFileId',
      () => this.send(requestId, command, causation),
    );
  }

  async refuse(
    meta: CommandMeta,
    causation: CausationContext,
    requestId: string,
    reason: unknown,
  ): Promise<PaymentRequestView> {
    return this.send(
      requestId,
      { type: 'RefusePaymentRequest', data: { requestId, reason }, meta },
      causation,
    );
  }

  /** Decided on the provider's latest withdrawal account, read again at each retry. */
  async approve(
    meta: CommandMeta,
    causation: CausationContext,
    requestId: string,
  ): Promise<PaymentRequestView> {
    const payoutId = paymentRequestPayoutId(requestId);
    const build = async (state: PaymentRequestState): Promise<PaymentRequestCommand> => ({
      type: 'ApprovePaymentRequest',
      data: {
        requestId,
        payoutId,
        withdrawalAccountId:
          state.status === 'none'
            ? null
            : await latestWithdrawalAccountId(this.store, state.providerId),
      },
      meta,
    });
    return this.send(requestId, build, causation);
  }

  async get(requestId: string): Promise<PaymentRequestView> {
    const { state, revision } = await loadAggregate(
      this.store,
      paymentRequestStream(requestId),
      paymentRequestDecider,
    );
    if (state.status === 'none') throw requestNotFound(requestId);
    return paymentRequestView(state, revision);
  }

  private async send(
    requestId: string,
    command:
      PaymentRequestCommand | ((state: PaymentRequestState) => Promise<PaymentRequestCommand>),
    causation: CausationContext,
  ): Promise<PaymentRequestView> {
    const result: HandleResult<PaymentRequestState, PaymentRequestEvent> =
      await this.commandBus.execute(
        new PaymentRequestCommandMessage(requestId, command, causation),
      );
    return paymentRequestView(result.state, result.nextExpectedRevision);
  }

  /** What the project's escrow recorded of the release, or null when it holds no such release. */
  private async releaseFacts(
    escrowId: string,
    releaseId: string,
  ): Promise<ProjectReleaseFacts | null> {
    const events = await readStreamOrEmpty(this.store, escrowStream(escrowId));
    const opened = events.find((e) => e.type === 'EscrowOpened')?.data as
      EscrowOpened['data'] | undefined;
    const release = events.find(
      (e) =>
        e.type === 'EscrowReleased' && (e.data as EscrowReleased['data']).releaseId === releaseId,
    )?.data as EscrowReleased['data'] | undefined;
    if (!opened || !release) return null;
    return {
      escrowId,
      subjectKind: opened.subject.kind,
      subjectId: opened.subject.id,
      payeeId: release.payeeId,
      payeeNetCents: release.payeeNetCents,
    };
  }
}
