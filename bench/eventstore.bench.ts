/**
 * Event-store benchmark (issue 2, item 6): Postgres adapter against a plain-INSERT
 * baseline measured in the same run on the same throwaway database.
 * Env: DATABASE_URL (server), BENCH_EVENTS (size of the big log, default 1,000,000),
 * BENCH_SECONDS (duration of each throughput phase, default 5).
 */
import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { EventToAppend, START_POSITION } from '../src/application/shared/event-store.port';
import { PostgresEventStore } from '../src/infrastructure/event-store/postgres/postgres-event-store';
import { createBenchDatabase } from './support/database';
import { fmt, log, nowNs, percentile, prewarm, runFor, sampleLatencies, table } from './support/measure';

const BIG_LOG = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const PHASE_MS = Number(process.env.BENCH_SECONDS ?? 5) * 1000;
const LATENCY_MS = Math.min(PHASE_MS, 3000);
const WRITERS = 16;
const POOL_MAX = 20;
const BATCH = 100;
const READ_BATCH = 2000;
const FILL_CHUNK = 20_000;
const FILL_STREAM_LEN = 10;

/** A realistic small event (~250 bytes of data, ~200 of metadata), the same shape everywhere. */
function eventData(seq: number) {
  return {
    orderId: '0b6f2d0e-4c8f-4f62-9d1e-5b1f3c7a9e01',
    buyerId: '7d1c9a52-3e2b-4a8f-bb61-2f0d6e9c4a17',
    providerId: 'c3e8f1a4-6b2d-4e9f-8a7c-1d5b9e0f2a63',
    serviceId: 'svc-plumbing-standard',
    amountCents: 12_990 + (seq % 100),
    commissionCents: 1_559,
    currency: 'EUR',
    scheduledFor: '2026-12-01T09:30:00.000Z',
    seq,
  };
}
const DATA_JSON = JSON.stringify(eventData(0));
const METADATA_JSON = JSON.stringify({
  correlationId: 'a1b2c3d4-0000-4000-8000-000000000001',
  causationId: 'a1b2c3d4-0000-4000-8000-000000000002',
  actorId: '7d1c9a52-3e2b-4a8f-bb61-2f0d6e9c4a17',
  actorRole: 'buyer',
  occurredAt: '2026-11-23T10:00:00.000Z',
});

function makeEvent(seq: number): EventToAppend {
  const id = randomUUID();
  return {
    id,
    type: 'BenchOrderPlaced',
    data: eventData(seq),
    metadata: { ...(JSON.parse(METADATA_JSON) as Record<string, unknown>), eventId: id },
  };
}

interface LatencyResult {
  all: number;
  newStream: number;
  existingStream: number;
  samples: number;
}

/** Sequential single appends alternating a new stream and a random existing one. */
async function appendLatency(store: PostgresEventStore, tag: string, known: { name: string; revision: bigint }[]): Promise<LatencyResult> {
  const newLat: number[] = [];
  const oldLat: number[] = [];
  const once = async (i: number, record: boolean) => {
    const t = nowNs();
    if (i % 2 === 0 || known.length === 0) {
      const name = `lat${tag}-${i}`;
      await store.appendToStream(name, [makeEvent(i)], { expectedRevision: 'no_stream' });
      if (record) newLat.push(Number(nowNs() - t) / 1e6);
      known.push({ name, revision: 0n });
    } else {
      const s = known[Math.floor(Math.random() * known.length)];
      await store.appendToStream(s.name, [makeEvent(i)], { expectedRevision: s.revision });
      if (record) oldLat.push(Number(nowNs() - t) / 1e6);
      s.revision++;
    }
  };
  for (let i = 0; i < 200; i++) await once(i, false);
  const all = await sampleLatencies(LATENCY_MS, (i) => once(i + 200, true));
  return { all: percentile(all, 50), newStream: percentile(newLat, 50), existingStream: percentile(oldLat, 50), samples: all.length };
}

