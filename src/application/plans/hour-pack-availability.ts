import { Inject, Injectable } from '@nestjs/common';
import { availableMinutes, hourPackDecider } from '../../domain/plans';
import { hourPackStream } from '../../domain/plans/hour-pack.events';
import { Clock } from '../shared/clock';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { HourPackAvailability } from './hour-packs.port';

/**
 * `HOUR_PACK_AVAILABILITY` over the pack's own stream (always current, unlike a read model): the
 * client's pack, of the service type, valid now and at the mission's start, with the minutes
 * available. A withdrawn pack has none left.
 */
@Injectable()
export class EventStoreHourPackAvailability implements HourPackAvailability {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async check(request: Parameters<HourPackAvailability['check']>[0]) {
    const { state } = await loadAggregate(
      this.store,
      hourPackStream(request.packId),
      hourPackDecider,
    );
    if (state.status === 'none' || state.clientId !== request.clientId)
      return { ok: false as const, code: 'HOUR_PACK_NOT_FOUND' as const };
    if (state.serviceTypeId !== request.serviceTypeId)
      return { ok: false as const, code: 'HOUR_PACK_WRONG_SERVICE_TYPE' as const };
    const expiresAt = Date.parse(state.expiresAt);
    if (
      state.status === 'expired' ||
      this.clock.now().getTime() >= expiresAt ||
      Date.parse(request.startsAt) >= expiresAt
    )
      return { ok: false as const, code: 'HOUR_PACK_EXPIRED' as const };
    const available = availableMinutes(state);
    if (available < request.minutes)
      return { ok: false as const, code: 'HOUR_PACK_INSUFFICIENT_HOURS' as const };
    return { ok: true as const, availableMinutes: available };
  }
}
