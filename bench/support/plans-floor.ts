/**
 * The floor of a renewal on this machine (bench/plans.bench.ts): the same subscriptions, the same
 * period end, the real scheduler (Postgres ledger + BullMQ delayed jobs) and a BullMQ worker at
 * the renewals queue's concurrency whose job does only what any renewal must: one read of the
 * subscription's stream, one `chargeSaved` on the simulated gateway, one conditional append of
 * `SubscriptionRenewed`, the ledger's `finish`. No Nest, no command bus, no decider, no plan
 * read, no projection, no reactor. Run in its own throwaway database, so the application never
 * sees these streams. No renewal of the application can be cheaper, so its ratio to the INSERT
 * baseline bounds the ratio the real renewal can reach in the same run.
 */
import type { ModuleRef } from '@nestjs/core';
import { Queue, Worker } from 'bullmq';
import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PlanJob, QUEUES, scheduled, ScheduledJob } from '../../src/application/scheduling/jobs';
import { SystemClock } from '../../src/application/shared/clock';
import type { SubscriptionRenewed, SubscriptionStarted } from '../../src/domain/plans';
import { subscriptionStream } from '../../src/domain/plans';
import { loadConfig } from '../../src/infrastructure/config/config';
import { PostgresEventStore } from '../../src/infrastructure/event-store/postgres/postgres-event-store';
import { SimulatedPaymentGateway } from '../../src/infrastructure/payments/simulated-payment-gateway';
import { BullMqJobScheduler } from '../../src/infrastructure/queues/bullmq-job-scheduler';
import { defaultJobOptions } from '../../src/infrastructure/queues/queue-tuning';
import { redisOptions } from '../../src/infrastructure/queues/redis-connection';
import { ScheduledJobsLedger } from '../../src/infrastructure/queues/scheduled-jobs.ledger';
import { dropRedisPrefix } from '../../test/support/redis';
import { createBenchDatabase } from './database';
import { log, prewarm } from './measure';
import { seedSubscriptions } from './plans-seed';

export interface FloorResult {
  renewed: number;
  complete: boolean;
  /** Finished − period end, per job (ms). */
  lateness: number[];
}

export async function renewalFloor(options: {
  count: number;
  leadMs: number;
  timeoutMs: number;
  concurrency: number;
  poolSize: number;
  redisUrl: string;
}): Promise<FloorResult> {
  const db = await createBenchDatabase();
  const pool = new Pool({ connectionString: db.url, max: options.poolSize });
  pool.on('error', () => undefined);
  const prefix = `mk_bench_floor_${randomBytes(4).toString('hex')}`;
  const connection = redisOptions(options.redisUrl);
  const queue = new Queue(QUEUES.renewals, {
    connection,
    prefix,
    defaultJobOptions: defaultJobOptions(QUEUES.renewals),
  });
  const store = new PostgresEventStore(pool, { connectionString: db.url });
  const gateway = new SimulatedPaymentGateway(pool);
  const ledger = new ScheduledJobsLedger(pool);
  const scheduler = new BullMqJobScheduler(
    ledger,
    new SystemClock(),
    { get: () => queue } as unknown as ModuleRef,
    loadConfig({}),
  );
  const lateness: number[] = [];
  let done!: () => void;
  const allDone = new Promise<void>((resolve) => (done = resolve));
  const worker = new Worker<PlanJob>(
    QUEUES.renewals,
    async (job) => {
      const payload = job.data as Extract<PlanJob, { kind: 'subscription.renew' }>;
      const stream = subscriptionStream(payload.subscriptionId);
      const events = await store.readStream(stream);
      const started = events[0].data as SubscriptionStarted['data'];
      const now = new Date();
      const charge = await gateway.chargeSaved({
        accountId: started.accountId,
        paymentMethodRef: started.paymentMethodRef,
        amountCents: started.priceTtcCents,
        description: `Abonnement ${started.planName} — période ${payload.period}`,
        metadata: { subscriptionId: started.subscriptionId, period: String(payload.period) },
        idempotencyKey: `subscription:${started.subscriptionId}:period:${payload.period}`,
      });
      const periodEndsAt = new Date(Date.parse(started.periodEndsAt));
      periodEndsAt.setUTCMonth(periodEndsAt.getUTCMonth() + 1);
      const renewed: SubscriptionRenewed['data'] = {
        subscriptionId: started.subscriptionId,
        accountId: started.accountId,
        planId: started.planId,
        period: payload.period,
        planVersion: started.planVersion,
        priceTtcCents: charge.amountCents,
        periodStartsAt: started.periodEndsAt,
        periodEndsAt: periodEndsAt.toISOString(),
        credits: started.credits,
        chargeRef: charge.chargeRef,
        renewedAt: now.toISOString(),
      };
      await store.appendToStream(
        stream,
        [
          {
            id: randomUUID(),
            type: 'SubscriptionRenewed',
            data: renewed,
            metadata: {
              correlationId: payload.correlationId,
              causationId: payload.causationId,
              actorId: 'system',
              actorRole: 'system',
              occurredAt: now.toISOString(),
            },
          },
        ],
        { expectedRevision: events[events.length - 1].revision },
      );
      await ledger.finish(String(job.id), 'completed', { result: 'done' });
      lateness.push(Date.now() - Date.parse(payload.dueAt));
      if (lateness.length === options.count) done();
      return { result: 'done' };
    },
    { connection, prefix, concurrency: options.concurrency },
  );
  try {
    await prewarm(pool, options.poolSize);
    await queue.waitUntilReady();
    await worker.waitUntilReady();
    const periodEnd = new Date(Date.now() + options.leadMs);
    const seed = await seedSubscriptions(pool, options.count, periodEnd);
    const { rows } = await pool.query<{ id: string; sub: string }>(
      `SELECT event_id AS id, data->>'subscriptionId' AS sub FROM es_events WHERE event_type = 'SubscriptionStarted'`,
    );
    const jobs: ScheduledJob[] = rows.map((row) =>
      scheduled<PlanJob>(
        {
          kind: 'subscription.renew',
          subscriptionId: row.sub,
          period: 2,
          attempt: 1,
          dueAt: seed.periodEndsAt,
          causationId: row.id,
          correlationId: row.id,
        },
        row.id,
      ),
    );
    for (let i = 0; i < jobs.length; i += 500) await scheduler.schedule(jobs.slice(i, i + 500));
    log(
      `[floor] ${jobs.length} renewals scheduled, ${Math.round((periodEnd.getTime() - Date.now()) / 100) / 10} s before the period end`,
    );
    const timeout = new Promise<'timeout'>((resolve) =>
      setTimeout(
        () => resolve('timeout'),
        periodEnd.getTime() - Date.now() + options.timeoutMs,
      ).unref(),
    );
    const finished = await Promise.race([allDone.then(() => 'ok' as const), timeout]);
    return { renewed: lateness.length, complete: finished === 'ok', lateness: [...lateness] };
  } finally {
    await worker.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await store.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
    await db.drop();
    await dropRedisPrefix(options.redisUrl, prefix).catch(() => 0);
  }
}
