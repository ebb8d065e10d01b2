import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  EVENT_STORE,
  EventStore,
  StreamNotFoundError,
} from '../../../src/application/shared/event-store.port';
import { assertEscrowInvariant, escrowDecider, EscrowEvent } from '../../../src/domain/escrow';
import { walletBalance, walletDecider, WalletEvent } from '../../../src/domain/payouts';
import { fold } from '../../../src/domain/shared';
import { trialBalance } from '../../../src/projections/ledger/ledger.queries';
import { ADMIN_DATABASE_URL } from '../../support/database';
import { freePort, OwnRedis } from '../../support/own-redis';
import { uploadFile } from '../../support/files';
import { startTestApp, TestApp, TestResponse } from '../../support/test-app';
import { party, Party, publishedGig } from '../orders/marketplace-fixtures';

jest.setTimeout(120_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Phase = 'before' | 'outage' | 'after';

interface Answer {
  phase: Phase;
  status: number;
  contentType: string;
  code: string | undefined;
  retryAfter: string | undefined;
  ms: number;
}

/** One logical command of the client: its key, the event it must leave, its final answer. */
interface Sent {
  key: string;
  eventType: string;
  status: number;
  code: string | undefined;
  /** It met a 503 first, so a refusal may mean the first attempt went through. */
  saw503: boolean;
}

/**
 * A client of the real application under load while Postgres or Redis goes away: it retries a
 * 503 (and a claim still in progress) with the same Idempotency-Key, as a real client would,
 * and uses the key as correlation id so every command can be found in the log.
 */
class LoadClient {
  readonly answers: Answer[] = [];
  readonly sent: Sent[] = [];
  readonly orders: { orderId: string; escrowId: string }[] = [];
  phase: Phase = 'before';
  private running = false;
  private lanes: Promise<void>[] = [];

  constructor(
    private readonly t: TestApp,
    private readonly gigId: string,
    private readonly seller: Party,
    private readonly buyers: Party[],
    /** One uploaded deliverable, delivered on every order (uploads are not under test here). */
    private readonly deliverableId: string,
  ) {}

  start(): void {
    this.running = true;
    this.lanes = this.buyers.map((buyer) => this.lane(buyer));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.lanes);
  }

  private async lane(buyer: Party): Promise<void> {
    while (this.running) {
      const placed = await this.command('POST', '/orders', buyer, 'OrderPlaced', {
        gigId: this.gigId,
        extraIds: [],
        paymentMethod: 'pm_card_visa',
      });
      if (placed.status !== 201) continue;
      const { orderId, escrowId } = placed.body as { orderId: string; escrowId: string };
      this.orders.push({ orderId, escrowId });
      const steps: [string, Party, string, unknown][] = [
        [`/orders/${orderId}/start`, this.seller, 'OrderStarted', undefined],
        [
          `/orders/${orderId}/deliveries`,
          this.seller,
          'OrderDelivered',
          { message: 'Voici le livrable', fileRefs: [this.deliverableId] },
        ],
        [`/orders/${orderId}/accept`, buyer, 'OrderCompleted', undefined],
      ];
      for (const [url, actor, eventType, body] of steps) {
        const res = await this.command('POST', url, actor, eventType, body);
        if (res.status >= 300) break;
      }
    }
  }

  private async command(
    method: 'POST',
    url: string,
    actor: Party,
    eventType: string,
    body: unknown,
  ): Promise<TestResponse> {
    const key = randomUUID();
    let saw503 = false;
    for (;;) {
      const began = Date.now();
      const res = await this.t.request(method, url, {
        token: actor.token,
        body,
        idempotencyKey: key,
        headers: { 'x-correlation-id': key },
      });
      this.answers.push({
        phase: this.phase,
        status: res.status,
        contentType: String(res.headers['content-type'] ?? ''),
        code: (res.body as { code?: string } | undefined)?.code,
        retryAfter: res.headers['retry-after'] as string | undefined,
        ms: Date.now() - began,
      });
      const inProgress = res.status === 409 && res.body?.code === 'IDEMPOTENCY_REQUEST_IN_PROGRESS';
      if (res.status === 503 || inProgress) {
        saw503 ||= res.status === 503;
        // Retry-After says 1 s; the test waits less to keep the load on.
        await sleep(Math.min(Number(res.headers['retry-after'] ?? 1) * 1000, 100));
        continue;
      }
      this.sent.push({ key, eventType, status: res.status, code: res.body?.code, saw503 });
      return res;
    }
  }
}

async function eventually(probe: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(200);
  }
}

