import type { DefaultJobOptions } from 'bullmq';
import { QUEUES, QueueName } from '../../application/scheduling/jobs';
import { AppConfig } from '../config/config';

/**
 * Retries with exponential backoff; completed jobs are kept a month so a replayed event finds its
 * job id and schedules nothing again; failed jobs are never removed, so staff see them.
 */
export function defaultJobOptions(queue: QueueName): DefaultJobOptions {
  const payouts = queue === QUEUES.payouts;
  return {
    attempts: payouts ? 12 : 10,
    backoff: { type: 'exponential', delay: payouts ? 5_000 : 1_000 },
    removeOnComplete: { age: 30 * 24 * 3600, count: 200_000 },
    removeOnFail: false,
  };
}

export interface WorkerTuning {
  concurrency: number;
  lockDuration: number;
  stalledInterval: number;
  maxStalledCount: number;
}

/** Lock and stall timings decide how soon a job held by a dead worker runs again (tests shorten them). */
export function workerTuning(
  queue: QueueName,
  config: Pick<
    AppConfig,
    | 'WORKER_CONCURRENCY'
    | 'WORKER_LOCK_DURATION_MS'
    | 'WORKER_STALLED_INTERVAL_MS'
    | 'WORKER_MAX_STALLED_COUNT'
  >,
): WorkerTuning {
  const concurrency: Record<QueueName, number> = {
    [QUEUES.deadlines]: 50,
    [QUEUES.reminders]: 10,
    [QUEUES.payouts]: 5,
    [QUEUES.gatewayWebhooks]: 5,
    [QUEUES.renewals]: 50,
    [QUEUES.digests]: 1,
  };
  return {
    concurrency: config.WORKER_CONCURRENCY ?? concurrency[queue],
    lockDuration: config.WORKER_LOCK_DURATION_MS,
    stalledInterval: config.WORKER_STALLED_INTERVAL_MS,
    maxStalledCount: config.WORKER_MAX_STALLED_COUNT,
  };
}
