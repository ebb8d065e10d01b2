import { projectStream as streamOf, type ProjectCommand } from '../../domain/tenders';
import { AggregateCommandMessage } from '../shared/aggregate-command';

/**
 * Published contract: send a ProjectCommand to the `project-<projectId>` stream through the
 * CommandBus. The handler completes what the decider needs from other streams: the provider's
 * offer for a selection, what the R0 account was funded with for an amount revision, and checks a
 * posting's attachments belong to the client (files context).
 */
export class ProjectCommandMessage extends AggregateCommandMessage<ProjectCommand> {}

export const projectStream = streamOf;
