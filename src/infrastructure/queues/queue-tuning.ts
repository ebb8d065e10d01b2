import type { DefaultJobOptions } from 'bullmq';
import { QUEUES, QueueName } from '../../application/scheduling/jobs';

const positiveInt = (value: string | undefined, fallback: number): number => {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : fallback;
};

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
export function workerTuning(queue: QueueName, env: NodeJS.ProcessEnv = process.env): WorkerTuning {
  const concurrency: Record<QueueName, number> = {
    [QUEUES.deadlines]: 50,
    [QUEUES.reminders]: 10,
    [QUEUES.payouts]: 5,
    [QUEUES.gatewayWebhooks]: 5,
  };
  return {
    concurrency: positiveInt(env.WORKER_CONCURRENCY, concurrency[queue]),
    lockDuration: positiveInt(env.WORKER_LOCK_DURATION_MS, 30_000),
    stalledInterval: positiveInt(env.WORKER_STALLED_INTERVAL_MS, 30_000),
    maxStalledCount: positiveInt(env.WORKER_MAX_STALLED_COUNT, 2),
  };
}

/** How often the durable job ledger is compared with Redis, in milliseconds. */
export const reconcileIntervalMs = (env: NodeJS.ProcessEnv = process.env) =>
  positiveInt(env.JOB_RECONCILE_INTERVAL_MS, 60_000);
