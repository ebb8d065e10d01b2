import { Inject, Injectable } from '@nestjs/common';
import { verificationDecider } from '../../domain/identity';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore, RecordedEvent } from '../shared/event-store.port';
import { Reactor } from '../shared/reactor';
import { AccountClosureService } from './account-closure.service';
import { IdentitySchedules } from './identity.ports';
import { verificationStream } from './verification.messages';

/**
 * Keeps the closure schedule and the verification review queue in step with the log, and
 * finishes any erasure whose clean-up did not complete in the request that recorded it.
 * Every write is an idempotent upsert guarded by the stream revision.
 */
@Injectable()
export class IdentityReactor implements Reactor {
  readonly name = 'identity.schedules';
  readonly filter = { categories: ['account', 'verification'] };

  constructor(
    private readonly schedules: IdentitySchedules,
    private readonly accounts: AccountClosureService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async handle(event: RecordedEvent): Promise<void> {
    const data = event.data as Record<string, unknown>;
    switch (event.type) {
      case 'AccountClosureRequested':
        return this.schedules.recordClosure(String(data.accountId), event.revision, {
          requestedAt: String(data.requestedAt),
          effectiveAt: String(data.effectiveAt),
        });
      case 'AccountClosureWithdrawn':
        return this.schedules.recordClosure(String(data.accountId), event.revision, 'withdrawn');
      case 'AccountClosed':
        return this.schedules.recordClosure(String(data.accountId), event.revision, 'closed');
      case 'AccountErased':
        await this.accounts.forgetPerson(String(data.accountId));
        return this.schedules.recordClosure(String(data.accountId), event.revision, 'erased');
      case 'DocumentSubmitted':
      case 'DocumentApproved':
      case 'DocumentRejected':
      case 'DocumentExpired':
        return this.refreshQueue(String(data.providerId));
      default:
        return;
    }
  }

  /** The whole provider file is re-read, so a redelivered or out-of-order event changes nothing. */
  private async refreshQueue(providerId: string): Promise<void> {
    const { state, revision } = await loadAggregate(
      this.store,
      verificationStream(providerId),
      verificationDecider,
    );
    if (state.status !== 'tracking' || revision === null) return;
    for (const d of Object.values(state.documents)) {
      await this.schedules.recordDocument(
        {
          documentId: d.documentId,
          providerId,
          kind: d.kind,
          uploadRef: d.uploadRef,
          status: d.status,
          submittedAt: d.submittedAt,
          reviewedBy: d.reviewedBy,
          reviewedAt: d.reviewedAt,
          expiresAt: d.expiresAt,
          rejectionReason: d.rejectionReason,
        },
        revision,
      );
    }
  }
}
