/**
 * Orders benchmark (issue 4): the real application on a throwaway database, listening on a
 * loopback port, driven through HTTP by autocannon (in a child process) with 16 connections,
 * each looping over one order's lifecycle (place with payment into escrow, start, deliver,
 * accept). Printed beside a plain-INSERT baseline measured in the same run (16 writers,
 * connections opened before timing), with the application's own CPU time per command, and
 * beside a floor: a bare route doing only one event append per request, on the same machine.
 * Env: DATABASE_URL (server), BENCH_SECONDS (HTTP phase, default 10), REDIS_URL, PG_POOL_SIZE.
 */
import 'reflect-metadata';
import type autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { EVENT_STORE, EventStore } from '../src/application/shared/event-store.port';
import { createApp } from '../src/bootstrap';
import { loadConfig } from '../src/infrastructure/config/config';
import { ReactorRunner } from '../src/infrastructure/subscriptions/reactor-runner';
import { AccessTokens } from '../src/interfaces/http/auth/access-token';
import { dropRedisPrefix } from '../test/support/redis';
import { createBenchDatabase } from './support/database';
import { startAppendFloor } from './support/append-floor';
import { LoadRequest } from './support/lifecycle-load';
import { fmt, log, nowNs, runFor, table } from './support/measure';

const CONNECTIONS = 16;
const SELLERS = 16;
const HTTP_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 3;
const BASELINE_MS = 5_000;
const SETTLE_LIMIT_MS = 30_000;
const REQUIRED_DOCUMENTS = ['kbis_or_cfe', 'rib', 'urssaf_vigilance', 'tax_compliance', 'rc_pro'];

interface Seller {
  id: string;
  token: string;
  gigId: string;
  deliverableId: string;
}

/** The same one-row INSERT the event-store bench uses as its yardstick, on 16 pre-connected clients. */
async function insertBaseline(url: string): Promise<number> {
  const clients = Array.from({ length: CONNECTIONS }, () => new Client({ connectionString: url }));
  await Promise.all(clients.map((c) => c.connect()));
  try {
    await clients[0].query(`CREATE TABLE bench_orders_baseline (
      id bigserial PRIMARY KEY, stream text NOT NULL, version int NOT NULL, data jsonb NOT NULL, UNIQUE (stream, version))`);
    const data = JSON.stringify({
      orderId: randomUUID(),
      buyerId: randomUUID(),
      amountCents: 49_900,
      commissionCents: 4_990,
      placedAt: new Date().toISOString(),
    });
    const versions = new Array<number>(CONNECTIONS).fill(0);
    const insert = async (w: number) => {
      await clients[w].query(
        'INSERT INTO bench_orders_baseline (stream, version, data) VALUES ($1, $2, $3)',
        [`order-${w}`, versions[w]++, data],
      );
      return 1;
    };
    await Promise.all(
      clients.map(async (_, w) => {
        for (let i = 0; i < 20; i++) await insert(w);
      }),
    );
    return (await runFor(BASELINE_MS, CONNECTIONS, insert)).perSecond;
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

async function json(base: string, path: string, token: string, body?: unknown): Promise<any> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers:
      body === undefined
        ? { authorization: `Bearer ${token}` }
        : { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = await res.json();
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(payload)}`);
  return payload;
}

/** A small PDF uploaded as the seller's deliverable (only its signature is checked). */
async function uploadDeliverable(base: string, token: string): Promise<string> {
  const form = new FormData();
  form.append('purpose', 'deliverable');
  form.append('file', new Blob([Buffer.from('%PDF-1.4\n% bench deliverable\n')]), 'livrable.pdf');
  const res = await fetch(`${base}/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const payload = (await res.json()) as { fileId: string };
  if (res.status !== 201) throw new Error(`/files: ${res.status} ${JSON.stringify(payload)}`);
  return payload.fileId;
}

/** Verified sellers (documents seeded in their identity streams), each with one published gig. */
async function seedSellers(
  base: string,
  store: EventStore,
  tokens: AccessTokens,
): Promise<Seller[]> {
  const at = new Date(Date.now() - 86_400_000).toISOString();
  return Promise.all(
    Array.from({ length: SELLERS }, async (_, i) => {
      const id = randomUUID();
      await store.appendToStream(
        `verification-${id}`,
        REQUIRED_DOCUMENTS.flatMap((kind) => {
          const documentId = randomUUID();
          return [
            {
              id: randomUUID(),
              type: 'DocumentSubmitted',
              data: {
                providerId: id,
                documentId,
                kind,
                uploadRef: `bench/${kind}.pdf`,
                submittedAt: at,
              },
            },
            {
              id: randomUUID(),
              type: 'DocumentApproved',
              data: {
                providerId: id,
                documentId,
                kind,
                reviewedBy: 'bench',
                approvedAt: at,
                expiresAt: null,
              },
            },
          ];
        }),
      );
      const token = await tokens.sign({
        sub: id,
        roles: ['provider'],
        activeRole: 'provider',
        sid: randomUUID(),
      });
      const gig = await json(base, '/gigs', token, {
        kind: 'package',
        title: `Offre ${i}`,
        priceCents: 45_000,
        category: 'finance-gestion',
        description: 'Business plan et prévisionnel',
        deliveryDays: 7,
        openingMessage: 'Merci pour votre commande !',
        extras: [{ extraId: 'express', name: 'Express', priceCents: 4_900, deltaDays: -2 }],
      });
      await json(base, `/gigs/${gig.gigId}/publish`, token);
      return { id, token, gigId: gig.gigId, deliverableId: await uploadDeliverable(base, token) };
    }),
  );
}

/**
 * Drives the load (the lifecycle, or the floor's single route) from a child process (see `support/lifecycle-load.ts`): autocannon's
 * parsing and request building would otherwise take CPU from the event loop under test.
 */
function drive(load: LoadRequest): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'support', 'lifecycle-load.ts'), [], {
      execArgv: ['-r', 'ts-node/register/transpile-only'],
    });
    child.once('message', (reply: { result?: autocannon.Result; error?: string }) =>
      reply.result ? resolve(reply.result) : reject(new Error(reply.error)),
    );
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`load generator exited ${code}`)));
    child.send(load);
  });
}

