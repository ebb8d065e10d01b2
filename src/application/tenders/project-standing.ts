import {
  evolve,
  initialState,
  projectStream,
  type ProjectStanding,
  type ProjectState,
} from '../../domain/tenders';
import { loadAggregate } from '../shared/command-handling';
import type { EventStore } from '../shared/event-store.port';

/** The project as its own stream folds it (helper A's aggregate, read here only). */
export async function loadProject(store: EventStore, projectId: string): Promise<ProjectState> {
  const { state } = await loadAggregate(store, projectStream(projectId), {
    evolve,
    initialState,
  });
  return state;
}

export const standingOf = (project: ProjectState): ProjectStanding => ({
  status: project.status,
  clientId: project.brief?.clientId ?? null,
});
