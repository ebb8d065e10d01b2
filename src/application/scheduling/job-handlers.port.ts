import { JobKind, JobOutcome, JobPayload } from './jobs';

/** Runs one kind of job; what it changes goes back into the log as events. */
export type JobHandler<P extends JobPayload = JobPayload> = (job: {
  jobId: string;
  payload: P;
}) => Promise<JobOutcome>;

/**
 * Where a context's module registers the jobs it owns (as reactors register with
 * `ReactorRegistry`), so the scheduler's dispatcher knows no context's classes.
 */
export abstract class JobHandlers {
  abstract register<K extends JobKind>(
    kind: K,
    handler: JobHandler<Extract<JobPayload, { kind: K }>>,
  ): void;
}