/**
 * Every statement the application sends is a round trip to Postgres, the main cost per
 * command on a small host; this counts them (in this process, so the app's only during a run).
 */
let statementsSent = 0;
const sendStatement = Client.prototype.query;
Client.prototype.query = function (this: Client, ...args: unknown[]) {
  statementsSent++;
  return (sendStatement as (...a: unknown[]) => unknown).apply(this, args);
} as typeof Client.prototype.query;

async function countEvents(url: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ event_type: string; n: string }>(
      `SELECT event_type, count(*) AS n FROM es_events WHERE event_type IN ('OrderPlaced','OrderCompleted','EscrowReleased','WalletCredited') GROUP BY event_type`,
    );
    return Object.fromEntries(rows.map((r) => [r.event_type, Number(r.n)]));
  } finally {
    await client.end();
  }
}

interface Phase {
  run: autocannon.Result;
  commandsPerSecond: number;
  cpuUsPerCommand: number;
  statementsPerCommand: number;
  ordersCompleted: number;
  ordersPlaced: number;
  releases: number;
  credits: number;
  settleSeconds: number | null;
}

/**
 * Boots the app with the given process roles on the bench database, seeds sellers, warms up, then
 * drives the lifecycle. With workers and projectors in the same process, their catch-up after the
 * run is timed too.
 */
