import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import {
  planDecider,
  type PlanCommand,
  type PlanEvent,
  type PlanInput,
  type PlanState,
  type ServiceTypeAvailability,
} from '../../domain/plans';
import { GetServiceTypeQuery } from '../missions/service-type.query';
import { AGGREGATE_CACHE, AggregateCache } from '../shared/aggregate-cache';
import { handleCommand, HandleResult, loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { planIdFor, PlanCommandMessage, planStream } from './plan.messages';

/**
 * Every PlanCommandMessage lands here. Before deciding it finds out what the decider cannot
 * know: whether an hour pack's service type exists and is active (the missions context's
 * published query, read from the type's stream), and whether a renamed plan's new name is the id
 * of another plan. Both run again on each retry of a conflict.
 */
@CommandHandler(PlanCommandMessage)
export class PlanCommandHandler implements ICommandHandler<
  PlanCommandMessage,
  HandleResult<PlanState, PlanEvent>
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly queries: QueryBus,
    @Optional() @Inject(AGGREGATE_CACHE) private readonly cache?: AggregateCache,
  ) {}

  execute(message: PlanCommandMessage): Promise<HandleResult<PlanState, PlanEvent>> {
    const sent = message.command;
    return handleCommand(
      this.store,
      planStream(message.aggregateId),
      planDecider,
      async (state: PlanState) =>
        this.complete(typeof sent === 'function' ? await sent(state) : sent, state),
      message.causation,
      { cache: this.cache, ...message.options },
    );
  }

  private async complete(command: PlanCommand, state: PlanState): Promise<PlanCommand> {
    if (command.type === 'RetirePlan') return command;
    const kind =
      command.type === 'RevisePlan' && state.status !== 'none' ? state.kind : command.data.kind;
    const serviceType = await this.serviceTypeOf(kind, command.data);
    if (command.type === 'DefinePlan')
      return { ...command, data: { ...command.data, serviceType } };
    const nameTakenBy = await this.nameTakenBy(command.data.name, command.data.planId);
    return { ...command, data: { ...command.data, serviceType, nameTakenBy } };
  }

  private async serviceTypeOf(
    kind: PlanInput['kind'],
    input: PlanInput,
  ): Promise<ServiceTypeAvailability | undefined> {
    const serviceTypeId = input.hourPack?.serviceTypeId;
    if (kind !== 'hour_pack' || typeof serviceTypeId !== 'string' || serviceTypeId.trim() === '')
      return undefined;
    const found = await this.queries.execute(new GetServiceTypeQuery(serviceTypeId.trim()));
    return found ? found.status : 'unknown';
  }

  /** The plan whose id is the new name's slug, when it is another one. */
  private async nameTakenBy(name: unknown, planId: string): Promise<string | null> {
    if (typeof name !== 'string') return null;
    const slugId = planIdFor(name);
    if (slugId === '' || slugId === planId) return null;
    const { state } = await loadAggregate(this.store, planStream(slugId), planDecider);
    return state.status === 'none' ? null : slugId;
  }
}
