import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, Type } from '@nestjs/common';
import { DelayedError, Job } from 'bullmq';
import { Clock } from '../../application/shared/clock';
import { JobOutcome, JobPayload, QueueName } from '../../application/scheduling/jobs';
import { WorkerTuning } from '../../infrastructure/queues/queue-tuning';
import { ScheduledJobsLedger } from '../../infrastructure/queues/scheduled-jobs.ledger';
import { JobDispatcher } from './job-dispatcher';

/** The work of one job, shared by every queue's processor (and called directly by tests). */
export class JobRunner {
  private readonly logger = new Logger('Jobs');

  constructor(
    private readonly dispatcher: JobDispatcher,
    private readonly ledger: ScheduledJobsLedger,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs the job; a job picked up before its due time (clock skew, a controlled clock) goes back
   * to the delayed set until then. The ledger learns the outcome only after the work is done.
   */
  async process(job: Job<JobPayload>, token?: string): Promise<JobOutcome> {
    const jobId = String(job.id);
    // A shared (test) clock may just have been moved by another process: read it first.
    await this.clock.sync();
    const outcome = await this.dispatcher.run(jobId, job.data);
    if (outcome.result === 'not_due') {
      const wait = Math.max(1, Date.parse(outcome.dueAt) - this.clock.now().getTime());
      await job.moveToDelayed(Date.now() + wait, token);
      throw new DelayedError();
    }
    await this.ledger.finish(
      jobId,
      outcome.result === 'obsolete' ? 'obsolete' : 'completed',
      outcome,
    );
    if (outcome.result === 'obsolete')
      this.logger.debug(`${job.name} ${jobId} no longer applies: ${outcome.code}`);
    return outcome;
  }

  /** After the last attempt the job stays in BullMQ's failed set (visible on the board) and the ledger stops expecting it. */
  async failed(job: Job<JobPayload> | undefined, error: Error): Promise<void> {
    if (!job) return;
    const attempts = job.opts.attempts ?? 1;
    this.logger.warn(
      `${job.name} ${String(job.id)} failed (attempt ${job.attemptsMade}/${attempts}): ${error.message}`,
    );
    if (job.attemptsMade >= attempts)
      await this.ledger.finish(String(job.id), 'failed', { error: error.message });
  }
}

/** A BullMQ processor class for `queue`, tuned at start-up (decorator options are static otherwise). */
export function queueProcessor(queue: QueueName, tuning: WorkerTuning): Type<WorkerHost> {
  let lastErrorReport = 0;
  @Processor(queue, tuning)
  class QueueProcessor extends WorkerHost {
    constructor(@Inject(JobRunner) private readonly runner: JobRunner) {
      super();
    }

    process(job: Job<JobPayload>, token?: string): Promise<JobOutcome> {
      return this.runner.process(job, token);
    }

    @OnWorkerEvent('failed')
    onFailed(job: Job<JobPayload> | undefined, error: Error): Promise<void> {
      return this.runner.failed(job, error);
    }

    /** The worker reconnects by itself; its 'error' (Redis gone) is only reported, once a second at most. */
    @OnWorkerEvent('error')
    onError(error: Error): void {
      if (Date.now() - lastErrorReport < 1_000) return;
      lastErrorReport = Date.now();
      new Logger('Jobs').warn(`Worker ${queue}: ${error.message}`);
    }
  }
  Object.defineProperty(QueueProcessor, 'name', {
    value: `${queue.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}Processor`,
  });
  return QueueProcessor;
}
