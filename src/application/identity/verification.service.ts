import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  associationVerificationStatus,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_STATUS_LABELS,
  DocumentKind,
  verificationDecider,
  VerificationCommand,
  VerificationState,
  verificationStatus,
} from '../../domain/identity';
import { ActorRole, CommandMeta } from '../../domain/shared';
import { Notifications } from '../notifications/notifications.port';
import { CausationContext, handleCommand, loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { Clock } from '../shared/clock';
import { revisionOf } from '../shared/revision';
import { IdentitySchedules, VerificationQueueRow } from './identity.ports';
import { verificationStream } from './verification.messages';

export interface StaffActor {
  accountId: string;
  meta(now: Date, role?: ActorRole): CommandMeta;
  staffRole(): ActorRole | null;
}

@Injectable()
export class VerificationService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly notifications: Notifications,
    private readonly schedules: IdentitySchedules,
    private readonly clock: Clock,
  ) {}

  async submit(providerId: string, kind: unknown, uploadRef: unknown, causation: CausationContext) {
    const now = this.clock.now();
    const documentId = randomUUID();
    const result = await this.run(
      providerId,
      {
        type: 'SubmitDocument',
        data: { providerId, documentId, kind: kind as string, uploadRef: uploadRef as string },
        meta: { now: now.toISOString(), actorId: providerId, actorRole: 'provider' },
      },
      causation,
    );
    return { providerId, documentId, kind, status: 'submitted', revision: result.revision };
  }

  /** An association's document (issue 18): the same review as a provider's, with the association kinds. */
  async submitAssociationDocument(
    associationId: string,
    kind: unknown,
    uploadRef: unknown,
    causation: CausationContext,
  ) {
    const now = this.clock.now();
    const documentId = randomUUID();
    const result = await this.run(
      associationId,
      {
        type: 'SubmitDocument',
        data: {
          providerId: associationId,
          documentId,
          kind: kind as string,
          uploadRef: uploadRef as string,
          subject: 'association',
        },
        meta: { now: now.toISOString(), actorId: associationId, actorRole: 'association' },
      },
      causation,
    );
    return {
      associationId,
      documentId,
      kind,
      status: 'submitted',
      revision: result.revision,
    };
  }

  /** Declares or corrects the association's registration details; the same details again change nothing. */
  async declareAssociation(
    associationId: string,
    input: {
      officialName: unknown;
      rnaNumber: unknown;
      siren?: unknown;
      address: unknown;
      purpose: unknown;
      contactName: unknown;
    },
    causation: CausationContext,
  ) {
    const now = this.clock.now();
    await this.run(
      associationId,
      {
        type: 'DeclareAssociationRegistration',
        data: { accountId: associationId, ...input },
        meta: { now: now.toISOString(), actorId: associationId, actorRole: 'association' },
      },
      causation,
    );
    return this.associationFile(associationId);
  }

  /** The association's own file: its registration details, what is missing, its documents. */
  async associationFile(associationId: string) {
    const now = this.clock.now().toISOString();
    const { state, revision } = await loadAggregate(
      this.store,
      verificationStream(associationId),
      verificationDecider,
    );
    const status = associationVerificationStatus(state, now);
    const documents = state.status === 'tracking' ? Object.values(state.documents) : [];
    const declared = state.status === 'tracking' ? state.association : undefined;
    return {
      associationId,
      verified: status.verified,
      registered: status.registered,
      registration: status.registration,
      contactName: declared?.contactName ?? null,
      missing: status.missing,
      expired: status.expired,
      documents: documents
        .filter((d) => d.kind.startsWith('association_'))
        .map((d) => ({
          ...d,
          kindLabel: DOCUMENT_KIND_LABELS[d.kind],
          statusLabel: DOCUMENT_STATUS_LABELS[d.status],
        })),
      revision: revisionOf(revision),
    };
  }

  async declareSalaryPortage(
    providerId: string,
    salaryPortage: unknown,
    causation: CausationContext,
  ) {
    const now = this.clock.now();
    const result = await this.run(
      providerId,
      {
        type: 'DeclareSalaryPortage',
        data: { providerId, salaryPortage: salaryPortage as boolean },
        meta: { now: now.toISOString(), actorId: providerId, actorRole: 'provider' },
      },
      causation,
    );
    return { providerId, salaryPortage, revision: result.revision };
  }

  async approve(
    staff: StaffActor,
    providerId: string,
    documentId: string,
    causation: CausationContext,
  ) {
    const now = this.clock.now();
    const result = await this.run(
      providerId,
      { type: 'ApproveDocument', data: { documentId }, meta: this.staffMeta(staff, now) },
      causation,
    );
    const document = this.documentOf(result.state, documentId);
    await this.tell(providerId, 'identity.document_approved', result.eventIds[0], {
      documentId,
      kind: document?.kind,
      expiresAt: document?.expiresAt ?? null,
    });
    return {
      providerId,
      documentId,
      status: document?.status,
      expiresAt: document?.expiresAt ?? null,
      reviewedBy: staff.accountId,
      revision: result.revision,
    };
  }

  async reject(
    staff: StaffActor,
    providerId: string,
    documentId: string,
    reason: unknown,
    causation: CausationContext,
  ) {
    const now = this.clock.now();
    const result = await this.run(
      providerId,
      {
        type: 'RejectDocument',
        data: { documentId, reason: reason as string },
        meta: this.staffMeta(staff, now),
      },
      causation,
    );
    const document = this.documentOf(result.state, documentId);
    await this.tell(providerId, 'identity.document_rejected', result.eventIds[0], {
      documentId,
      kind: document?.kind,
      reason: document?.rejectionReason,
    });
    return {
      providerId,
      documentId,
      status: document?.status,
      reason: document?.rejectionReason ?? null,
      reviewedBy: staff.accountId,
      revision: result.revision,
    };
  }

  /** The provider's own file: what is required, what is missing, every document sent. */
  async file(providerId: string) {
    const now = this.clock.now().toISOString();
    const { state, revision } = await loadAggregate(
      this.store,
      verificationStream(providerId),
      verificationDecider,
    );
    const documents = state.status === 'tracking' ? Object.values(state.documents) : [];
    return {
      providerId,
      salaryPortage: state.status === 'tracking' && state.salaryPortage,
      ...verificationStatus(state, now),
      documents: documents.map((d) => ({
        ...d,
        kindLabel: DOCUMENT_KIND_LABELS[d.kind],
        statusLabel: DOCUMENT_STATUS_LABELS[d.status],
      })),
      revision: revisionOf(revision),
    };
  }

  async queue(filter: {
    status?: string;
    providerId?: string;
    limit: number;
  }): Promise<VerificationQueueRow[]> {
    return this.schedules.queue(filter);
  }

  private staffMeta(staff: StaffActor, now: Date): CommandMeta {
    return staff.meta(now, staff.staffRole() ?? 'client');
  }

  private documentOf(state: VerificationState, documentId: string) {
    return state.status === 'tracking' ? state.documents[documentId] : undefined;
  }

  private async run(providerId: string, command: VerificationCommand, causation: CausationContext) {
    const result = await handleCommand(
      this.store,
      verificationStream(providerId),
      verificationDecider,
      command,
      causation,
    );
    return { ...result, revision: revisionOf(result.nextExpectedRevision) };
  }

  private async tell(
    providerId: string,
    template: string,
    eventId: string | undefined,
    data: Record<string, unknown>,
  ): Promise<void> {
    if (eventId === undefined) return;
    const kind = data.kind as DocumentKind | undefined;
    await this.notifications.send({
      to: { accountId: providerId },
      template,
      data: { ...data, kindLabel: kind ? DOCUMENT_KIND_LABELS[kind] : null },
      idempotencyKey: `${template}:${eventId}`,
    });
  }
}
