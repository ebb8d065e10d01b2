/**
 * Plans benchmark (issue 15): BENCH_PLANS_N subscriptions (default 10,000) whose periods all end at
 * the same instant renew through the real application (API, projectors and workers in this one
 * process, as deployed by default): the reactor schedules `subscription.renew` at each
 * `periodEndsAt`, the job charges the saved card through the simulated gateway and appends
 * `SubscriptionRenewed`, the invoices projection issues the platform's invoice for it. Printed
 * beside a plain-INSERT baseline of the same run (N one-row transactions, 16 pre-connected
 * writers). Lateness of a renewal = when it happened − its period end, on the real clock.
 * Target: every renewal (charged, renewed, invoiced) within 60 s of its period end.
 * Env: DATABASE_URL, REDIS_URL, BENCH_PLANS_N, BENCH_PLANS_LEAD_SECONDS (period end after seeding,
 * default 10 + N/500), BENCH_PLANS_TIMEOUT_SECONDS (wait after the period end, default 300),
 * PG_POOL_SIZE (default 24), WORKER_CONCURRENCY (renewals queue, default its tuning: 50).
 * Prints, never asserts; ends with one `BENCH {...}` line.
 */
import 'reflect-metadata';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { PAYMENT_GATEWAY, PaymentGateway } from '../src/application/payments/payment-gateway.port';
import { QUEUES } from '../src/application/scheduling/jobs';
import { EVENT_STORE, EventStore } from '../src/application/shared/event-store.port';
import { createApp } from '../src/bootstrap';
import { loadConfig } from '../src/infrastructure/config/config';
import { allProjections } from '../src/projections/all-projections';
import { ReactorRunner } from '../src/infrastructure/subscriptions/reactor-runner';
import { dropRedisPrefix } from '../test/support/redis';
import { createBenchDatabase } from './support/database';
import { fmt, log, nowNs, percentile, prewarm, table } from './support/measure';
import { FloorResult, renewalFloor } from './support/plans-floor';
import { seedSubscriptions } from './support/plans-seed';

const N = Number(process.env.BENCH_PLANS_N ?? 10_000);
const LEAD_MS = Number(process.env.BENCH_PLANS_LEAD_SECONDS ?? 10 + Math.ceil(N / 500)) * 1000;
const TIMEOUT_MS = Number(process.env.BENCH_PLANS_TIMEOUT_SECONDS ?? 300) * 1000;
const WRITERS = 16;
const TARGET_MS = 60_000;
const SAMPLE_MS = 250;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const FLOOR = process.env.BENCH_PLANS_FLOOR !== '0';
const POOL_SIZE = Number(process.env.PG_POOL_SIZE ?? 24);
const CONCURRENCY = Number(process.env.WORKER_CONCURRENCY ?? 50);

