import type { Decider } from '../shared';
import type { ProjectCommand } from './project.commands';
import { decide } from './project.decide';
import type { ProjectEvent } from './project.events';
import { evolve, initialState, type ProjectState } from './project.state';

/** The project aggregate (`project-<projectId>`): post, withdraw, select, sign, revise, finish. */
export const projectDecider: Decider<ProjectCommand, ProjectState, ProjectEvent> = {
  decide,
  evolve,
  initialState,
};
