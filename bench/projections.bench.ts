/**
 * Projections benchmark (issue 6): rebuild throughput of every read model over a big log of
 * realistic marketplace events, then steady-state lag while events arrive at a fixed rate.
 * Env: DATABASE_URL (server), BENCH_EVENTS (log size, default 1,000,000), BENCH_LAG_RATE
 * (events/s, default 1,000), BENCH_LAG_SECONDS (default 20), BENCH_SEED.
 * Prints figures and targets, asserts nothing; ends with one `BENCH {...}` line.
 */
import { Pool } from 'pg';
import { PostgresEventStore } from '../src/infrastructure/event-store/postgres/postgres-event-store';
import { allProjections } from '../src/projections/all-projections';
import { ProjectionRunner } from '../src/projections/runner/projection-runner';
import { bulkPostgresReader } from '../src/projections/runner/bulk-log-reader';
import { progressPrinter } from '../src/projections/runner/progress-bar';
import { rebuildProjections } from '../src/projections/runner/rebuild';
import { createBenchDatabase } from './support/database';
import { fmt, log, nowNs, percentile, prewarm, table } from './support/measure';
import { measureLag } from './support/projections-lag';
import { BenchMarket, insertChunk } from './support/projections-log';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const LAG_RATE = Number(process.env.BENCH_LAG_RATE ?? 1_000);
const LAG_SECONDS = Number(process.env.BENCH_LAG_SECONDS ?? 20);
const SEED = Number(process.env.BENCH_SEED ?? 6);
const BATCH = Number(process.env.BENCH_BATCH ?? 25_000);
const CHUNK = 10_000;
const POOL_MAX = 16;

async function fill(
  pool: Pool,
  market: BenchMarket,
): Promise<{ seconds: number; counts: Record<string, number> }> {
  const start = nowNs();
  const revisions = new Map<string, number>();
  const counts: Record<string, number> = {};
  let written = 0;
  while (written < EVENTS) {
    market.produce(Math.min(CHUNK, EVENTS - written));
    const chunk = market.sim.log.splice(0, Math.min(market.sim.log.length, EVENTS - written));
    for (const l of chunk) counts[l.event.type] = (counts[l.event.type] ?? 0) + 1;
    await insertChunk(pool, chunk, revisions);
    written += chunk.length;
    if (written % 100_000 < CHUNK) log(`log: ${fmt(written)} / ${fmt(EVENTS)} events`);
  }
  // What is left belongs to actions cut at the boundary; the lag phase starts from a clean state.
  market.sim.log.length = 0;
  return { seconds: Number(nowNs() - start) / 1e9, counts };
}

