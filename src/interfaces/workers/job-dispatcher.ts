import { Injectable } from '@nestjs/common';
import { DeadlineJobs } from '../../application/scheduling/deadline-jobs';
import { JobHandler, JobHandlers } from '../../application/scheduling/job-handlers.port';
import {
  DeadlineJob,
  JobKind,
  JobOutcome,
  JobPayload,
  QUEUE_OF,
  QUEUES,
  ReminderJob,
} from '../../application/scheduling/jobs';
import { ReminderJobs } from '../../application/scheduling/reminder-jobs';

/**
 * Routes a job to the handler registered for its kind: the scheduler's own deadlines and
 * reminders, and whatever each context's module registered (payouts, gateway webhooks).
 */
@Injectable()
export class JobDispatcher extends JobHandlers {
  private readonly handlers = new Map<JobKind, JobHandler>();

  constructor(
    private readonly deadlines: DeadlineJobs,
    private readonly reminders: ReminderJobs,
  ) {
    super();
  }

  register<K extends JobKind>(
    kind: K,
    handler: JobHandler<Extract<JobPayload, { kind: K }>>,
  ): void {
    if (this.handlers.has(kind))
      throw new Error(`A handler for job kind ${kind} is already registered`);
    this.handlers.set(kind, handler as JobHandler);
  }

  async run(jobId: string, payload: JobPayload): Promise<JobOutcome> {
    const handler = this.handlers.get(payload.kind);
    if (handler) return handler({ jobId, payload });
    switch (QUEUE_OF[payload.kind]) {
      case QUEUES.deadlines:
        return this.deadlines.run({ jobId, payload: payload as DeadlineJob });
      case QUEUES.reminders:
        return this.reminders.run({ jobId, payload: payload as ReminderJob });
      default:
        // Its context's module has not registered yet (a worker started first): BullMQ retries it.
        throw new Error(`No handler is registered for job kind ${payload.kind}`);
    }
  }
}
