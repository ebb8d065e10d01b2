import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { EscrowEvent } from '../../domain/escrow';
import {
  evolveOffer,
  PROJECT_RULES,
  projectDecider,
  projectOfferStream,
  type ProjectCommand,
  type ProjectEvent,
  type ProjectOfferEvent,
  type ProjectOfferState,
  type ProjectState,
} from '../../domain/tenders';
import { foldAccount } from '../../domain/tenders/project-account';
import { escrowStream } from '../escrow/escrow.messages';
import { FileReferences } from '../files/file-references.contract';
import { AGGREGATE_CACHE, AggregateCache } from '../shared/aggregate-cache';
import { handleCommand, HandleResult, loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { ProjectCommandMessage, projectStream } from './project.messages';
import { readStreamOrEmpty } from './project-account.contract';
import { projectEscrowId, projectOfferId } from './tender-ids';

/** Attachments of a project, as the files context records them (and its access policy reads them). */
export const PROJECT_ATTACHMENT_KIND = 'project';

const offerFold = {
  initialState: (): ProjectOfferState | null => null,
  evolve: evolveOffer,
};

/**
 * Every ProjectCommandMessage lands here. Each retry (a concurrent append on the project's stream)
 * decides again on a fresh read: of two racing selections one wins, the other gets PROJECT_NOT_OPEN.
 */
@CommandHandler(ProjectCommandMessage)
export class ProjectCommandHandler implements ICommandHandler<
  ProjectCommandMessage,
  HandleResult<ProjectState, ProjectEvent>
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly files: FileReferences,
    @Optional() @Inject(AGGREGATE_CACHE) private readonly cache?: AggregateCache,
  ) {}

  execute(message: ProjectCommandMessage): Promise<HandleResult<ProjectState, ProjectEvent>> {
    const command = message.command as ProjectCommand;
    const run = () =>
      handleCommand(
        this.store,
        projectStream(message.aggregateId),
        projectDecider,
        () => this.complete(command),
        message.causation,
        { cache: this.cache, ...message.options },
      );
    if (command.type !== 'PostProject') return run();
    const ids = command.data.attachmentFileIds;
    // A malformed or oversized list is the decider's to refuse, with its own code.
    if (
      !Array.isArray(ids) ||
      ids.length > PROJECT_RULES.maxAttachments ||
      ids.some((id) => typeof id !== 'string')
    )
      return run();
    return this.files.attach(
      command.meta.actorId,
      [...new Set((ids as string[]).map((id) => id.toLowerCase()))],
      'project_attachment',
      { kind: PROJECT_ATTACHMENT_KIND, subjectId: command.data.projectId },
      'attachmentFileIds',
      run,
    );
  }

  private async complete(command: ProjectCommand): Promise<ProjectCommand> {
    switch (command.type) {
      case 'SelectProvider': {
        const { projectId, providerId } = command.data;
        const { state: offer } = await loadAggregate<ProjectOfferState | null, ProjectOfferEvent>(
          this.store,
          projectOfferStream(projectOfferId(projectId, providerId)),
          offerFold,
        );
        return { ...command, data: { ...command.data, offer } };
      }
      case 'ProposeAmountRevision': {
        const escrowEvents = await readStreamOrEmpty(
          this.store,
          escrowStream(projectEscrowId(command.data.projectId)),
        );
        const account = foldAccount(
          escrowEvents.map((e) => ({ event: { type: e.type, data: e.data } as EscrowEvent })),
        );
        const escrowFundedCents = account.fundedCents - account.refundedCents;
        return { ...command, data: { ...command.data, escrowFundedCents } };
      }
      default:
        return command;
    }
  }
}
