import type { Decider } from '../shared';
import type { ProjectFeesCommand } from './project-fees.commands';
import { decide } from './project-fees.decide';
import type { ProjectFeesEvent } from './project-fees.events';
import { evolve, initialState, type ProjectFeesState } from './project-fees.state';

/** The fees of stream `project_fees-<projectId>` (docs/tenders-fees.md). */
export const projectFeesDecider: Decider<ProjectFeesCommand, ProjectFeesState, ProjectFeesEvent> = {
  decide,
  evolve,
  initialState,
};
