import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  providerOfferDecider,
  serviceTypeDecider,
  type ProviderOfferCommand,
  type ProviderOfferEvent,
  type ProviderOfferState,
} from '../../domain/missions/offers';
import { AGGREGATE_CACHE, AggregateCache } from '../shared/aggregate-cache';
import { handleCommand, HandleResult, loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { GEOCODER, Geocoder } from './geocoder.port';
import { ProviderOfferCommandMessage, providerOfferStream } from './provider-offer.messages';
import { serviceTypeStream } from './service-type.messages';

/**
 * Every ProviderOfferCommandMessage lands here. It fills in what the decider cannot know: whether
 * the service type is active (read from the type's own stream, so a type created a moment ago is
 * found) and where the zone's postal code is (the `GEOCODER` port).
 */
@CommandHandler(ProviderOfferCommandMessage)
export class ProviderOfferCommandHandler implements ICommandHandler<
  ProviderOfferCommandMessage,
  HandleResult<ProviderOfferState, ProviderOfferEvent>
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(GEOCODER) private readonly geocoder: Geocoder,
    @Optional() @Inject(AGGREGATE_CACHE) private readonly cache?: AggregateCache,
  ) {}

  async execute(
    message: ProviderOfferCommandMessage,
  ): Promise<HandleResult<ProviderOfferState, ProviderOfferEvent>> {
    const command = await this.complete(message.command as ProviderOfferCommand);
    return handleCommand(
      this.store,
      providerOfferStream(message.aggregateId),
      providerOfferDecider,
      command,
      message.causation,
      { cache: this.cache, ...message.options },
    );
  }

  /** Once per command: neither answer depends on the offer's own state. */
  private async complete(command: ProviderOfferCommand): Promise<ProviderOfferCommand> {
    if (command.type === 'OfferService') {
      const { state } = await loadAggregate(
        this.store,
        serviceTypeStream(command.data.serviceTypeId),
        serviceTypeDecider,
      );
      return {
        ...command,
        data: { ...command.data, serviceTypeActive: state.status === 'active' },
      };
    }
    if (command.type === 'SetZone') {
      const { postalCode, city } = command.data.zone;
      const known =
        typeof postalCode === 'string' && /^\d{5}$/.test(postalCode.trim())
          ? await this.geocoder.locate(postalCode.trim(), city?.trim() || undefined)
          : null;
      const located = known ? { city: known.city, lat: known.lat, lng: known.lng } : null;
      return { ...command, data: { ...command.data, located } };
    }
    return command;
  }
}
