import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  evolve as evolveProject,
  initialState as initialProject,
  projectStream,
  tenderPreferencesDecider,
  type TenderPreferencesCommand,
  type TenderPreferencesEvent,
  type TenderPreferencesState,
} from '../../domain/tenders';
import { AGGREGATE_CACHE, AggregateCache } from '../shared/aggregate-cache';
import { handleCommand, HandleResult, loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import {
  TenderPreferencesCommandMessage,
  tenderPreferencesStream,
} from './tender-preferences.messages';

/**
 * Every TenderPreferencesCommandMessage lands here. A hide (or show again) is decided on the
 * project's status as its own stream folds at that instant, read again at each retry.
 */
@CommandHandler(TenderPreferencesCommandMessage)
export class TenderPreferencesCommandHandler implements ICommandHandler<
  TenderPreferencesCommandMessage,
  HandleResult<TenderPreferencesState, TenderPreferencesEvent>
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(AGGREGATE_CACHE) private readonly cache?: AggregateCache,
  ) {}

  execute(
    message: TenderPreferencesCommandMessage,
  ): Promise<HandleResult<TenderPreferencesState, TenderPreferencesEvent>> {
    const command = message.command as TenderPreferencesCommand;
    return handleCommand(
      this.store,
      tenderPreferencesStream(message.aggregateId),
      tenderPreferencesDecider,
      () => this.complete(command),
      message.causation,
      { cache: this.cache, ...message.options },
    );
  }

  private async complete(command: TenderPreferencesCommand): Promise<TenderPreferencesCommand> {
    if (command.type !== 'HideProject' && command.type !== 'ShowProjectAgain') return command;
    const { state } = await loadAggregate(this.store, projectStream(command.data.projectId), {
      evolve: evolveProject,
      initialState: initialProject,
    });
    return { ...command, data: { ...command.data, project: { status: state.status } } };
  }
}
