/**
 * Case-history benchmark (issue 5): p50/p99 of GET /cases/{orderId}/history over real HTTP for a
 * case of 1,000 events, and the time to rebuild its state `at` a mid-point (over HTTP and in process).
 * Target: history p99 <= 50 ms. Prints, never asserts. HTTP figures include receiving the whole body
 * (about 1.1 MB), not parsing it. The endpoint keeps recent stream reads in memory (CaseStreamCache),
 * so repeated replays are "warm"; the cold figures read every stream in full each time.
 * Env: DATABASE_URL (server), BENCH_CASE_EVENTS (default 1000), BENCH_SAMPLES (per measure, default 300).
 */
import 'reflect-metadata';
import { CommandBus } from '@nestjs/cqrs';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { parseCaseMoment } from '../src/application/disputes/case/case-at';
import { CaseHistory, rebuildCaseState } from '../src/application/disputes/case/case-history';
import { EVENT_STORE, EventStore, RecordedEvent } from '../src/application/shared/event-store.port';
import { createApp } from '../src/bootstrap';
import { loadConfig } from '../src/infrastructure/config/config';
import { AccessTokens } from '../src/interfaces/http/auth/access-token';
import { buildCase } from './support/cases-fixture';
import { createBenchDatabase } from './support/database';
import { fmt, log, nowNs, percentile, table } from './support/measure';
import { dropRedisPrefix } from '../test/support/redis';

const round = (v: number) => Math.round(v * 100) / 100;
const CASE_EVENTS = Number(process.env.BENCH_CASE_EVENTS ?? 1_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const WARMUP = 30;
const TARGET_P99_MS = 50;

interface Stats {
  p50: number;
  p99: number;
  mean: number;
  samples: number;
}

function stats(samples: number[]): Stats {
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return {
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    mean,
    samples: samples.length,
  };
}

async function sample(count: number, op: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await op();
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = nowNs();
    await op();
    out.push(Number(nowNs() - t) / 1e6);
  }
  return out;
}

