import { ScheduledJob } from './jobs';

/**
 * Schedules jobs to run at their `dueAt`. Adding a job whose id is already known changes
 * nothing, so scheduling is idempotent; the adapter also keeps a durable record, so a job
 * survives the loss of the queue's storage.
 */
export abstract class JobScheduler {
  abstract schedule(jobs: ScheduledJob[]): Promise<void>;
}