const round = (n: number, digits = 0) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : null);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** N one-row INSERT transactions into a scratch table shaped like the log, 16 pre-connected writers. */
async function insertBaseline(url: string): Promise<{ perSecond: number; seconds: number }> {
  const clients = Array.from({ length: WRITERS }, () => new Client({ connectionString: url }));
  await Promise.all(clients.map((c) => c.connect()));
  try {
    await clients[0].query(`CREATE TABLE bench_plans_baseline (
      id bigserial PRIMARY KEY, stream text NOT NULL, version int NOT NULL, data jsonb NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(), UNIQUE (stream, version))`);
    const data = JSON.stringify({
      subscriptionId: randomUUID(),
      accountId: randomUUID(),
      period: 2,
      priceTtcCents: 2_990,
      chargeRef: `pi_sim_${randomBytes(12).toString('hex')}`,
      renewedAt: new Date().toISOString(),
    });
    let next = 0;
    const insert = async (w: number) => {
      const i = next++;
      if (i >= N + WRITERS * 20) return 0;
      await clients[w].query(
        'INSERT INTO bench_plans_baseline (stream, version, data) VALUES ($1, 0, $2)',
        [`subscription-${i}`, data],
      );
      return 1;
    };
    // Warm-up: 20 rows per writer, then N rows timed.
    await Promise.all(
      clients.map(async (_, w) => {
        for (let i = 0; i < 20; i++) await insert(w);
      }),
    );
    const start = nowNs();
    let written = 0;
    await Promise.all(
      clients.map(async (_, w) => {
        for (;;) {
          const n = await insert(w);
          if (n === 0) return;
          written += n;
        }
      }),
    );
    const seconds = Number(nowNs() - start) / 1e9;
    return { perSecond: written / seconds, seconds };
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

/** Durations (ms) of calls to `method` of `target`, kept while `on()` is true. */
function timeCalls<T extends object>(
  target: T,
  method: keyof T & string,
  on: () => boolean,
  filter: (args: unknown[]) => boolean = () => true,
): number[] {
  const samples: number[] = [];
  const original = (target[method] as (...a: unknown[]) => Promise<unknown>).bind(target);
  (target as Record<string, unknown>)[method] = async (...args: unknown[]) => {
    if (!on() || !filter(args)) return original(...args);
    const t = nowNs();
    try {
      return await original(...args);
    } finally {
      samples.push(Number(nowNs() - t) / 1e6);
    }
  };
  return samples;
}

/** Every statement this process sends to Postgres (the app's pools included). */
let statementsSent = 0;
const sendStatement = Client.prototype.query;
Client.prototype.query = function (this: Client, ...args: unknown[]) {
  statementsSent++;
  return (sendStatement as (...a: unknown[]) => unknown).apply(this, args);
} as typeof Client.prototype.query;

interface Sample {
  at: number;
  renewed: number;
  invoiced: number;
  failed: number;
  granted: number;
  queue: Record<string, number>;
}

/** Renewal invoices: the platform's invoices issued for a `SubscriptionRenewed` event. */
const INVOICED_SQL = `SELECT count(*)::int AS n FROM invoices i
  JOIN es_events e ON e.event_id = i.source_event_id::uuid WHERE e.event_type = 'SubscriptionRenewed'`;

async function count(pool: Pool, sql: string, params: unknown[] = []): Promise<number> {
  try {
    return (await pool.query<{ n: number }>(sql, params)).rows[0].n;
  } catch (error) {
    // A read model not there yet (another helper's branch) counts nothing; say why, once.
    const message = error instanceof Error ? error.message : String(error);
    if (!countErrors.has(message)) log(`count failed (sample skipped): ${message}`);
    countErrors.add(message);
    return NaN;
  }
}
const countErrors = new Set<string>();

/** Without spreading: 100,000 arguments would overflow the stack. */
const maxOf = (xs: number[]) => xs.reduce((m, x) => (x > m ? x : m), -Infinity);

const stats = (xs: number[]) => ({
  p50: percentile(xs, 50),
  p99: percentile(xs, 99),
  max: xs.length ? maxOf(xs) : NaN,
  min: xs.length ? -maxOf(xs.map((x) => -x)) : NaN,
});

async function main(): Promise<void> {
  const started = nowNs();
  const db = await createBenchDatabase();
  const redisPrefix = `mk_bench_${randomBytes(4).toString('hex')}`;
  // Connected once and kept: on a shared server a reconnection may find no free slot.
  const pool = new Pool({ connectionString: db.url, max: 4, idleTimeoutMillis: 0 });
  pool.on('error', () => undefined);
  let app: Awaited<ReturnType<typeof createApp>> | null = null;
  try {
    log(`database ${db.name}; baseline: ${fmt(N)} one-row INSERT transactions, ${WRITERS} writers`);
    await prewarm(pool, 4);
    const baseline = await insertBaseline(db.url);
    log(`baseline ${fmt(baseline.perSecond)} rows/s`);
    let floor: FloorResult | null = null;
    if (FLOOR) {
      log(`[floor] ${fmt(N)} bare renewals (read, charge, append) in a database of their own`);
      floor = await renewalFloor({
        count: N,
        leadMs: LEAD_MS,
        timeoutMs: TIMEOUT_MS,
        concurrency: CONCURRENCY,
        poolSize: POOL_SIZE,
        redisUrl: REDIS_URL,
      });
      log(
        `[floor] ${fmt(floor.renewed)} renewed, last ${fmt(Math.max(0, maxOf(floor.lateness)))} ms after the period end`,
      );
    }

    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      DATABASE_URL: db.url,
      PG_POOL_SIZE: String(POOL_SIZE),
      PROCESS_ROLES: 'api,projectors,workers',
      REDIS_PREFIX: redisPrefix,
      SWAGGER_ENABLED: 'false',
      TEST_CLOCK_ENABLED: 'false',
    });
    app = await createApp(config);
    await app.init();
    const reactors = app.get(ReactorRunner);
    const renewals = app.get<Queue>(getQueueToken(QUEUES.renewals), { strict: false });

    // Profile of the renewal window: gateway charges, subscription stream reads and appends.
    let profiling = false;
    const on = () => profiling;
    const gateway = app.get<PaymentGateway>(PAYMENT_GATEWAY, { strict: false });
    const store = app.get<EventStore>(EVENT_STORE, { strict: false });
    const isSubscription = (args: unknown[]) => String(args[0]).startsWith('subscription-');
    const charges = timeCalls(gateway, 'chargeSaved', on);
    const reads = timeCalls(store, 'readStream', on, isSubscription);
    const appends = timeCalls(store, 'appendToStream', on, isSubscription);

    const periodEnd = Date.now() + LEAD_MS;
    log(
      `seeding ${fmt(N)} subscriptions (half Pro, half credits) ending at ${new Date(periodEnd).toISOString()} (in ${LEAD_MS / 1000} s)`,
    );
    const seedStart = nowNs();
    const seed = await seedSubscriptions(pool, N, new Date(periodEnd));
    const seedSeconds = Number(nowNs() - seedStart) / 1e9;
    log(`seeded in ${fmt(seedSeconds, 1)} s; reactors scheduling the renewals`);
    // A month of sign-ups arrives at once here: their reactions (jobs, period-1 credit grants...)
    // must be done by the period end, or the renewals would share it with them.
    const settled = await Promise.race([
      reactors.settle().then(() => true),
      sleep(periodEnd - Date.now()).then(() => false),
    ]);
    const settledBefore = (periodEnd - Date.now()) / 1000;
    if (settled) log(`reactors settled ${fmt(settledBefore, 1)} s before the period end`);
    else
      log(
        `WARNING: reactors still busy with the seeding at the period end: raise BENCH_PLANS_LEAD_SECONDS`,
      );
    const renewJobsSql = `SELECT count(*)::int AS n FROM scheduled_jobs WHERE kind = 'subscription.renew' AND due_at = $1`;
    const scheduledAtEnd = await count(pool, renewJobsSql, [seed.periodEndsAt]);
    const scheduledAfter = (Date.now() - periodEnd) / 1000;
    if (!(scheduledAtEnd >= N))
      log(
        `WARNING: ${fmt(scheduledAtEnd)} of ${fmt(N)} renewal jobs scheduled ${scheduledAfter > 0 ? 'at' : 'before'} the period end: raise BENCH_PLANS_LEAD_SECONDS`,
      );
    else
      log(`${fmt(N)} renewal jobs scheduled, ${fmt(-scheduledAfter, 1)} s before the period end`);
    // The read models fed by the seeded events (period-1 invoices...) should be past them by the period end.
    const seededTypes = ['PlanDefined', 'SubscriptionStarted'];
    const { rows: heads } = await pool.query<{ type: string; n: string }>(
      `SELECT event_type AS type, max(global_position)::text AS n FROM es_events
        WHERE event_type = ANY($1::text[]) GROUP BY event_type`,
      [seededTypes],
    );
    const headOf = new Map(heads.map((h) => [h.type, BigInt(h.n)]));
    // Each read model fed by the seeded events should be past the last one it handles.
    const fed = allProjections()
      .map((p) => ({
        name: p.name,
        head: p.handles
          .filter((t) => seededTypes.includes(t))
          .reduce((max, t) => ((headOf.get(t) ?? 0n) > max ? (headOf.get(t) ?? 0n) : max), 0n),
      }))
      .filter((p) => p.head > 0n);
    const laggingSql = `SELECT c.name FROM projection_checkpoints c
      JOIN jsonb_to_recordset($1::jsonb) AS x(name text, head bigint) ON x.name = c.name WHERE c.prepare < x.head`;
    const fedJson = JSON.stringify(fed.map((p) => ({ name: p.name, head: p.head.toString() })));
    let lagging = fed.map((p) => p.name);
    while (lagging.length > 0 && Date.now() < periodEnd - 200) {
      await sleep(200);
      const { rows } = await pool.query<{ name: string }>(laggingSql, [fedJson]);
      lagging = rows.map((row) => row.name);
    }
    if (lagging.length > 0)
      log(
        `WARNING: at the period end, read models still behind the seeding: ${lagging.join(', ')}`,
      );
    else if (fed.length > 0)
      log(`read models ${fed.map((p) => p.name).join(', ')} past the seeding`);
    await sleep(periodEnd - Date.now());

    // Period 1 began a month ago, so its reminders (due a week before the end) were due at seeding:
    // they ran then; any still pending would share the period end with the renewals.
    const remindersPending = await count(
      pool,
      `SELECT count(*)::int AS n FROM scheduled_jobs WHERE kind = 'subscription.renewal-reminder' AND status = 'scheduled'`,
    );
    log(`period end: renewing (${fmt(remindersPending)} period-1 reminders still pending)`);
    // With the credit ledger in the application, a credits plan's renewal is done once its
    // period's credits are granted: wait for those too (period 1's grants show it is there).
    const grantsSql = `SELECT count(*)::int AS n FROM es_events WHERE event_type = 'CreditsGranted' AND data->>'period' = $1`;
    const creditsRenewals = seed.subscriptions.filter((x) => x.kind === 'credits').length;
    const withCredits = (await count(pool, grantsSql, ['1'])) > 0;
    const grantsExpected = withCredits ? creditsRenewals : 0;
    profiling = true;
    const cpuBefore = process.cpuUsage();
    const statementsBefore = statementsSent;
    const samples: Sample[] = [];
    let done = false;
    const deadline = periodEnd + TIMEOUT_MS;
    let lastLog = Date.now();
    while (!done && Date.now() < deadline) {
      await sleep(SAMPLE_MS);
      const [renewed, invoiced, failed, queue, granted] = await Promise.all([
        count(
          pool,
          `SELECT count(*)::int AS n FROM es_events WHERE event_type = 'SubscriptionRenewed'`,
        ),
        count(pool, INVOICED_SQL),
        count(
          pool,
          `SELECT count(*)::int AS n FROM es_events WHERE event_type = 'SubscriptionRenewalFailed'`,
        ),
        renewals.getJobCounts('waiting', 'delayed', 'active', 'completed', 'failed', 'prioritized'),
        grantsExpected > 0 ? count(pool, grantsSql, ['2']) : Promise.resolve(0),
      ]);
      if ([renewed, invoiced, failed, granted].some(Number.isNaN)) continue;
      samples.push({ at: Date.now(), renewed, invoiced, failed, granted, queue });
      done = renewed >= N && invoiced >= N && granted >= grantsExpected;
      if (Date.now() - lastLog > 5_000) {
        lastLog = Date.now();
        log(
          `+${fmt((Date.now() - periodEnd) / 1000, 1)} s: ${fmt(renewed)} renewed, ${fmt(invoiced)} invoiced, ${fmt(granted)} of ${fmt(grantsExpected)} credit grants, ${fmt(failed)} refused; queue ${JSON.stringify(queue)}`,
        );
      }
    }
    profiling = false;
    const windowSeconds = (Date.now() - periodEnd) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const statements = statementsSent - statementsBefore;
    const last = samples[samples.length - 1];
    if (!done)
      log(
        `TIMEOUT after ${TIMEOUT_MS / 1000} s: ${last?.renewed ?? 0} renewed, ${last?.invoiced ?? 0} invoiced`,
      );

    // Exact per-renewal figures from the log and the job ledger.
    const { rows: renewedRows } = await pool.query<{ late: number }>(
      `SELECT extract(epoch FROM recorded_at - $1::timestamptz) * 1000 AS late
         FROM es_events WHERE event_type = 'SubscriptionRenewed'`,
      [seed.periodEndsAt],
    );
    const renewalLate = renewedRows.map((r) => Number(r.late));
    const { rows: grantRows } = await pool.query<{ late: number }>(
      `SELECT extract(epoch FROM recorded_at - $1::timestamptz) * 1000 AS late
         FROM es_events WHERE event_type = 'CreditsGranted' AND data->>'period' = '2'`,
      [seed.periodEndsAt],
    );
    const grantLate = grantRows.map((row) => Number(row.late));
    const { rows: jobRows } = await pool.query<{ late: number }>(
      `SELECT extract(epoch FROM finished_at - due_at) * 1000 AS late FROM scheduled_jobs
        WHERE kind = 'subscription.renew' AND due_at = $1 AND finished_at IS NOT NULL`,
      [seed.periodEndsAt],
    );
    const jobLate = jobRows.map((r) => Number(r.late));
    // The k-th renewal invoice appeared by the first sample that counted k of them.
    const invoiceLate: number[] = [];
    let seen = 0;
    for (const s of samples) {
      for (; seen < Math.min(s.invoiced, N); seen++) invoiceLate.push(s.at - periodEnd);
    }
    const r = stats(renewalLate);
    const j = stats(jobLate);
    const inv = stats(invoiceLate);
    const g = stats(grantLate);
    const granted = grantLate.length;
    const renewed = renewalLate.length;
    const invoiced = Math.min(last?.invoiced ?? 0, N);
    const refused = last?.failed ?? 0;
    const renewingSeconds = renewed > 0 ? Math.max(r.max, 1) / 1000 : windowSeconds;
    const renewalsPerSecond = renewed / renewingSeconds;
    const firingSeconds = renewed > 1 ? Math.max(r.max - r.min, 1) / 1000 : NaN;
    const invoicedPerSecond =
      invoiced / (invoiced > 0 ? Math.max(inv.max, 1) / 1000 : windowSeconds);
    const ratio = renewalsPerSecond / baseline.perSecond;
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const c = stats(charges);
    const rd = stats(reads);
    const ap = stats(appends);
    const retried = await renewals.getJobs(['completed'], 0, -1).then(
      (jobs) => jobs.filter((job) => job.attemptsMade > 1).length,
      () => NaN,
    );
    const maxActive = Math.max(0, maxOf(samples.map((s) => s.queue.active ?? 0)));
    // What a user would notice: one charge per renewal, one invoice per charge, for its amount, numbered without gaps.
    const expectedTtc = seed.subscriptions.reduce((sum, x) => sum + x.priceTtcCents, 0);
    const integrity = await pool
      .query<{ charges: number; invoices: number; distinct_events: number; ttc: string }>(
        `SELECT (SELECT count(*)::int FROM simulated_gateway_operations WHERE operation = 'charge_saved') AS charges,
                count(*)::int AS invoices, count(DISTINCT i.source_event_id)::int AS distinct_events,
                coalesce(sum(i.total_ttc_cents), 0)::text AS ttc
           FROM invoices i JOIN es_events e ON e.event_id = i.source_event_id::uuid
          WHERE e.event_type = 'SubscriptionRenewed'`,
      )
      .then((res) => res.rows[0])
      .catch(() => null);
    // Everything the period end wrote to the log (renewals, credit grants...), by type.
    const written = await pool
      .query<{ type: string; n: number }>(
        `SELECT event_type AS type, count(*)::int AS n FROM es_events
          WHERE recorded_at >= $1::timestamptz GROUP BY event_type ORDER BY 2 DESC`,
        [new Date(periodEnd).toISOString()],
      )
      .then((res) => Object.fromEntries(res.rows.map((row) => [row.type, row.n])))
      .catch(() => ({}));
    log(`events written from the period end: ${JSON.stringify(written)}`);
    const gaps = await count(
      pool,
      `SELECT coalesce(sum(span - n), 0)::int AS n FROM (
         SELECT count(*) AS n, max(seq) - min(seq) + 1 AS span FROM invoices GROUP BY series, year) x`,
    );
    const consistent =
      integrity !== null &&
      integrity.charges === renewed &&
      integrity.invoices === renewed &&
      integrity.distinct_events === renewed &&
      (renewed < N || Number(integrity.ttc) === expectedTtc) &&
      gaps === 0;
    if (!consistent)
      log(
        `WARNING: charges ${integrity?.charges}, renewal invoices ${integrity?.invoices} (distinct ${integrity?.distinct_events}), TTC ${integrity?.ttc} (expected ${expectedTtc}), numbering gaps ${gaps}, for ${renewed} renewals`,
      );
    const ms = (v: number) => (Number.isFinite(v) ? fmt(v) : '—');
    const f = stats(floor?.lateness ?? []);
    const floorPerSecond =
      floor && floor.renewed > 0 ? floor.renewed / (Math.max(f.max, 1) / 1000) : NaN;
    const floorRows: string[][] = floor
      ? [
          [
            'floor: bare renewal (read, charge, append)',
            fmt(floorPerSecond, 1),
            'renewals/s',
            `ratio to baseline ${(floorPerSecond / baseline.perSecond).toFixed(3)}; lateness p99 ${ms(f.p99)} / max ${ms(f.max)} ms; no renewal can beat it`,
          ],
        ]
      : [];

    console.log(
      `\n${table([
        ['measure', 'value', 'unit', 'note'],
        [
          'baseline INSERT, 16 writers',
          fmt(baseline.perSecond),
          'rows/s',
          `${fmt(N)} one-row transactions in ${fmt(baseline.seconds, 2)} s`,
        ],
        [
          'renewals',
          fmt(renewalsPerSecond, 1),
          'renewals/s',
          `${fmt(renewed)} of ${fmt(N)} from the period end to the last; ratio to baseline ${ratio.toFixed(3)}`,
        ],
        [
          '  while firing',
          Number.isFinite(firingSeconds) ? fmt(renewed / firingSeconds, 1) : '—',
          'renewals/s',
          'first renewal to last',
        ],
        [
          'renewal lateness p50 / p99 / max',
          `${ms(r.p50)} / ${ms(r.p99)} / ${ms(r.max)}`,
          'ms',
          'SubscriptionRenewed recorded − period end (charge included)',
        ],
        [
          'job lateness p50 / p99 / max',
          `${ms(j.p50)} / ${ms(j.p99)} / ${ms(j.max)}`,
          'ms',
          'job ledger finished − due',
        ],
        [
          'invoiced lateness p50 / p99 / max',
          `${ms(inv.p50)} / ${ms(inv.p99)} / ${ms(inv.max)}`,
          'ms',
          `${fmt(invoiced)} renewal invoices; ${SAMPLE_MS} ms resolution`,
        ],
        ['invoices', fmt(invoicedPerSecond, 1), 'invoices/s', 'from the period end to the last'],
        [
          'refused renewals / retried jobs',
          `${fmt(refused)} / ${Number.isFinite(retried) ? fmt(retried) : '—'}`,
          'jobs',
          'expected 0 / 0 (every card is pm_card_visa)',
        ],
        [
          'gateway chargeSaved p50 / p99',
          `${fmt(c.p50, 1)} / ${fmt(c.p99, 1)}`,
          'ms',
          `${fmt(charges.length)} calls`,
        ],
        [
          'subscription stream read p50 / p99',
          `${fmt(rd.p50, 1)} / ${fmt(rd.p99, 1)}`,
          'ms',
          `${fmt(reads.length)} reads`,
        ],
        [
          'subscription append p50 / p99',
          `${fmt(ap.p50, 1)} / ${fmt(ap.p99, 1)}`,
          'ms',
          `${fmt(appends.length)} appends`,
        ],
        [
          'application CPU',
          fmt(cpuSeconds / windowSeconds, 2),
          'cores',
          `${fmt((cpu.user + cpu.system) / Math.max(1, renewed))} µs per renewal (this process)`,
        ],
        [
          'Postgres statements',
          fmt(statements / Math.max(1, renewed), 1),
          'per renewal',
          'this process, projections and reactors included',
        ],
        [
          'renewal jobs active at once (max seen)',
          fmt(maxActive),
          'jobs',
          `worker concurrency ${CONCURRENCY}`,
        ],
        ...floorRows,
        [
          'charges / renewal invoices',
          `${fmt(integrity?.charges ?? 0)} / ${fmt(integrity?.invoices ?? 0)}`,
          'count',
          `${consistent ? 'one charge and one invoice per renewal' : 'NOT one per renewal'}; invoiced ${fmt(Number(integrity?.ttc ?? 0) / 100, 2)} € TTC; ${fmt(gaps)} gaps in numbering`,
        ],
        [
          'seeding',
          fmt(seedSeconds, 1),
          's',
          `${fmt(scheduledAtEnd)} renew jobs scheduled by the period end`,
        ],
      ])}\n`,
    );
    console.log(`total ${(Number(nowNs() - started) / 1e9).toFixed(0)} s`);

    const lowerBound = (xs: number[], complete: boolean) =>
      complete ? round(maxOf(xs)) : round(Math.max(windowSeconds * 1000, maxOf(xs)));
    const figures = {
      subscriptions: N,
      complete: done,
      renewed,
      invoiced,
      refused,
      retriedJobs: Number.isFinite(retried) ? retried : null,
      baselineInsert16RowsPerSec: round(baseline.perSecond),
      renewalsPerSec: round(renewalsPerSecond, 1),
      renewalsPerSecWhileFiring: round(renewed / firingSeconds, 1),
      ratioToBaseline: round(ratio, 3),
      invoicesPerSec: round(invoicedPerSecond, 1),
      renewalLatenessP50Ms: round(r.p50),
      renewalLatenessP99Ms: round(r.p99),
      renewalLatenessMaxMs: round(r.max),
      jobLatenessP50Ms: round(j.p50),
      jobLatenessP99Ms: round(j.p99),
      jobLatenessMaxMs: round(j.max),
      invoicedLatenessP50Ms: round(inv.p50),
      invoicedLatenessP99Ms: round(inv.p99),
      invoicedLatenessMaxMs: round(inv.max),
      creditGrantsExpected: grantsExpected,
      creditGrants: granted,
      creditGrantLatenessP50Ms: round(g.p50),
      creditGrantLatenessP99Ms: round(g.p99),
      creditGrantLatenessMaxMs: round(g.max),
      chargeP50Ms: round(c.p50, 2),
      chargeP99Ms: round(c.p99, 2),
      streamReadP50Ms: round(rd.p50, 2),
      streamReadP99Ms: round(rd.p99, 2),
      appendP50Ms: round(ap.p50, 2),
      appendP99Ms: round(ap.p99, 2),
      cpuCores: round(cpuSeconds / windowSeconds, 2),
      cpuUsPerRenewal: round((cpu.user + cpu.system) / Math.max(1, renewed)),
      statementsPerRenewal: round(statements / Math.max(1, renewed), 1),
      maxActiveJobs: maxActive,
      floorRenewalsPerSec: round(floorPerSecond, 1),
      floorRatioToBaseline: round(floorPerSecond / baseline.perSecond, 3),
      floorLatenessP99Ms: round(f.p99),
      floorLatenessMaxMs: round(f.max),
      floorComplete: floor ? floor.complete : null,
      renewalsOverFloor: round(renewalsPerSecond / floorPerSecond, 3),
      concurrency: CONCURRENCY,
      leadSeconds: LEAD_MS / 1000,
      renewJobsScheduledByPeriodEnd: scheduledAtEnd,
      remindersPendingAtPeriodEnd: remindersPending,
      reactorsSettledBeforePeriodEnd: settled,
      eventsWrittenFromPeriodEnd: written,
      charges: integrity?.charges ?? null,
      renewalInvoicesDistinct: integrity?.distinct_events ?? null,
      renewalInvoicedTtcCents: integrity ? Number(integrity.ttc) : null,
      expectedTtcCents: expectedTtc,
      invoiceNumberingGaps: gaps,
      oneChargeOneInvoicePerRenewal: consistent,
    };
    const targets = [
      {
        name: 'renewal_lateness_max_ms',
        value: lowerBound(renewalLate, renewed >= N),
        op: '<=',
        target: TARGET_MS,
      },
      {
        name: 'renewal_invoiced_lateness_max_ms',
        value: lowerBound(invoiceLate, invoiced >= N),
        op: '<=',
        target: TARGET_MS,
      },
      { name: 'renewals_missing', value: N - renewed, op: '<=', target: 0 },
      { name: 'renewal_invoices_missing', value: N - invoiced, op: '<=', target: 0 },
      // A credits plan's renewal also grants the period's credits (only when the ledger is built in).
      ...(grantsExpected > 0
        ? [
            {
              name: 'renewal_credits_granted_lateness_max_ms',
              value: lowerBound(grantLate, granted >= grantsExpected),
              op: '<=',
              target: TARGET_MS,
            },
            {
              name: 'renewal_credit_grants_missing',
              value: grantsExpected - granted,
              op: '<=',
              target: 0,
            },
          ]
        : []),
    ];
    await app.close();
    app = null;
    console.log(`BENCH ${JSON.stringify({ figures, targets })}`);
  } finally {
    if (app) await app.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
    await db.drop();
    await dropRedisPrefix(REDIS_URL, redisPrefix).catch(() => 0);
  }
}

main().then(
  // Lingering sockets (Redis, LISTEN clients) must not keep the run going once the figures are out.
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
