import type { ProjectFeesCommand, ProjectFeesState } from '../../domain/tenders';
import { AggregateCommandMessage } from '../shared/aggregate-command';

/**
 * Send a ProjectFeesCommand to the `project_fees-<projectId>` stream through the CommandBus (the
 * command may be a builder run on the fees' current state at each retry).
 */
export class ProjectFeesCommandMessage extends AggregateCommandMessage<
  ProjectFeesCommand,
  ProjectFeesState
> {}
