/**
 * Event-store benchmark (issue 2, item 6): Postgres adapter against a plain-INSERT
 * baseline measured in the same run on the same throwaway database.
 * Env: DATABASE_URL (server), BENCH_EVENTS (size of the big log, default 1,000,000),
 * BENCH_SECONDS (duration of each throughput phase, default 5), BENCH_READ_CAP_SECONDS
 * (cap on each $all read phase, default 40). The last stdout line is `BENCH {json}`.
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { Client, Pool } from 'pg';
import { EventToAppend, START_POSITION } from '../src/application/shared/event-store.port';
import { PostgresEventStore } from '../src/infrastructure/event-store/postgres/postgres-event-store';
import { createBenchDatabase } from './support/database';
import { fmt, log, nowNs, percentile, prewarm, runFor, table } from './support/measure';

const BIG_LOG = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const PHASE_MS = Number(process.env.BENCH_SECONDS ?? 5) * 1000;
const LATENCY_MS = Math.min(PHASE_MS, 3000);
const WRITERS = 16;
const POOL_MAX = 20;
const BATCH = 100;
const READ_BATCH = 2000;
const FILL_CHUNK = 20_000;
const FILL_STREAM_LEN = 10;
/** Stops a read phase that would blow the time budget; its rate is then over what was read. */
const READ_CAP_MS = Number(process.env.BENCH_READ_CAP_SECONDS ?? 40) * 1000;

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
  /** A bare INSERT timed alongside, so host load drift between the two phases shows. */
  bareInsert: number;
  samples: number;
}

/**
 * Sequential single appends alternating a new stream and a random existing one, each
 * followed by one bare INSERT on another connection as a drift reference.
 */
async function appendLatency(
  store: PostgresEventStore,
  pool: Pool,
  tag: string,
  known: { name: string; revision: bigint }[],
): Promise<LatencyResult> {
  const lat = {
    all: [] as number[],
    new: [] as number[],
    old: [] as number[],
    bare: [] as number[],
  };
  const timed = async (fn: () => Promise<unknown>) => {
    const t = nowNs();
    await fn();
    return Number(nowNs() - t) / 1e6;
  };
  const once = async (i: number, record: boolean) => {
    let ms: number;
    if (i % 2 === 0 || known.length === 0) {
      const name = `lat${tag}-${i}`;
      ms = await timed(() =>
        store.appendToStream(name, [makeEvent(i)], { expectedRevision: 'no_stream' }),
      );
      if (record) lat.new.push(ms);
      known.push({ name, revision: 0n });
    } else {
      const s = known[Math.floor(Math.random() * known.length)];
      ms = await timed(() =>
        store.appendToStream(s.name, [makeEvent(i)], { expectedRevision: s.revision }),
      );
      if (record) lat.old.push(ms);
      s.revision++;
    }
    const bare = await timed(() =>
      pool.query('INSERT INTO bench_baseline (stream, version, data) VALUES ($1, $2, $3)', [
        `lat${tag}`,
        i,
        DATA_JSON,
      ]),
    );
    if (record) {
      lat.all.push(ms);
      lat.bare.push(bare);
    }
  };
  let i = 0;
  for (; i < 200; i++) await once(i, false);
  const deadline = nowNs() + BigInt(LATENCY_MS) * 1_000_000n;
  for (; nowNs() < deadline; i++) await once(i, true);
  return {
    all: percentile(lat.all, 50),
    newStream: percentile(lat.new, 50),
    existingStream: percentile(lat.old, 50),
    bareInsert: percentile(lat.bare, 50),
    samples: lat.all.length,
  };
}

/** Plain single-row INSERT transactions into a bare table, one pre-connected pg.Client per writer. */
class Baseline {
  private clients: Client[] = [];
  private readonly versions = new Array<number>(WRITERS).fill(0);
  private run = 0;

  constructor(private readonly url: string) {}

  async open(): Promise<void> {
    this.clients = Array.from(
      { length: WRITERS },
      () => new Client({ connectionString: this.url }),
    );
    for (const c of this.clients) c.on('error', () => undefined);
    await Promise.all(this.clients.map((c) => c.connect()));
    await this.measure(WRITERS, 300);
  }

  async measure(writers: number, durationMs: number): Promise<number> {
    const run = this.run++;
    this.versions.fill(0);
    const result = await runFor(durationMs, writers, async (w) => {
      await this.clients[w].query(
        'INSERT INTO bench_baseline (stream, version, data) VALUES ($1, $2, $3)',
        [`r${run}-${w}`, this.versions[w]++, DATA_JSON],
      );
      return 1;
    });
    return result.perSecond;
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.splice(0).map((c) => c.end().catch(() => undefined)));
  }
}

