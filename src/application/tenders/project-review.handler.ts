import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  evolve as evolveProject,
  initialState as initialProject,
  projectReviewDecider,
  projectStream,
  type ProjectEvent,
  type ProjectReviewCommand,
  type ProjectReviewEvent,
  type ProjectReviewState,
  type ProjectState,
} from '../../domain/tenders';
import { AGGREGATE_CACHE, AggregateCache } from '../shared/aggregate-cache';
import { handleCommand, HandleResult, loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { ProjectReviewCommandMessage, projectReviewStream } from './certification.messages';

export type ProjectReviewResult = HandleResult<ProjectReviewState, ProjectReviewEvent>;

/** The project's facts as its own stream holds them (status, client, selected provider). */
export async function reviewedProject(store: EventStore, projectId: string) {
  const { state } = await loadAggregate<ProjectState, ProjectEvent>(
    store,
    projectStream(projectId),
    {
      evolve: evolveProject,
      initialState: initialProject,
    },
  );
  if (!state.brief) return null;
  return { status: state.status, clientId: state.brief.clientId, providerId: state.providerId };
}

/** A review is decided on the project as its stream reads at that instant, read again at each retry. */
@CommandHandler(ProjectReviewCommandMessage)
export class ProjectReviewCommandHandler implements ICommandHandler<
  ProjectReviewCommandMessage,
  ProjectReviewResult
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(AGGREGATE_CACHE) private readonly cache?: AggregateCache,
  ) {}

  execute(message: ProjectReviewCommandMessage): Promise<ProjectReviewResult> {
    const command = message.command as ProjectReviewCommand;
    return handleCommand(
      this.store,
      projectReviewStream(message.aggregateId),
      projectReviewDecider,
      async () => ({
        ...command,
        data: { ...command.data, project: await reviewedProject(this.store, message.aggregateId) },
      }),
      message.causation,
      { cache: this.cache, ...message.options },
    );
  }
}
