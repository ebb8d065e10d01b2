import {
  accountNotR0,
  evolve,
  initialState,
  isAccountParty,
  type ProjectEvent,
  projectNotFound,
  type ProjectState,
  projectStream,
} from '../../domain/tenders';
import { EventStore, RecordedEvent, StreamNotFoundError } from '../shared/event-store.port';
import { projectEscrowId } from './tender-ids';

/**
 * Published contract of the tenders context for the disputes context (SMA, docs/tenders-r0.md):
 * a project's parties and status folded from its stream, the id of its R0 account (escrow), and
 * the refusals a dispute opening answers in the project's words.
 */
export interface ProjectCase {
  projectId: string;
  escrowId: string;
  state: ProjectState;
  events: RecordedEvent[];
}

export async function readProjectCase(
  read: (stream: string) => Promise<RecordedEvent[]>,
  projectId: string,
): Promise<ProjectCase> {
  const events = await read(projectStream(projectId));
  const state = events.reduce(
    (s, e) => evolve(s, { type: e.type, data: e.data } as ProjectEvent),
    initialState(),
  );
  return { projectId, escrowId: projectEscrowId(projectId), state, events };
}

export async function readStreamOrEmpty(
  store: EventStore,
  stream: string,
): Promise<RecordedEvent[]> {
  try {
    return await store.readStream(stream);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}

export const projectAccountEscrowId = projectEscrowId;
export const projectCaseErrors = { projectNotFound, accountNotR0 };
export const isProjectParty = isAccountParty;