async function baseline(url: string): Promise<{ one: number; sixteen: number }> {
  const clients = Array.from({ length: WRITERS }, () => new Client({ connectionString: url }));
  await Promise.all(clients.map((c) => c.connect()));
  try {
    await clients[0].query(`CREATE TABLE bench_baseline (
      id bigserial PRIMARY KEY, stream text NOT NULL, version int NOT NULL, data jsonb NOT NULL, UNIQUE (stream, version))`);
    const versions = new Array<number>(WRITERS).fill(0);
    const insert = async (w: number, stream: string) => {
      await clients[w].query('INSERT INTO bench_baseline (stream, version, data) VALUES ($1, $2, $3)', [stream, versions[w]++, DATA_JSON]);
      return 1;
    };
    await Promise.all(clients.map(async (_, w) => { for (let i = 0; i < 20; i++) await insert(w, `warm-${w}`); }));
    versions.fill(0);
    const one = await runFor(PHASE_MS, 1, (w) => insert(w, `one-${w}`));
    versions.fill(0);
    const sixteen = await runFor(PHASE_MS, WRITERS, (w) => insert(w, `sixteen-${w}`));
    return { one: one.perSecond, sixteen: sixteen.perSecond };
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

async function conditionalAppends(store: PostgresEventStore, writers: number, tag: string, batch: number): Promise<{ eventsPerSecond: number; appendsPerSecond: number }> {
  const revisions = new Array<bigint>(writers).fill(0n);
  let seq = 0;
  const events = () => Array.from({ length: batch }, () => makeEvent(seq++));
  // Creating each writer's stream doubles as warm-up; timing starts at an exact revision.
  await Promise.all(revisions.map(async (_, w) => {
    const r = await store.appendToStream(`${tag}-${w}`, events(), { expectedRevision: 'no_stream' });
    revisions[w] = r.nextExpectedRevision;
  }));
  const result = await runFor(PHASE_MS, writers, async (w) => {
    const r = await store.appendToStream(`${tag}-${w}`, events(), { expectedRevision: revisions[w] });
    revisions[w] = r.nextExpectedRevision;
    return batch;
  });
  return { eventsPerSecond: result.perSecond, appendsPerSecond: result.opsPerSecond };
}

/** Grows the log to BIG_LOG with set-based INSERTs in 10-event streams, one transaction per chunk. */
async function fillLog(pool: Pool): Promise<{ added: number; seconds: number; fillStreams: number }> {
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM es_events');
  const missing = Math.max(0, BIG_LOG - Number(rows[0].n));
  const streams = Math.ceil(missing / FILL_STREAM_LEN);
  const total = streams * FILL_STREAM_LEN;
  const start = nowNs();
  const chunks: [number, number][] = [];
  for (let from = 0; from < total; from += FILL_CHUNK) chunks.push([from, Math.min(total, from + FILL_CHUNK) - 1]);
  const worker = async () => {
    for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
      const [from, to] = chunk;
      await pool.query(
        `WITH s AS (SELECT g, gen_random_uuid() AS u FROM generate_series($1::bigint, $2::bigint) g),
              e AS (INSERT INTO es_events (stream_name, category, stream_revision, event_id, event_type, schema_version, data, metadata)
                    SELECT 'fill-' || (g / ${FILL_STREAM_LEN}), 'fill', g % ${FILL_STREAM_LEN}, u, 'BenchOrderPlaced', 1,
                           $3::jsonb || jsonb_build_object('seq', g), $4::jsonb || jsonb_build_object('eventId', u)
                      FROM s ORDER BY g)
         INSERT INTO es_streams (stream_name, revision)
         SELECT 'fill-' || k, ${FILL_STREAM_LEN - 1} FROM generate_series($1::bigint / ${FILL_STREAM_LEN}, $2::bigint / ${FILL_STREAM_LEN}) k`,
        [from, to, DATA_JSON, METADATA_JSON],
      );
    }
  };
  await Promise.all([worker(), worker()]);
  return { added: total, seconds: Number(nowNs() - start) / 1e9, fillStreams: streams };
}

async function catchUp(store: PostgresEventStore): Promise<{ events: number; perSecond: number }> {
  let events = 0;
  const start = nowNs();
  const sub = store.subscribeToAll({ handle: async (batch) => { events += batch.length; } }, { batchSize: READ_BATCH });
  await sub.caughtUp();
  const seconds = Number(nowNs() - start) / 1e9;
  await sub.stop();
  return { events, perSecond: events / seconds };
}

async function pageAll(store: PostgresEventStore): Promise<{ events: number; perSecond: number }> {
  let events = 0;
  let after = START_POSITION;
  const start = nowNs();
  for (;;) {
    const page = await store.readAll({ after, maxCount: READ_BATCH });
    if (page.length === 0) break;
    events += page.length;
    after = page[page.length - 1].position;
  }
  return { events, perSecond: events / (Number(nowNs() - start) / 1e9) };
}

async function main(): Promise<void> {
  const started = nowNs();
  const db = await createBenchDatabase();
  log(`database ${db.name}; big log ${fmt(BIG_LOG)} events; ${PHASE_MS / 1000} s per phase`);
  const pool = new Pool({ connectionString: db.url, max: POOL_MAX, idleTimeoutMillis: 0 });
  // DROP ... WITH (FORCE) may reach sockets that pool.end() is still closing.
  pool.on('error', () => undefined);
  const store = new PostgresEventStore(pool, { connectionString: db.url });
  try {
    await prewarm(pool, POOL_MAX);
    log('append p50 on an empty log');
    const latEmpty = await appendLatency(store, 'e', []);
    log('baseline INSERT, 1 and 16 writers');
    const base = await baseline(db.url);
    await prewarm(pool, POOL_MAX);
    log('conditional appends, 1 writer');
    const app1 = await conditionalAppends(store, 1, 'one', 1);
    log('conditional appends, 16 writers');
    const app16 = await conditionalAppends(store, WRITERS, 'sixteen', 1);
    log('100-event batches, 16 writers');
    const batches = await conditionalAppends(store, WRITERS, 'batch', BATCH);
    log(`filling the log to ${fmt(BIG_LOG)} events`);
    const fill = await fillLog(pool);
    // Autovacuum is off on this server; without it the first scan pays for hint bits.
    await pool.query('VACUUM (ANALYZE) es_events, es_streams');
    await pool.query('CHECKPOINT').catch(() => undefined);
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM es_events');
    const logSize = Number(rows[0].n);
    log(`log holds ${fmt(logSize)} events (fill ${fmt(fill.added)} in ${fill.seconds.toFixed(1)} s); catch-up subscription`);
    await prewarm(pool, POOL_MAX);
    const sub = await catchUp(store);
    const dbg = await pool.query(`SELECT datname, pid, state, backend_xid::text, backend_xmin::text, left(query, 80) q, now() - xact_start age FROM pg_stat_activity WHERE backend_xid IS NOT NULL OR backend_xmin IS NOT NULL`);
    console.error('DEBUG', sub.events, logSize, JSON.stringify(dbg.rows), JSON.stringify((await pool.query('SELECT pg_current_snapshot()::text s, (SELECT max(transaction_id)::text FROM es_events) m')).rows));
    log('readAll paging');
    const paged = await pageAll(store);
    log(`append p50 on a log of ${fmt(logSize)} events`);
    const known = Array.from({ length: fill.fillStreams }, (_, k) => ({ name: `fill-${k}`, revision: BigInt(FILL_STREAM_LEN - 1) }));
    const latFull = await appendLatency(store, 'f', known);

    const r16 = app16.eventsPerSecond / base.sixteen;
    const r1 = app1.eventsPerSecond / base.one;
    const rLat = latFull.all / latEmpty.all;
    const rows2 = [
      ['measure', 'value', 'unit', 'note'],
      ['baseline INSERT, 1 writer', fmt(base.one), 'tx/s', 'bare table, pg.Client per writer'],
      ['baseline INSERT, 16 writers', fmt(base.sixteen), 'tx/s', 'connections opened before timing'],
      ['conditional append, 1 writer', fmt(app1.eventsPerSecond), 'appends/s', `ratio to baseline ${r1.toFixed(2)}`],
      ['conditional append, 16 writers', fmt(app16.eventsPerSecond), 'appends/s', `ratio to baseline ${r16.toFixed(2)} (target >= 0.6)`],
      ['100-event batches, 16 writers', fmt(batches.eventsPerSecond), 'events/s', `${fmt(batches.appendsPerSecond)} batches/s (target >= 50,000 ev/s)`],
      ['catch-up subscribeToAll', fmt(sub.perSecond), 'events/s', `${fmt(sub.events)} events, batch ${READ_BATCH} (target >= 100,000)`],
      ['readAll paging', fmt(paged.perSecond), 'events/s', `${fmt(paged.events)} events, page ${READ_BATCH}`],
      ['append p50, empty log', fmt(latEmpty.all, 3), 'ms', `new ${fmt(latEmpty.newStream, 3)} / existing ${fmt(latEmpty.existingStream, 3)}, n=${latEmpty.samples}`],
      [`append p50, ${fmt(logSize)} events`, fmt(latFull.all, 3), 'ms', `new ${fmt(latFull.newStream, 3)} / existing ${fmt(latFull.existingStream, 3)}, n=${latFull.samples}`],
      ['p50 ratio full / empty', fmt(rLat, 2), 'x', 'target <= 1.5'],
    ];
    console.log(table(rows2));
    console.log(`total ${(Number(nowNs() - started) / 1e9).toFixed(0)} s; log filled with ${fmt(fill.added)} set-based events in ${fill.seconds.toFixed(1)} s, then VACUUM ANALYZE + CHECKPOINT`);
    const round = (n: number, d = 0) => Number(n.toFixed(d));
    const figures = {
      baselineInsert1TxPerSec: round(base.one),
      baselineInsert16TxPerSec: round(base.sixteen),
      append1PerSec: round(app1.eventsPerSecond),
      append16PerSec: round(app16.eventsPerSecond),
      batch100EventsPerSec: round(batches.eventsPerSecond),
      catchUpEventsPerSec: round(sub.perSecond),
      catchUpEvents: sub.events,
      readAllEventsPerSec: round(paged.perSecond),
      p50EmptyMs: round(latEmpty.all, 3),
      p50FullMs: round(latFull.all, 3),
      p50EmptyNewStreamMs: round(latEmpty.newStream, 3),
      p50EmptyExistingStreamMs: round(latEmpty.existingStream, 3),
      p50FullNewStreamMs: round(latFull.newStream, 3),
      p50FullExistingStreamMs: round(latFull.existingStream, 3),
      logEvents: logSize,
      ratioAppend1ToBaseline: round(r1, 3),
      ratioAppend16ToBaseline: round(r16, 3),
      ratioP50FullToEmpty: round(rLat, 3),
    };
    const targets = [
      { name: 'append16/baseline16', value: round(r16, 3), op: '>=', target: 0.6 },
      { name: 'batch100 events/s', value: round(batches.eventsPerSecond), op: '>=', target: 50_000 },
      { name: 'catch-up events/s', value: round(sub.perSecond), op: '>=', target: 100_000 },
      { name: 'p50 full/empty', value: round(rLat, 3), op: '<=', target: 1.5 },
    ];
    await store.close();
    await pool.end();
    await db.drop();
    console.log(`BENCH ${JSON.stringify({ figures, targets })}`);
  } finally {
    await store.close().catch(() => undefined);
    if (!(pool as unknown as { ended: boolean }).ended) await pool.end().catch(() => undefined);
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
