import { Inject, Injectable } from '@nestjs/common';
import { solidarityMissionDecider, type SolidarityMissionCancelled } from '../../domain/solidarity';
import { NoRecipientError, Notifications } from '../notifications/notifications.port';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore, RecordedEvent } from '../shared/event-store.port';
import { Reactor } from '../shared/reactor';
import { solidarityMissionStream } from './solidarity-mission.messages';

/**
 * Tells each volunteer signed up when their mission is cancelled (one e-mail each, keyed by the
 * event id and the volunteer, so a redelivery sends nothing twice).
 */
@Injectable()
export class SolidarityMissionNotices implements Reactor {
  readonly name = 'solidarity.mission-notices';
  readonly filter = { categories: ['solidarity_mission'] };

  constructor(
    private readonly notifications: Notifications,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async handle(event: RecordedEvent): Promise<void> {
    if (event.type !== 'SolidarityMissionCancelled') return;
    const data = event.data as SolidarityMissionCancelled['data'];
    const { state } = await loadAggregate(
      this.store,
      solidarityMissionStream(data.missionId),
      solidarityMissionDecider,
    );
    if (state.status === 'none') return;
    for (const volunteerId of data.volunteerIds)
      await this.tell(volunteerId, {
        template: 'solidarity.mission_cancelled',
        data: {
          missionId: data.missionId,
          title: state.title,
          startsAt: state.startsAt,
          city: state.place.city,
          reason: data.reason,
        },
        idempotencyKey: `solidarity-mission-cancelled-${event.id}-${volunteerId}`,
      });
  }

  /** A volunteer without an e-mail address any more (erased) is not told. */
  private async tell(
    volunteerId: string,
    request: Omit<Parameters<Notifications['send']>[0], 'to'>,
  ): Promise<void> {
    try {
      await this.notifications.send({ to: { accountId: volunteerId }, ...request });
    } catch (error) {
      if (!(error instanceof NoRecipientError)) throw error;
    }
  }
}
