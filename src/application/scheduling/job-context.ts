import { ActorRole, CommandMeta, ConcurrencyError, DomainError } from '../../domain/shared';
import { CausationContext, HandleOptions } from '../shared/command-handling';
import { Clock } from '../shared/clock';
import { eventIdsFrom } from './deterministic-id';
import { JobOutcome, JobPayload } from './jobs';

/** The id workers act under: a deadline recorded in the log, never a person. */
export const SYSTEM_ACTOR_ID = 'system';

/** What a job run needs to send its command idempotently. */
export interface JobRun<P extends JobPayload = JobPayload> {
  jobId: string;
  payload: P;
}

export function systemMeta(clock: Clock, role: ActorRole = 'system'): CommandMeta {
  return { now: clock.now().toISOString(), actorId: SYSTEM_ACTOR_ID, actorRole: role };
}

export function causationOf(payload: JobPayload): CausationContext {
  return { correlationId: payload.correlationId, causationId: payload.causationId };
}

/** Event ids derived from the job id: a job delivered twice appends nothing new. */
export function jobOptions(jobId: string, step = 'command'): HandleOptions {
  return { eventIds: eventIdsFrom(jobId, step) };
}

export function notDue(clock: Clock, payload: JobPayload): JobOutcome | null {
  return clock.now().getTime() < Date.parse(payload.dueAt)
    ? { result: 'not_due', dueAt: payload.dueAt }
    : null;
}

/**
 * A domain refusal means the deadline no longer applies (the order was delivered, the dispute
 * answered...); it ends the job. A concurrency conflict or any other error is retried.
 */
export async function runCommand(
  send: () => Promise<{ events: { type: string }[] }>,
): Promise<JobOutcome> {
  try {
    const result = await send();
    return result.events.length > 0
      ? { result: 'done', detail: result.events.map((e) => e.type).join(',') }
      : { result: 'done', detail: 'already applied' };
  } catch (error) {
    if (error instanceof DomainError && !(error instanceof ConcurrencyError)) {
      return { result: 'obsolete', code: error.code, detail: error.message };
    }
    throw error;
  }
}
