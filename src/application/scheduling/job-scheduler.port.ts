import { ScheduledJob } from './jobs';
import type { RetiredOrderJobs } from './schedule-rules';

/**
 * Schedules jobs to run at their `dueAt`. Adding a job whose id is already known changes
 * nothing, so scheduling is idempotent; the adapter also keeps a durable record, so a job
 * survives the loss of the queue's storage.
 */
export abstract class JobScheduler {
  abstract schedule(jobs: ScheduledJob[]): Promise<void>;
  /** Marks the orders' pending jobs obsolete in the durable record and drops their queued copies. */
  abstract retire(orders: RetiredOrderJobs[]): Promise<void>;
}