async function conditionalAppends(
  store: PostgresEventStore,
  writers: number,
  tag: string,
  batch: number,
): Promise<{ eventsPerSecond: number; appendsPerSecond: number }> {
  const revisions = new Array<bigint>(writers).fill(0n);
  let seq = 0;
  const events = () => Array.from({ length: batch }, () => makeEvent(seq++));
  // Creating each writer's stream doubles as warm-up; timing starts at an exact revision.
  await Promise.all(
    revisions.map(async (_, w) => {
      const r = await store.appendToStream(`${tag}-${w}`, events(), {
        expectedRevision: 'no_stream',
      });
      revisions[w] = r.nextExpectedRevision;
    }),
  );
  const result = await runFor(PHASE_MS, writers, async (w) => {
    const r = await store.appendToStream(`${tag}-${w}`, events(), {
      expectedRevision: revisions[w],
    });
    revisions[w] = r.nextExpectedRevision;
    return batch;
  });
  return { eventsPerSecond: result.perSecond, appendsPerSecond: result.opsPerSecond };
}

/** Grows the log to BIG_LOG with set-based INSERTs in 10-event streams, one transaction per chunk. */
async function fillLog(
  pool: Pool,
): Promise<{ added: number; seconds: number; fillStreams: number }> {
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM es_events');
  const missing = Math.max(0, BIG_LOG - Number(rows[0].n));
  const streams = Math.ceil(missing / FILL_STREAM_LEN);
  const total = streams * FILL_STREAM_LEN;
  const start = nowNs();
  const chunks: [number, number][] = [];
  for (let from = 0; from < total; from += FILL_CHUNK)
    chunks.push([from, Math.min(total, from + FILL_CHUNK) - 1]);
  const worker = async () => {
    for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
      const [from, to] = chunk;
      await pool.query(
        `WITH s AS (SELECT g, gen_random_uuid() AS u FROM generate_series($1::bigint, $2::bigint) g),
              e AS (INSERT INTO es_events (stream_name, category, stream_revision, event_id, event_type, schema_version, data, metadata)
                    SELECT 'fill-' || (g / ${FILL_STREAM_LEN}), 'fill', g % ${FILL_STREAM_LEN}, u, 'BenchOrderPlaced', 1,
                           $3::jsonb || jsonb_build_object('seq', g), $4::jsonb || jsonb_build_object('eventId', u)
                      FROM s ORDER BY g)
         INSERT INTO es_streams (stream_name)
         SELECT 'fill-' || k FROM generate_series($1::bigint / ${FILL_STREAM_LEN}, $2::bigint / ${FILL_STREAM_LEN}) k`,
        [from, to, DATA_JSON, METADATA_JSON],
      );
    }
  };
  await Promise.all([worker(), worker()]);
  return { added: total, seconds: Number(nowNs() - start) / 1e9, fillStreams: streams };
}

interface ReadResult {
  events: number;
  perSecond: number;
  complete: boolean;
}

async function catchUp(store: PostgresEventStore): Promise<ReadResult> {
  let events = 0;
  const start = nowNs();
  const sub = store.subscribeToAll(
    {
      handle: async (batch) => {
        events += batch.length;
      },
    },
    { batchSize: READ_BATCH },
  );
  let timer: NodeJS.Timeout | undefined;
  const complete = await Promise.race([
    sub.caughtUp().then(
      () => true,
      () => false,
    ),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), READ_CAP_MS);
    }),
  ]);
  clearTimeout(timer);
  const seconds = Number(nowNs() - start) / 1e9;
  const delivered = events;
  await sub.stop();
  return { events: delivered, perSecond: delivered / seconds, complete };
}

async function pageAll(store: PostgresEventStore): Promise<ReadResult> {
  let events = 0;
  let after = START_POSITION;
  const start = nowNs();
  const deadline = start + BigInt(READ_CAP_MS) * 1_000_000n;
  let complete = false;
  while (nowNs() < deadline) {
    const page = await store.readAll({ after, maxCount: READ_BATCH });
    if (page.length === 0) {
      complete = true;
      break;
    }
    events += page.length;
    after = page[page.length - 1].position;
  }
  return { events, perSecond: events / (Number(nowNs() - start) / 1e9), complete };
}

