import { Inject, Optional } from '@nestjs/common';
import { ICommandHandler } from '@nestjs/cqrs';
import { CommandMeta, Decider, DomainEvent } from '../../domain/shared';
import { AGGREGATE_CACHE, AggregateCache } from './aggregate-cache';
import {
  CausationContext,
  CommandBuilder,
  handleCommand,
  HandleOptions,
  HandleResult,
} from './command-handling';
import { EVENT_STORE, EventStore } from './event-store.port';

/** A message whose class names its state type may carry a builder, run on that state at each retry. */
export type MessageCommand<C, S> = [S] extends [never] ? C : C | CommandBuilder<S, C>;

/**
 * A command for one aggregate, sent on the CommandBus. Each context publishes one such
 * message class per aggregate; other contexts send them instead of touching its streams.
 */
export abstract class AggregateCommandMessage<C extends { meta: CommandMeta }, S = never> {
  constructor(
    readonly aggregateId: string,
    readonly command: MessageCommand<C, S>,
    readonly causation: CausationContext,
    readonly options: HandleOptions = {},
  ) {}
}

/** The one handler shape every aggregate uses: load, decide, append, retry on conflict. */
export function aggregateCommandHandler<C extends { meta: CommandMeta }, S, E extends DomainEvent>(
  decider: Decider<C, S, E>,
  streamFor: (aggregateId: string) => string,
) {
  class Handler implements ICommandHandler<AggregateCommandMessage<C, S>, HandleResult<S, E>> {
    constructor(
      @Inject(EVENT_STORE) readonly store: EventStore,
      @Optional() @Inject(AGGREGATE_CACHE) readonly cache?: AggregateCache,
    ) {}

    execute(
      message: AggregateCommandMessage<C, S> | AggregateCommandMessage<C>,
    ): Promise<HandleResult<S, E>> {
      return handleCommand(
        this.store,
        streamFor(message.aggregateId),
        decider,
        message.command,
        message.causation,
        {
          cache: this.cache,
          ...message.options,
        },
      );
    }
  }
  return Handler;
}
