import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PROJECT_REVIEW_CATEGORY, type ProjectReviewGiven } from '../../domain/tenders';
import { stepIdsIn } from '../shared/deterministic-id';
import { RecordedEvent } from '../shared/event-store.port';
import { Reactor } from '../shared/reactor';
import { CertificationCommandMessage } from './certification.messages';

const steps = stepIdsIn('tenders.certification');

/**
 * `tenders.certification_reputation`: each client's review of a finished project is counted on
 * the provider's certification stream, which certifies by reputation once the threshold is met.
 * Idempotent: a project counts once and the event ids derive from the review's.
 */
@Injectable()
export class CertificationReputationReactor implements Reactor {
  readonly name = 'tenders.certification_reputation';
  readonly filter = {
    categories: [PROJECT_REVIEW_CATEGORY],
    eventTypePrefixes: ['ProjectReviewGiven'],
  };

  constructor(private readonly commandBus: CommandBus) {}

  async handle(event: RecordedEvent): Promise<void> {
    if (event.type !== 'ProjectReviewGiven') return;
    const d = event.data as ProjectReviewGiven['data'];
    if (d.author !== 'client') return;
    const now = String(event.metadata.occurredAt ?? event.recordedAt.toISOString());
    await this.commandBus.execute(
      new CertificationCommandMessage(
        d.subjectId,
        {
          type: 'CountCertificationReview',
          data: { providerId: d.subjectId, projectId: d.projectId, rating: d.rating },
          meta: { now, actorId: 'system', actorRole: 'system' },
        },
        {
          correlationId: String(event.metadata.correlationId ?? event.id),
          causationId: event.id,
        },
        { eventIds: steps.events(event.id) },
      ),
    );
  }
}