async function main(): Promise<void> {
  const started = nowNs();
  const db = await createBenchDatabase();
  const pool = new Pool({ connectionString: db.url, max: POOL_MAX });
  const store = new PostgresEventStore(pool, { connectionString: db.url });
  const writerPool = new Pool({ connectionString: db.url, max: 8 });
  const writer = new PostgresEventStore(writerPool, { connectionString: db.url });
  // Dropping the database ends idle connections; that is expected, not an error to print.
  pool.on('error', () => undefined);
  writerPool.on('error', () => undefined);
  let runner: ProjectionRunner | null = null;
  try {
    await prewarm(pool, POOL_MAX);
    await prewarm(writerPool, 8);
    const projections = allProjections();
    const market = new BenchMarket(SEED);
    log(`generating and writing ${fmt(EVENTS)} marketplace events (deciders, seed ${SEED})`);
    const filled = await fill(pool, market);
    await pool.query('VACUUM ANALYZE es_events');
    await pool.query('CHECKPOINT');
    const logSize = Number((await pool.query('SELECT count(*) AS n FROM es_events')).rows[0].n);
    log(
      `log holds ${fmt(logSize)} events (written in ${filled.seconds.toFixed(1)} s); rebuilding all ${projections.length} read models`,
    );

    const rebuildStart = nowNs();
    const results = await rebuildProjections(store, pool, projections, {
      batchSize: BATCH,
      reader: bulkPostgresReader(pool, store),
      onProgress: progressPrinter(),
    });
    const rebuildSeconds = Number(nowNs() - rebuildStart) / 1e9;
    const rebuildRate = logSize / rebuildSeconds;
    const applied = Object.fromEntries(results.map((r) => [r.name, r.eventsApplied]));

    log(
      `steady state: ${fmt(LAG_RATE)} events/s for ${LAG_SECONDS} s through a separate writer (LISTEN/NOTIFY wake-ups)`,
    );
    let lag: Awaited<ReturnType<typeof measureLag>> | null = null;
    runner = new ProjectionRunner(store, pool, projections, {
      afterCommit: (name, events) => lag?.onApplied(name, events),
    });
    lag = await measureLag(writer, market, projections, {
      rate: LAG_RATE,
      seconds: LAG_SECONDS,
      warmupSeconds: Math.min(3, LAG_SECONDS / 4),
      writers: 8,
    });
    runner.start();
    await runner.caughtUp();
    const lagResult = await lag.run();
    const lost = lagResult.allModels.filter((v) => !Number.isFinite(v)).length;
    const samples = lagResult.allModels.filter(Number.isFinite);
    const p50 = percentile(samples, 50);
    const p99 = percentile(samples, 99);
    const max = samples.length ? Math.max(...samples) : NaN;

    const rows: string[][] = [
      ['figure', 'value', 'unit', 'note'],
      [
        'log size',
        fmt(logSize),
        'events',
        `written in ${filled.seconds.toFixed(1)} s, ${Object.keys(filled.counts).length} event types`,
      ],
      [
        'rebuild all read models',
        fmt(rebuildRate),
        'events/s',
        `${rebuildSeconds.toFixed(1)} s for ${projections.length} projections (target >= 20,000)`,
      ],
      ...results.map((r) => [
        `  ${r.name}`,
        fmt(r.eventsApplied),
        'events',
        `applied into ${r.schema}`,
      ]),
      [
        'steady-state rate',
        fmt(lagResult.ratePerSecond),
        'events/s',
        `${fmt(lagResult.events)} events in ${lagResult.seconds.toFixed(1)} s`,
      ],
      [
        'lag p50, all read models',
        fmt(p50, 1),
        'ms',
        `append acknowledged -> last projection committed, n=${samples.length}`,
      ],
      [
        'lag p99, all read models',
        fmt(p99, 1),
        'ms',
        `max ${fmt(max, 1)} ms, not applied within 30 s: ${lost} (target p99 <= 100)`,
      ],
      ...Object.entries(lagResult.perProjection).map(([name, s]) => [
        `  ${name} p50 / p99`,
        `${fmt(percentile(s, 50), 1)} / ${fmt(percentile(s, 99), 1)}`,
        'ms',
        `n=${s.length}`,
      ]),
    ];
    console.log(table(rows));
    console.log(`total ${(Number(nowNs() - started) / 1e9).toFixed(0)} s`);
    const round = (n: number, d = 0) => Number(n.toFixed(d));
    const figures = {
      logEvents: logSize,
      fillSeconds: round(filled.seconds, 1),
      rebuildSeconds: round(rebuildSeconds, 2),
      rebuildEventsPerSec: round(rebuildRate),
      rebuildApplied: applied,
      lagRatePerSec: round(lagResult.ratePerSecond),
      lagSamples: samples.length,
      lagNotApplied: lost,
      lagP50Ms: round(p50, 2),
      lagP99Ms: round(p99, 2),
      lagMaxMs: round(max, 2),
      lagP99PerProjectionMs: Object.fromEntries(
        Object.entries(lagResult.perProjection).map(([n, s]) => [n, round(percentile(s, 99), 2)]),
      ),
    };
    const targets = [
      { name: 'rebuild events/s', value: round(rebuildRate), op: '>=', target: 20_000 },
      { name: 'lag p99 ms', value: round(p99, 2), op: '<=', target: 100 },
    ];
    await runner.stop();
    runner = null;
    console.log(`BENCH ${JSON.stringify({ figures, targets })}`);
  } finally {
    await runner?.stop().catch(() => undefined);
    await store.close().catch(() => undefined);
    await writer.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
    await writerPool.end().catch(() => undefined);
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