describe('Postgres and Redis outages under load', () => {
  let t: TestApp;
  let redis: OwnRedis;
  let redisDir: string;
  let store: EventStore;
  let seller: Party;
  let gigId: string;
  let buyers: Party[];
  /** Every order of every phase: the seller's wallet holds them all. */
  const allOrders: { orderId: string; escrowId: string }[] = [];
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);

  beforeAll(async () => {
    process.on('uncaughtException', onUncaught);
    process.on('unhandledRejection', onUncaught);
    redisDir = mkdtempSync(join(tmpdir(), 'mk-outage-redis-'));
    redis = new OwnRedis(await freePort(), redisDir);
    await redis.start();
    t = await startTestApp({ REDIS_URL: redis.url, PG_POOL_SIZE: '6' });
    store = t.app.get<EventStore>(EVENT_STORE);
    seller = await party(t, 'provider');
    gigId = await publishedGig(t, seller);
    buyers = await Promise.all(Array.from({ length: 5 }, () => party(t, 'client')));
  });
  afterAll(async () => {
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
    await t?.close().catch(() => undefined);
    await redis?.kill9();
    rmSync(redisDir, { recursive: true, force: true });
  });

  async function readStream<E>(name: string): Promise<E[]> {
    try {
      return (await store.readStream(name)).map((e) => ({ type: e.type, data: e.data }) as E);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  /** Drives load around `outage`, then checks what a client and finance would notice. */
  async function underLoad(outage: () => Promise<void>): Promise<LoadClient> {
    const client = new LoadClient(t, gigId, seller, buyers, await uploadFile(t, seller.token, 'deliverable'));
    client.start();
    await sleep(1_000);
    client.phase = 'outage';
    await outage();
    client.phase = 'after';
    await sleep(1_000);
    await client.stop();
    allOrders.push(...client.orders);

    expect(uncaught).toEqual([]);
    // Never a 500: while a backing service is away the answer is a 503 problem the client may retry.
    const failures = client.answers.filter((a) => a.status >= 500);
    expect(failures.filter((a) => a.status !== 503)).toEqual([]);
    for (const a of failures) {
      expect(a).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfter: '1' });
      expect(a.contentType).toContain('application/problem+json');
    }
    await eventually(
      async () => (await t.request('GET', '/health')).status === 200,
      30_000,
      '/health to answer 200 again',
    );
    await t.settle();
    await checkLogAndMoney(client);
    return client;
  }

  async function checkLogAndMoney(client: LoadClient): Promise<void> {
    const { rows } = await t.db.pool.query<{ key: string; type: string; n: number }>(
      `SELECT metadata ->> 'correlationId' AS key, event_type AS type, count(*)::int AS n
         FROM es_events WHERE metadata ->> 'correlationId' = ANY ($1) GROUP BY 1, 2`,
      [client.sent.map((s) => s.key)],
    );
    const count = new Map(rows.map((r) => [`${r.key} ${r.type}`, r.n]));
    const problems: string[] = [];
    for (const s of client.sent) {
      const n = count.get(`${s.key} ${s.eventType}`) ?? 0;
      if (s.status < 300 && n !== 1) problems.push(`${s.eventType} ${s.key}: answered ${s.status}, ${n} in the log`);
      // A refusal after a 503 is the command's first attempt having gone through: once, then.
      else if (s.status >= 300 && !(s.saw503 && s.status === 409 && n === 1))
        problems.push(`${s.eventType} ${s.key}: answered ${s.status} ${s.code}, ${n} in the log`);
    }
    expect(problems).toEqual([]);
    expect(client.sent.filter((s) => s.status < 300).length).toBeGreaterThan(10);

    // No claim is left blocking its key once the outage is over.
    const { rows: stuck } = await t.db.pool.query(
      'SELECT key FROM http_idempotency WHERE status_code IS NULL',
    );
    expect(stuck).toEqual([]);

    let held = 0;
    for (const o of allOrders) {
      const escrow = fold(escrowDecider, await readStream<EscrowEvent>(`escrow-${o.escrowId}`));
      expect(() => assertEscrowInvariant(escrow)).not.toThrow();
      if (escrow.status !== 'none') held += escrow.heldCents;
    }
    const tb = await trialBalance(t.db.pool);
    expect({ total: tb.totals.balanceCents, unbalanced: tb.unbalancedEntries }).toEqual({
      total: 0,
      unbalanced: 0,
    });
    const wallet = walletBalance(
      fold(walletDecider, await readStream<WalletEvent>(`wallet-${seller.id}`)),
    );
    const { rows: walletRows } = await t.db.pool.query(
      'SELECT * FROM rm_wallets WHERE provider_id = $1',
      [seller.id],
    );
    expect({
      credited: Number(walletRows[0]?.credited_cents ?? 0),
      available: Number(walletRows[0]?.available_cents ?? 0),
      held: Number(walletRows[0]?.held_in_escrow_cents ?? 0),
    }).toEqual({ credited: wallet.creditedCents, available: wallet.availableCents, held });
    const { rows: payable } = await t.db.pool.query(
      `SELECT coalesce(sum(credit_cents - debit_cents), 0)::bigint AS b FROM journal_lines
        WHERE account = 'provider_payable' AND party_id = $1`,
      [seller.id],
    );
    expect(Number(payable[0].b)).toBe(wallet.availableCents);
  }

  it('rides out every connection to its database being terminated, again and again, for 5 s', async () => {
    const dbName = new URL(t.db.url).pathname.slice(1);
    const adminUrl = new URL(ADMIN_DATABASE_URL);
    adminUrl.pathname = '/postgres';
    // Connected to another database, so it is not among the connections it terminates.
    const admin = new Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    let terminated = 0;
    try {
      const client = await underLoad(async () => {
        const until = Date.now() + 5_000;
        while (Date.now() < until) {
          const { rows } = await admin.query<{ n: number }>(
            `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
              WHERE datname = $1 AND pid <> pg_backend_pid()`,
            [dbName],
          );
          terminated += rows[0].n;
          await sleep(700);
        }
      });
      expect(terminated).toBeGreaterThan(0);
      expect(client.answers.some((a) => a.status === 503)).toBe(true);
    } finally {
      await admin.end();
    }
  });

  it('rides out a Redis killed (-9) and restarted, answering 503 at once meanwhile', async () => {
    const client = await underLoad(async () => {
      await redis.kill9();
      await sleep(4_000);
      await redis.start();
    });
    // A request does not wait for Redis to come back: it is told to retry.
    const during = client.answers.filter((a) => a.phase === 'outage');
    expect(during.some((a) => a.status === 503)).toBe(true);
    expect(Math.max(...during.map((a) => a.ms))).toBeLessThan(3_000);
  });
});
