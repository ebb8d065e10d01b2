import { Injectable } from '@nestjs/common';
import { DisputeEvent, isDisputeEvent } from '../../domain/disputes';
import { ActorRole } from '../../domain/shared';
import { RecordedEvent } from '../shared/event-store.port';
import { Reactor } from '../shared/reactor';
import { DisputeCause, DisputeEffects } from './dispute-effects';

/**
 * The safety net behind the request path: every opening, withdrawal, decision and settlement is
 * carried over to the order and escrow even if the process stopped half-way. Each step checks
 * where they stand first and uses ids derived from the dispute, so a repeat changes nothing.
 */
@Injectable()
export class DisputeEffectsReactor implements Reactor {
  readonly name = 'disputes.case-effects';
  readonly filter = { categories: ['dispute'] };

  constructor(private readonly effects: DisputeEffects) {}

  async handle(recorded: RecordedEvent): Promise<void> {
    const event = { type: recorded.type, data: recorded.data };
    if (!isDisputeEvent(event)) return;
    const dispute = event as DisputeEvent;
    const cause = causeOf(recorded, dispute);
    switch (dispute.type) {
      case 'DisputeOpened':
        return this.effects.freeze(dispute.data, cause);
      case 'DisputeWithdrawn':
        return this.effects.unfreeze(dispute.data, cause);
      case 'DisputeDecided':
      case 'DisputeSettled':
        await this.effects.resolve(dispute.data.disputeId, cause);
        return;
      default:
        return;
    }
  }
}

function causeOf(recorded: RecordedEvent, event: DisputeEvent): DisputeCause {
  const m = recorded.metadata;
  const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
  return {
    disputeId: (event.data as { disputeId: string }).disputeId,
    eventId: recorded.id,
    occurredAt: str(m.occurredAt, recorded.recordedAt.toISOString()),
    actorId: str(m.actorId, 'system:disputes'),
    actorRole: str(m.actorRole, 'system') as ActorRole,
    correlationId: str(m.correlationId, recorded.id),
  };
}
