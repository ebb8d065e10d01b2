import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  offerDecider,
  projectReportDecider,
  type OfferCommand,
  type ProjectOfferEvent,
  type ProjectOfferState,
  type ProjectReportCommand,
  type ProjectReportEvent,
  type ProjectReportState,
} from '../../domain/tenders';
import { CREDIT_SPENDING, type CreditSpending } from '../plans/credits.port';
import { AGGREGATE_CACHE, AggregateCache } from '../shared/aggregate-cache';
import { handleCommand, HandleResult } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import {
  OfferCommandMessage,
  offerStream,
  ProjectReportCommandMessage,
  reportStream,
} from './bids.messages';
import { loadProject, standingOf } from './project-standing';

/** Every OfferCommandMessage: decided on the project's standing as its stream reads at each retry. */
@CommandHandler(OfferCommandMessage)
export class OfferCommandHandler implements ICommandHandler<
  OfferCommandMessage,
  HandleResult<ProjectOfferState | null, ProjectOfferEvent>
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(AGGREGATE_CACHE) private readonly cache?: AggregateCache,
  ) {}

  execute(message: OfferCommandMessage) {
    const command = message.command as OfferCommand;
    return handleCommand(
      this.store,
      offerStream(message.aggregateId),
      offerDecider,
      async (): Promise<OfferCommand> => {
        const project = standingOf(await loadProject(this.store, command.data.projectId));
        return { ...command, data: { ...command.data, project } } as OfferCommand;
      },
      message.causation,
      { cache: this.cache, ...message.options },
    );
  }
}

/** Every ProjectReportCommandMessage: the project's standing and the author's "offre" credit, read at each retry. */
@CommandHandler(ProjectReportCommandMessage)
export class ProjectReportCommandHandler implements ICommandHandler<
  ProjectReportCommandMessage,
  HandleResult<ProjectReportState, ProjectReportEvent>
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CREDIT_SPENDING) private readonly credits: CreditSpending,
  ) {}

  execute(message: ProjectReportCommandMessage) {
    const command = message.command as ProjectReportCommand;
    const { projectId } = command.data;
    return handleCommand(
      this.store,
      reportStream(message.aggregateId),
      projectReportDecider,
      async (): Promise<ProjectReportCommand> => {
        const project = standingOf(await loadProject(this.store, projectId));
        const offerCreditSpent =
          command.meta.actorRole === 'provider' &&
          (await this.credits.hasSpent(command.meta.actorId, 'offer', {
            type: 'project',
            id: projectId,
          }));
        return { ...command, data: { ...command.data, access: { project, offerCreditSpent } } };
      },
      message.causation,
      message.options,
    );
  }
}