async function phase(url: string, roles: string): Promise<Phase> {
  const env: NodeJS.ProcessEnv & { REDIS_PREFIX: string } = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: url,
    PG_POOL_SIZE: process.env.PG_POOL_SIZE ?? '24',
    PROCESS_ROLES: roles,
    REDIS_PREFIX: `mk_bench_${randomBytes(4).toString('hex')}`,
    SWAGGER_ENABLED: 'false',
  };
  const app = await createApp(loadConfig(env));
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address() as { port: number };
    const base = `http://127.0.0.1:${address.port}`;
    const tokens = app.get(AccessTokens);
    const sellers = await seedSellers(base, app.get<EventStore>(EVENT_STORE), tokens);
    const buyerToken = await tokens.sign({
      sub: randomUUID(),
      roles: ['client'],
      activeRole: 'client',
      sid: randomUUID(),
    });
    const withWorkers = roles.includes('workers');
    log(`[${roles}] warm-up ${WARMUP_SECONDS} s`);
    const load = { base, buyerToken, sellers, connections: CONNECTIONS };
    await drive({ ...load, seconds: WARMUP_SECONDS });
    if (withWorkers) await app.get(ReactorRunner).settle();
    log(`[${roles}] lifecycle through HTTP, ${HTTP_SECONDS} s`);
    const before = await countEvents(url);
    const cpuBefore = process.cpuUsage();
    const statementsBefore = statementsSent;
    const run = await drive({ ...load, seconds: HTTP_SECONDS });
    let settleSeconds: number | null = null;
    if (withWorkers) {
      const settleStart = nowNs();
      await Promise.race([
        app.get(ReactorRunner).settle(),
        new Promise((r) => setTimeout(r, SETTLE_LIMIT_MS)),
      ]);
      settleSeconds = Number(nowNs() - settleStart) / 1e9;
    }
    // Through the settlement, so that the reactors' and projectors' share is all counted.
    const cpu = process.cpuUsage(cpuBefore);
    const statements = statementsSent - statementsBefore;
    const after = await countEvents(url);
    const delta = (type: string) => (after[type] ?? 0) - (before[type] ?? 0);
    const commands = run.requests.total - run.non2xx - run.errors;
    return {
      run,
      commandsPerSecond: commands / run.duration,
      // The application's own CPU (this process; the load generator is another), per command.
      cpuUsPerCommand: (cpu.user + cpu.system) / Math.max(1, commands),
      statementsPerCommand: statements / Math.max(1, commands),
      ordersCompleted: delta('OrderCompleted'),
      ordersPlaced: delta('OrderPlaced'),
      releases: delta('EscrowReleased'),
      credits: delta('WalletCredited'),
      settleSeconds,
    };
  } finally {
    await app.close();
    await dropRedisPrefix(env.REDIS_URL ?? 'redis://127.0.0.1:6379', env.REDIS_PREFIX);
  }
}

/**
 * The floor: the same 16 connections against a bare route that only appends one event (see
 * `support/append-floor.ts`). No command of the lifecycle can do less, so its ratio to the
 * baseline is the most any command can reach on this machine.
 */
async function floorPhase(url: string): Promise<{ commandsPerSecond: number; p99: number }> {
  const floor = await startAppendFloor(url, Number(process.env.PG_POOL_SIZE ?? 24));
  try {
    log(`[append floor] ${HTTP_SECONDS} s`);
    const load = { floorUrl: floor.url, connections: CONNECTIONS };
    await drive({ ...load, seconds: 1 });
    const run = await drive({ ...load, seconds: HTTP_SECONDS });
    const answered = run.requests.total - run.non2xx - run.errors;
    return { commandsPerSecond: answered / run.duration, p99: run.latency.p99 };
  } finally {
    await floor.close();
  }
}

