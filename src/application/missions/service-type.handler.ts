import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  serviceTypeDecider,
  serviceTypeSlug,
  type ServiceTypeCommand,
  type ServiceTypeEvent,
  type ServiceTypeState,
} from '../../domain/missions/offers';
import { AGGREGATE_CACHE, AggregateCache } from '../shared/aggregate-cache';
import { handleCommand, HandleResult, loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { ServiceTypeLabels } from './service-type-labels.port';
import {
  serviceTypeIdFor,
  ServiceTypeCommandMessage,
  serviceTypeStream,
} from './service-type.messages';

/**
 * Every ServiceTypeCommandMessage lands here. Before a creation or a rename it finds out whether
 * another type already shows the label: the stream the label's slug names (exact) and, for types
 * renamed since, the read model (best-effort).
 */
@CommandHandler(ServiceTypeCommandMessage)
export class ServiceTypeCommandHandler implements ICommandHandler<
  ServiceTypeCommandMessage,
  HandleResult<ServiceTypeState, ServiceTypeEvent>
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly labels: ServiceTypeLabels,
    @Optional() @Inject(AGGREGATE_CACHE) private readonly cache?: AggregateCache,
  ) {}

  execute(
    message: ServiceTypeCommandMessage,
  ): Promise<HandleResult<ServiceTypeState, ServiceTypeEvent>> {
    const command = message.command as ServiceTypeCommand;
    return handleCommand(
      this.store,
      serviceTypeStream(message.aggregateId),
      serviceTypeDecider,
      (state) => this.complete(command, state),
      message.causation,
      { cache: this.cache, ...message.options },
    );
  }

  private async complete(
    command: ServiceTypeCommand,
    state: ServiceTypeState,
  ): Promise<ServiceTypeCommand> {
    if (command.type === 'RetireServiceType' || typeof command.data.label !== 'string')
      return command;
    const { serviceTypeId, label } = command.data;
    if (
      command.type === 'UpdateServiceType' &&
      state.status !== 'none' &&
      state.details.label === label
    )
      return command;
    const labelTakenBy = await this.holderOf(label, serviceTypeId);
    return { ...command, data: { ...command.data, labelTakenBy } };
  }

  private async holderOf(label: string, serviceTypeId: string): Promise<string | null> {
    const slug = serviceTypeSlug(label.trim());
    if (slug === '') return null;
    const slugId = serviceTypeIdFor(label.trim());
    if (slugId !== serviceTypeId) {
      const { state } = await loadAggregate(
        this.store,
        serviceTypeStream(slugId),
        serviceTypeDecider,
      );
      if (state.status !== 'none' && serviceTypeSlug(state.details.label) === slug) return slugId;
    }
    return this.labels.holderOf(slug, serviceTypeId);
  }
}
