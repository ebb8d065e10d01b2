import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { JobsOptions, Queue } from 'bullmq';
import { Clock } from '../../application/shared/clock';
import { JobScheduler } from '../../application/scheduling/job-scheduler.port';
import type { RetiredOrderJobs } from '../../application/scheduling/schedule-rules';
import { JobPayload, QUEUES, QueueName, ScheduledJob } from '../../application/scheduling/jobs';
import { APP_CONFIG, AppConfig } from '../config/config';
import { ScheduledJobsLedger } from './scheduled-jobs.ledger';

/** Milliseconds until `dueAt` on the injected clock; never negative. */
export function delayUntil(dueAt: string, clock: Clock): number {
  return Math.max(0, Date.parse(dueAt) - clock.now().getTime());
}

/**
 * Records every job in the Postgres ledger, then queues on BullMQ, with the job id derived from
 * the causing event (BullMQ ignores an add whose id it already holds), those due within
 * `JOB_ENQUEUE_HORIZON_MS`. A job due later (a delivery deadline days away, a reminder) waits in
 * the ledger, costing Redis nothing, until the reconciler moves it there as it comes due; most
 * of them are obsolete by then (the order delivered, the dispute answered) and run once to say so.
 */
@Injectable()
export class BullMqJobScheduler extends JobScheduler implements OnModuleInit {
  private readonly queues = new Map<QueueName, Queue>();
  private lastErrorReport = 0;

  constructor(
    private readonly ledger: ScheduledJobsLedger,
    private readonly clock: Clock,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'JOB_ENQUEUE_HORIZON_MS'>,
  ) {
    super();
  }

  /** BullMQ reconnects by itself; a queue's 'error' (Redis gone) is only reported, once a second at most. */
  onModuleInit(): void {
    const logger = new Logger('Queues');
    for (const name of Object.values(QUEUES)) {
      this.queue(name).on('error', (error: Error) => {
        if (Date.now() - this.lastErrorReport < 1_000) return;
        this.lastErrorReport = Date.now();
        logger.warn(`Queue ${name}: ${error.message}`);
      });
    }
  }

  async schedule(jobs: ScheduledJob[]): Promise<void> {
    const pending = await this.ledger.record(jobs);
    const horizon = this.horizon().getTime();
    const soon = pending.filter((job) => Date.parse(job.payload.dueAt) <= horizon);
    if (soon.length > 0) await this.enqueue(soon);
  }

  async retire(orders: RetiredOrderJobs[]): Promise<void> {
    const retired = await this.ledger.retireOrders(orders);
    // A job already running cannot be removed (it is locked); it then ends obsolete by itself.
    await Promise.allSettled(retired.map((job) => this.queue(job.queue).remove(job.jobId)));
  }

  /** Jobs due before this instant belong in Redis now. */
  horizon(): Date {
    return new Date(this.clock.now().getTime() + this.config.JOB_ENQUEUE_HORIZON_MS);
  }

  /** Adds jobs to their queues; used by the reconciler too, so it must stay idempotent. */
  async enqueue(jobs: { queue: QueueName; jobId: string; payload: JobPayload }[]): Promise<void> {
    const byQueue = new Map<QueueName, { name: string; data: JobPayload; opts: JobsOptions }[]>();
    for (const job of jobs) {
      const list = byQueue.get(job.queue) ?? [];
      list.push({
        name: job.payload.kind,
        data: job.payload,
        opts: { jobId: job.jobId, delay: delayUntil(job.payload.dueAt, this.clock) },
      });
      byQueue.set(job.queue, list);
    }
    await Promise.all([...byQueue].map(([queue, list]) => this.queue(queue).addBulk(list)));
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      if (!Object.values(QUEUES).includes(name)) throw new Error(`Unknown queue ${name}`);
      queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      this.queues.set(name, queue);
    }
    return queue;
  }
}