async function main(): Promise<void> {
  const db = await createBenchDatabase();
  let app: NestFastifyApplication | null = null;
  const redisPrefix = `mk_bench_${randomBytes(4).toString('hex')}`;
  try {
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: db.url,
      PROCESS_ROLES: 'api',
      SWAGGER_ENABLED: 'false',
      REDIS_PREFIX: redisPrefix,
    });
    app = await createApp(config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address() as { port: number };
    const base = `http://127.0.0.1:${address.port}`;

    log(`building a case of ${CASE_EVENTS} events through the deciders`);
    const built = nowNs();
    const benchCase = await buildCase(app.get(CommandBus), CASE_EVENTS);
    log(`built in ${fmt(Number(nowNs() - built) / 1e9, 1)} s`);

    const tokens = app.get(AccessTokens);
    const staff = await tokens.sign({
      sub: benchCase.mediatorId,
      roles: ['mediator'],
      activeRole: 'mediator',
      sid: 'bench',
    });
    const buyer = await tokens.sign({
      sub: benchCase.buyerId,
      roles: ['client'],
      activeRole: 'client',
      sid: 'bench',
    });
    const get = async (token: string, query = '') => {
      const res = await fetch(`${base}/cases/${benchCase.orderId}/history${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`history: ${res.status} ${body}`);
      return body;
    };
    const parsed = async (token: string, query = '') =>
      JSON.parse(await get(token, query)) as { timeline: { position: string }[] };

    const full = await parsed(staff);
    if (full.timeline.length !== CASE_EVENTS)
      throw new Error(`expected ${CASE_EVENTS} events, the timeline has ${full.timeline.length}`);
    const mid = full.timeline[Math.floor(CASE_EVENTS / 2) - 1].position;
    const bytes = Buffer.byteLength(JSON.stringify(full));
    log(`history of ${full.timeline.length} events, ${fmt(bytes / 1024)} KiB; mid-point ${mid}`);

    const staffHistory = stats(await sample(SAMPLES, () => get(staff)));
    const partyHistory = stats(await sample(SAMPLES, () => get(buyer)));
    const atHistory = stats(
      await sample(SAMPLES, () => get(staff, `?at=${encodeURIComponent(mid)}`)),
    );

    // In process, without HTTP: the query as served (stream cache warm), the query reading every
    // stream in full each time (cold: the first replay of a case), and the pure fold of the first half.
    const store = app.get<EventStore>(EVENT_STORE);
    const history = app.get(CaseHistory);
    const uncached = new CaseHistory(store, { ttlMs: 0, maxEvents: 0 });
    const moment = parseCaseMoment(mid);
    const viewer = { accountId: benchCase.mediatorId, roles: ['mediator'] };
    const coldHistory = stats(
      await sample(SAMPLES, async () =>
        JSON.stringify(await uncached.load(benchCase.orderId, viewer)),
      ),
    );
    const coldRebuild = stats(
      await sample(SAMPLES, () => uncached.load(benchCase.orderId, viewer, moment)),
    );
    const rebuildQuery = stats(
      await sample(SAMPLES, () => history.load(benchCase.orderId, viewer, moment)),
    );
    const streams = [`order-${benchCase.orderId}`, `dispute-${benchCase.disputeId}`];
    const orderEvents = await store.readStream(streams[0]);
    const escrowId = (orderEvents[0].data as { escrowId: string }).escrowId;
    const all: RecordedEvent[] = [
      ...orderEvents,
      ...(await store.readStream(`escrow-${escrowId}`)),
      ...(await store.readStream(streams[1])),
    ];
    const firstHalf = all.filter((e) =>
      full.timeline
        .slice(0, CASE_EVENTS / 2)
        .some((t) => t.position === `${e.position.commit}:${e.position.prepare}`),
    );
    const fold = stats(
      await sample(SAMPLES, async () => rebuildCaseState(firstHalf, [benchCase.disputeId])),
    );

    const ms = (n: number) => fmt(n, 2);
    const rows = [
      ['measure', 'p50 ms', 'p99 ms', 'mean ms', 'samples'],
      [
        'GET history, staff (1,000 events)',
        ms(staffHistory.p50),
        ms(staffHistory.p99),
        ms(staffHistory.mean),
        String(staffHistory.samples),
      ],
      [
        'GET history, party (notes filtered)',
        ms(partyHistory.p50),
        ms(partyHistory.p99),
        ms(partyHistory.mean),
        String(partyHistory.samples),
      ],
      [
        'GET history?at=<mid-point>',
        ms(atHistory.p50),
        ms(atHistory.p99),
        ms(atHistory.mean),
        String(atHistory.samples),
      ],
      [
        'cold history: full reads + JSON, in process',
        ms(coldHistory.p50),
        ms(coldHistory.p99),
        ms(coldHistory.mean),
        String(coldHistory.samples),
      ],
      [
        'cold rebuild at mid-point, in process',
        ms(coldRebuild.p50),
        ms(coldRebuild.p99),
        ms(coldRebuild.mean),
        String(coldRebuild.samples),
      ],
      [
        'rebuild at mid-point, in process',
        ms(rebuildQuery.p50),
        ms(rebuildQuery.p99),
        ms(rebuildQuery.mean),
        String(rebuildQuery.samples),
      ],
      [
        'fold of the first 500 events only',
        ms(fold.p50),
        ms(fold.p99),
        ms(fold.mean),
        String(fold.samples),
      ],
    ];
    console.log(table(rows));
    const figures = {
      caseEvents: CASE_EVENTS,
      historyBytes: bytes,
      historyP50Ms: staffHistory.p50,
      historyP99Ms: staffHistory.p99,
      partyHistoryP50Ms: partyHistory.p50,
      partyHistoryP99Ms: partyHistory.p99,
      historyAtMidP50Ms: atHistory.p50,
      historyAtMidP99Ms: atHistory.p99,
      coldHistoryInProcessP50Ms: coldHistory.p50,
      coldHistoryInProcessP99Ms: coldHistory.p99,
      coldRebuildAtMidP50Ms: coldRebuild.p50,
      coldRebuildAtMidP99Ms: coldRebuild.p99,
      rebuildAtMidP50Ms: rebuildQuery.p50,
      rebuildAtMidP99Ms: rebuildQuery.p99,
      foldFirstHalfP50Ms: fold.p50,
      foldFirstHalfP99Ms: fold.p99,
    };
    // The one target, on the staff view (the largest answer: nothing filtered).
    const targets = [
      {
        name: 'history p99 ms (1,000-event case)',
        value: round(staffHistory.p99),
        op: '<=',
        target: TARGET_P99_MS,
      },
    ];
    await app.close();
    app = null;
    await db.drop();
    console.log(`BENCH ${JSON.stringify({ figures, targets })}`);
  } finally {
    if (app) await app.close().catch(() => undefined);
    await db.drop();
    await dropRedisPrefix(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', redisPrefix);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