async function main(): Promise<void> {
  const started = nowNs();
  const db = await createBenchDatabase();
  log(`database ${db.name}; ${CONNECTIONS} connections; place/start/deliver/accept`);
  try {
    // The default deployment: API, projectors and reactors share one process (and its 2 cores here).
    const full = await phase(db.url, 'api,projectors,workers');
    // The at-scale split: this process serves HTTP only, workers and projectors run elsewhere.
    const api = await phase(db.url, 'api');
    const floor = await floorPhase(db.url);
    log('baseline plain INSERT, 16 writers');
    const baseline = await insertBaseline(db.url);

    const ratio = full.commandsPerSecond / baseline;
    const apiRatio = api.commandsPerSecond / baseline;
    const floorRatio = floor.commandsPerSecond / baseline;
    const failed = (p: Phase) => p.run.non2xx + p.run.errors;
    console.log(
      table([
        ['measure', 'value', 'unit', 'note'],
        [
          'baseline INSERT, 16 writers',
          fmt(baseline),
          'tx/s',
          'pg.Client per writer, connected before timing',
        ],
        [
          'lifecycle, one process (api+workers+projectors)',
          fmt(full.commandsPerSecond),
          'commands/s',
          `ratio to baseline ${ratio.toFixed(3)} (target >= 0.3)`,
        ],
        [
          '  latency p50 / p99',
          `${fmt(full.run.latency.p50, 1)} / ${fmt(full.run.latency.p99, 1)}`,
          'ms',
          'target p99 <= 25',
        ],
        [
          '  application CPU',
          fmt(full.cpuUsPerCommand),
          'µs/command',
          'this process, user + system, until settled',
        ],
        [
          '  Postgres statements',
          fmt(full.statementsPerCommand, 1),
          'per command',
          'round trips until settled, reactors and projectors included',
        ],
        [
          '  orders',
          fmt(full.ordersCompleted / full.run.duration, 1),
          'completed/s',
          `${fmt(full.ordersPlaced)} placed, ${fmt(full.ordersCompleted)} completed`,
        ],
        [
          '  settlement after the run',
          fmt(full.settleSeconds ?? 0, 1),
          's',
          `${fmt(full.releases)} releases, ${fmt(full.credits)} wallet credits`,
        ],
        [
          '  refused or failed requests',
          fmt(failed(full)),
          'requests',
          `of ${fmt(full.run.requests.total)}`,
        ],
        [
          'lifecycle, API-only process',
          fmt(api.commandsPerSecond),
          'commands/s',
          `ratio to baseline ${apiRatio.toFixed(3)}`,
        ],
        [
          '  latency p50 / p99',
          `${fmt(api.run.latency.p50, 1)} / ${fmt(api.run.latency.p99, 1)}`,
          'ms',
          `${fmt(failed(api))} refused or failed of ${fmt(api.run.requests.total)}`,
        ],
        [
          '  application CPU',
          fmt(api.cpuUsPerCommand),
          'µs/command',
          'this process, user + system',
        ],
        [
          '  Postgres statements',
          fmt(api.statementsPerCommand, 1),
          'per command',
          'round trips during the run',
        ],
        [
          'floor: bare route, one append each',
          fmt(floor.commandsPerSecond),
          'appends/s',
          `ratio to baseline ${floorRatio.toFixed(3)}, p99 ${fmt(floor.p99, 1)} ms; no command can beat it`,
        ],
      ]),
    );
    console.log(
      `total ${(Number(nowNs() - started) / 1e9).toFixed(0)} s; ${HTTP_SECONDS} s per phase after a ${WARMUP_SECONDS} s warm-up`,
    );
    const round = (n: number, d = 0) => Number(n.toFixed(d));
    const figures = {
      baselineInsert16TxPerSec: round(baseline),
      commandsPerSec: round(full.commandsPerSecond),
      p50Ms: round(full.run.latency.p50, 2),
      p99Ms: round(full.run.latency.p99, 2),
      ratioToBaseline: round(ratio, 3),
      ordersCompletedPerSec: round(full.ordersCompleted / full.run.duration, 1),
      settleSeconds: round(full.settleSeconds ?? 0, 1),
      failedRequests: failed(full),
      cpuUsPerCommand: round(full.cpuUsPerCommand),
      statementsPerCommand: round(full.statementsPerCommand, 2),
      apiOnlyCommandsPerSec: round(api.commandsPerSecond),
      apiOnlyCpuUsPerCommand: round(api.cpuUsPerCommand),
      apiOnlyStatementsPerCommand: round(api.statementsPerCommand, 2),
      apiOnlyP50Ms: round(api.run.latency.p50, 2),
      apiOnlyP99Ms: round(api.run.latency.p99, 2),
      apiOnlyRatioToBaseline: round(apiRatio, 3),
      floorAppendsPerSec: round(floor.commandsPerSecond),
      floorRatioToBaseline: round(floorRatio, 3),
      floorP99Ms: round(floor.p99, 2),
      connections: CONNECTIONS,
      seconds: HTTP_SECONDS,
    };
    const targets = [
      { name: 'commands/baseline16', value: round(ratio, 3), op: '>=', target: 0.3 },
      { name: 'p99 ms', value: round(full.run.latency.p99, 2), op: '<=', target: 25 },
    ];
    console.log(`BENCH ${JSON.stringify({ figures, targets })}`);
  } finally {
    await db.drop();
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