/** Transactions anywhere on the server older than the log's tail hold back $all (the xmin horizon). */
async function horizonHolders(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ d: string }>(
    `SELECT string_agg(format('%s pid %s %s since %s', datname, pid, state, xact_start), '; ') AS d
       FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()`,
  );
  return rows[0].d ?? 'none now';
}

async function main(): Promise<void> {
  const started = nowNs();
  const db = await createBenchDatabase();
  log(`database ${db.name}; big log ${fmt(BIG_LOG)} events; ${PHASE_MS / 1000} s per phase`);
  const pool = new Pool({ connectionString: db.url, max: POOL_MAX, idleTimeoutMillis: 0 });
  // DROP ... WITH (FORCE) may reach sockets that pool.end() is still closing.
  pool.on('error', () => undefined);
  const store = new PostgresEventStore(pool, { connectionString: db.url });
  const baselineWriters = new Baseline(db.url);
  const load0 = loadavg()[0];
  try {
    await pool.query(`CREATE TABLE bench_baseline (
      id bigserial PRIMARY KEY, stream text NOT NULL, version int NOT NULL, data jsonb NOT NULL, UNIQUE (stream, version))`);
    await prewarm(pool, POOL_MAX);
    log('append p50 on an empty log');
    const latEmpty = await appendLatency(store, pool, 'e', []);
    // Each baseline is measured in two halves around its append phase so load drift on a shared host hits both alike.
    log('baseline INSERT and conditional appends, 1 writer');
    await baselineWriters.open();
    await prewarm(pool, POOL_MAX);
    const base1a = await baselineWriters.measure(1, PHASE_MS / 2);
    const app1 = await conditionalAppends(store, 1, 'one', 1);
    const base1b = await baselineWriters.measure(1, PHASE_MS / 2);
    log('baseline INSERT and conditional appends, 16 writers');
    const base16a = await baselineWriters.measure(WRITERS, PHASE_MS / 2);
    const app16 = await conditionalAppends(store, WRITERS, 'sixteen', 1);
    const base16b = await baselineWriters.measure(WRITERS, PHASE_MS / 2);
    await baselineWriters.close();
    const base = { one: (base1a + base1b) / 2, sixteen: (base16a + base16b) / 2 };
    log('100-event batches, 16 writers');
    const batches = await conditionalAppends(store, WRITERS, 'batch', BATCH);
    log(`filling the log to ${fmt(BIG_LOG)} events`);
    const fill = await fillLog(pool);
    // Autovacuum is off on this server; without it the first scan pays for hint bits.
    await pool.query('VACUUM (ANALYZE) es_events, es_streams');
    await pool.query('CHECKPOINT').catch(() => undefined);
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM es_events');
    const logSize = Number(rows[0].n);
    log(
      `log holds ${fmt(logSize)} events (fill ${fmt(fill.added)} in ${fill.seconds.toFixed(1)} s); catch-up subscription`,
    );
    await prewarm(pool, POOL_MAX);
    const sub = await catchUp(store);
    log('readAll paging');
    const paged = await pageAll(store);
    const readNote = (r: ReadResult) =>
      r.complete
        ? `${fmt(r.events)} events`
        : `STOPPED after ${READ_CAP_MS / 1000} s at ${fmt(r.events)} events`;
    const missing = [sub, paged].some((r) => r.complete && r.events !== logSize);
    if (missing)
      log(
        `WARNING: reads returned ${fmt(sub.events)} / ${fmt(paged.events)} of ${fmt(logSize)} events; in-flight transactions: ${await horizonHolders(pool)}`,
      );
    log(`append p50 on a log of ${fmt(logSize)} events`);
    const known = Array.from({ length: fill.fillStreams }, (_, k) => ({
      name: `fill-${k}`,
      revision: BigInt(FILL_STREAM_LEN - 1),
    }));
    const latFull = await appendLatency(store, pool, 'f', known);

    const r16 = app16.eventsPerSecond / base.sixteen;
    const r1 = app1.eventsPerSecond / base.one;
    const rLat = latFull.all / latEmpty.all;
    const rows2 = [
      ['measure', 'value', 'unit', 'note'],
      [
        'baseline INSERT, 1 writer',
        fmt(base.one),
        'tx/s',
        `bare table, halves ${fmt(base1a)} / ${fmt(base1b)}`,
      ],
      [
        'baseline INSERT, 16 writers',
        fmt(base.sixteen),
        'tx/s',
        `pre-connected clients, halves ${fmt(base16a)} / ${fmt(base16b)}`,
      ],
      [
        'conditional append, 1 writer',
        fmt(app1.eventsPerSecond),
        'appends/s',
        `ratio to baseline ${r1.toFixed(2)}`,
      ],
      [
        'conditional append, 16 writers',
        fmt(app16.eventsPerSecond),
        'appends/s',
        `ratio to baseline ${r16.toFixed(2)} (target >= 0.6)`,
      ],
      [
        '100-event batches, 16 writers',
        fmt(batches.eventsPerSecond),
        'events/s',
        `${fmt(batches.appendsPerSecond)} batches/s (target >= 50,000 ev/s)`,
      ],
      [
        'catch-up subscribeToAll',
        fmt(sub.perSecond),
        'events/s',
        `${readNote(sub)}, batch ${READ_BATCH} (target >= 100,000)`,
      ],
      [
        'readAll paging',
        fmt(paged.perSecond),
        'events/s',
        `${readNote(paged)}, page ${READ_BATCH}`,
      ],
      [
        'append p50, empty log',
        fmt(latEmpty.all, 3),
        'ms',
        `new ${fmt(latEmpty.newStream, 3)} / existing ${fmt(latEmpty.existingStream, 3)}, n=${latEmpty.samples}`,
      ],
      [
        `append p50, ${fmt(logSize)} events`,
        fmt(latFull.all, 3),
        'ms',
        `new ${fmt(latFull.newStream, 3)} / existing ${fmt(latFull.existingStream, 3)}, n=${latFull.samples}`,
      ],
      [
        'p50 ratio full / empty',
        fmt(rLat, 2),
        'x',
        `target <= 1.5; bare INSERT p50 ${fmt(latEmpty.bareInsert, 3)} -> ${fmt(latFull.bareInsert, 3)} ms`,
      ],
    ];
    console.log(table(rows2));
    console.log(
      `host: ${cpus().length} cores, load average ${load0.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end (other work on the host moves every figure)`,
    );
    console.log(
      `total ${(Number(nowNs() - started) / 1e9).toFixed(0)} s; log filled with ${fmt(fill.added)} set-based events in ${fill.seconds.toFixed(1)} s, then VACUUM ANALYZE + CHECKPOINT`,
    );
    const round = (n: number, d = 0) => Number(n.toFixed(d));
    const figures = {
      baselineInsert1TxPerSec: round(base.one),
      baselineInsert16TxPerSec: round(base.sixteen),
      append1PerSec: round(app1.eventsPerSecond),
      append16PerSec: round(app16.eventsPerSecond),
      batch100EventsPerSec: round(batches.eventsPerSecond),
      catchUpEventsPerSec: round(sub.perSecond),
      catchUpEvents: sub.events,
      catchUpComplete: sub.complete,
      readAllEvents: paged.events,
      readAllComplete: paged.complete,
      readAllEventsPerSec: round(paged.perSecond),
      p50EmptyMs: round(latEmpty.all, 3),
      p50FullMs: round(latFull.all, 3),
      p50EmptyNewStreamMs: round(latEmpty.newStream, 3),
      p50EmptyExistingStreamMs: round(latEmpty.existingStream, 3),
      p50FullNewStreamMs: round(latFull.newStream, 3),
      p50FullExistingStreamMs: round(latFull.existingStream, 3),
      p50BareInsertEmptyMs: round(latEmpty.bareInsert, 3),
      p50BareInsertFullMs: round(latFull.bareInsert, 3),
      logEvents: logSize,
      hostLoadAverage: round(Math.max(load0, loadavg()[0]), 1),
      ratioAppend1ToBaseline: round(r1, 3),
      ratioAppend16ToBaseline: round(r16, 3),
      ratioP50FullToEmpty: round(rLat, 3),
    };
    const targets = [
      { name: 'append16/baseline16', value: round(r16, 3), op: '>=', target: 0.6 },
      {
        name: 'batch100 events/s',
        value: round(batches.eventsPerSecond),
        op: '>=',
        target: 50_000,
      },
      { name: 'catch-up events/s', value: round(sub.perSecond), op: '>=', target: 100_000 },
      { name: 'p50 full/empty', value: round(rLat, 3), op: '<=', target: 1.5 },
    ];
    await store.close();
    await pool.end();
    await db.drop();
    console.log(`BENCH ${JSON.stringify({ figures, targets })}`);
  } finally {
    await baselineWriters.close();
    await store.close().catch(() => undefined);
    if (!(pool as unknown as { ended: boolean }).ended) await pool.end().catch(() => undefined);
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
