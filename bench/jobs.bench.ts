/**
 * Job-scheduling benchmark (issue 7): schedules BENCH_JOBS deadlines (default 10,000) due
 * uniformly over BENCH_SPREAD_SECONDS (default 30, the issue allows a minute) through the real
 * scheduler (Postgres ledger + BullMQ delayed jobs), runs them with a BullMQ worker that records
 * each outcome in the ledger as the real processor does, and prints how late each fired.
 * Env: DATABASE_URL, REDIS_URL, BENCH_JOBS, BENCH_SPREAD_SECONDS, BENCH_CONCURRENCY (default 50).
 * Prints, does not assert (target: p99 <= 1 s late).
 */
import type { ModuleRef } from '@nestjs/core';
import { Queue, Worker } from 'bullmq';
import { randomBytes, randomUUID } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import { SystemClock } from '../src/application/shared/clock';
import { DeadlineJob, QUEUES, scheduled, ScheduledJob } from '../src/application/scheduling/jobs';
import { loadConfig } from '../src/infrastructure/config/config';
import { BullMqJobScheduler } from '../src/infrastructure/queues/bullmq-job-scheduler';
import { defaultJobOptions } from '../src/infrastructure/queues/queue-tuning';
import { redisOptions } from '../src/infrastructure/queues/redis-connection';
import { ScheduledJobsLedger } from '../src/infrastructure/queues/scheduled-jobs.ledger';
import { createBenchDatabase } from './support/database';
import { fmt, log, percentile, table } from './support/measure';

const JOBS = Number(process.env.BENCH_JOBS ?? 10_000);
const SPREAD_MS = Number(process.env.BENCH_SPREAD_SECONDS ?? 30) * 1000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const LEAD_MS = 5_000;
const BATCH = 500;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function main(): Promise<void> {
  const db = await createBenchDatabase();
  const pool = new Pool({ connectionString: db.url, max: 20 });
  // pg-pool's end() resolves before its clients' sockets close; the final drop waits for them.
  const open = new Set<PoolClient>();
  pool.on('connect', (client) => {
    open.add(client);
    client.once('end', () => open.delete(client));
  });
  const prefix = `mk_bench_jobs_${randomBytes(4).toString('hex')}`;
  const connection = redisOptions(REDIS_URL);
  const queue = new Queue(QUEUES.deadlines, {
    connection,
    prefix,
    defaultJobOptions: defaultJobOptions(QUEUES.deadlines),
  });
  const ledger = new ScheduledJobsLedger(pool);
  const scheduler = new BullMqJobScheduler(
    ledger,
    new SystemClock(),
    { get: () => queue } as unknown as ModuleRef,
    loadConfig({}),
  );
  const lateness: number[] = [];
  let firstFiredAt = 0;
  let lastFiredAt = 0;
  let done!: () => void;
  const allDone = new Promise<void>((resolve) => (done = resolve));
  const worker = new Worker<DeadlineJob>(
    QUEUES.deadlines,
    async (job) => {
      const firedAt = Date.now();
      lateness.push(firedAt - Date.parse(job.data.dueAt));
      firstFiredAt ||= firedAt;
      lastFiredAt = firedAt;
      await ledger.finish(String(job.id), 'completed', { result: 'done', detail: 'bench' });
      if (lateness.length === JOBS) done();
      return { result: 'done' };
    },
    { connection, prefix, concurrency: CONCURRENCY },
  );
  try {
    await queue.waitUntilReady();
    await worker.waitUntilReady();
    const start = Date.now();
    const jobs: ScheduledJob[] = Array.from({ length: JOBS }, (_, i) => {
      const dueAt = new Date(start + LEAD_MS + Math.floor((i * SPREAD_MS) / JOBS)).toISOString();
      return scheduled(
        {
          kind: 'order.delivery-deadline',
          orderId: randomUUID(),
          dueAt,
          causationId: randomUUID(),
          correlationId: 'bench',
        },
        randomUUID(),
      );
    });
    log(
      `scheduling ${fmt(JOBS)} deadlines due over ${SPREAD_MS / 1000} s (first in ${LEAD_MS / 1000} s), concurrency ${CONCURRENCY}`,
    );
    const scheduleStart = process.hrtime.bigint();
    for (let i = 0; i < jobs.length; i += BATCH) await scheduler.schedule(jobs.slice(i, i + BATCH));
    const scheduleSeconds = Number(process.hrtime.bigint() - scheduleStart) / 1e9;
    log(`scheduled in ${fmt(scheduleSeconds, 2)} s; waiting for them to fire`);
    const timeout = new Promise<'timeout'>((resolve) =>
      setTimeout(() => resolve('timeout'), LEAD_MS + SPREAD_MS + 60_000).unref(),
    );
    const finished = await Promise.race([allDone.then(() => 'ok' as const), timeout]);
    const fired = lateness.length;
    const p50 = percentile(lateness, 50);
    const p99 = percentile(lateness, 99);
    const max = Math.max(...lateness);
    const early = lateness.filter((l) => l < 0).length;
    const firingSeconds = Math.max((lastFiredAt - firstFiredAt) / 1000, 1e-3);
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM scheduled_jobs WHERE status = 'completed'`,
    );
    process.stdout.write(
      `\n${table([
        ['metric', 'value'],
        ['jobs scheduled', fmt(JOBS)],
        ['jobs fired', fmt(fired)],
        ['fired early (before due)', fmt(early)],
        ['scheduling rate (jobs/s)', fmt(JOBS / scheduleSeconds)],
        ['lateness p50 (ms)', fmt(p50)],
        ['lateness p99 (ms)', fmt(p99)],
        ['lateness max (ms)', fmt(max)],
        ['processing rate while firing (jobs/s)', fmt(fired / firingSeconds)],
        ['ledger rows marked completed when the last job fired', fmt(rows[0].n)],
        ['target p99 <= 1000 ms', p99 <= 1000 ? 'met' : 'NOT met'],
      ])}\n\n`,
    );
    const result = {
      figures: {
        jobs: JOBS,
        fired,
        complete: finished === 'ok',
        spreadSeconds: SPREAD_MS / 1000,
        concurrency: CONCURRENCY,
        latenessP50Ms: p50,
        latenessP99Ms: p99,
        latenessMaxMs: max,
        earlyJobs: early,
        scheduledPerSecond: Math.round(JOBS / scheduleSeconds),
        firedPerSecond: Math.round(fired / firingSeconds),
      },
      targets: [{ name: 'lateness p99 ms', value: p99, op: '<=', target: 1000 }],
    };
    process.stdout.write(`BENCH ${JSON.stringify(result)}\n`);
  } finally {
    await worker.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await pool.end();
    await Promise.all([...open].map((client) => new Promise((r) => client.once('end', r))));
    await db.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
