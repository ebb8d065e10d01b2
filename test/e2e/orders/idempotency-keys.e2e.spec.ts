import { createHash, randomUUID } from 'node:crypto';
import { IdempotencyRecords } from '../../../src/interfaces/http/idempotency/idempotency-records';
import { startTestApp, TestApp } from '../../support/test-app';
import { gatewayOperations, Party, party, publishedGig } from './marketplace-fixtures';

/** The short lease these tests run with; a live request renews its claim three times per lease. */
const LEASE_SECONDS = 2;

/**
 * Idempotency keys outlive the process that claimed them: a request that died before answering
 * (its claim never completed nor renewed) is resumed by a retry once the claim's lease has
 * passed, a live request keeps its claim however long it runs, and keys are forgotten after the
 * retention period.
 */
describe('idempotency keys: abandoned claims and retention', () => {
  let t: TestApp;
  let buyer: Party;
  let gigId: string;

  beforeAll(async () => {
    t = await startTestApp({ IDEMPOTENCY_CLAIM_LEASE_SECONDS: String(LEASE_SECONDS) });
    const seller = await party(t, 'provider');
    buyer = await party(t, 'client');
    gigId = await publishedGig(t, seller);
  });
  afterAll(async () => t.close());

  const place = (key: string, paymentMethod = 'pm_card_visa') =>
    t.request('POST', '/orders', {
      token: buyer.token,
      body: { gigId, paymentMethod },
      idempotencyKey: key,
    });

  /** As if the process had died after running the command, before storing its answer. */
  const dieBeforeAnswering = (key: string, lastRenewedSecondsAgo: number) =>
    t.db.pool.query(
      `UPDATE http_idempotency SET status_code = NULL, body = NULL, completed_at = NULL,
              created_at = now() - make_interval(secs => $3),
              renewed_at = now() - make_interval(secs => $3)
        WHERE scope = $1 AND key = $2`,
      [buyer.id, key, lastRenewedSecondsAgo],
    );
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('resumes a placement whose request died, once the lease has passed: same order, charged once', async () => {
    const key = randomUUID();
    const first = await place(key);
    expect(first.status).toBe(201);
    await dieBeforeAnswering(key, LEASE_SECONDS + 1);

    const retried = await place(key);
    expect(retried.status).toBe(201);
    expect(retried.body.orderId).toBe(first.body.orderId);
    expect(await gatewayOperations(t, first.body.escrowId)).toHaveLength(1);

    const again = await place(key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.orderId).toBe(first.body.orderId);
  });

  it('answers 409 while the claim is within its lease: the first request may still be running', async () => {
    const key = randomUUID();
    await place(key);
    await dieBeforeAnswering(key, 0);

    const retried = await place(key);
    expect(retried.status).toBe(409);
    expect(retried.body.code).toBe('IDEMPOTENCY_REQUEST_IN_PROGRESS');
    const retryAfter = Number(retried.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(LEASE_SECONDS);
  });

  it('takes over, within seconds, a claim whose holder died without renewing it', async () => {
    const key = randomUUID();
    const fingerprint = createHash('sha256')
      .update(`POST /orders\n${JSON.stringify({ gigId, paymentMethod: 'pm_card_visa' })}`)
      .digest('hex');
    // The claim a killed process left: taken just now, then never renewed.
    await t.db.pool.query(
      `INSERT INTO http_idempotency (scope, key, fingerprint) VALUES ($1, $2, $3)`,
      [buyer.id, key, fingerprint],
    );
    expect((await place(key)).status).toBe(409);
    await sleep(LEASE_SECONDS * 1000 + 500);
    const retried = await place(key);
    expect(retried.status).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
  });

  it('lets a live request slower than the lease keep its claim, and stores its answer', async () => {
    const key = randomUUID();
    // Holding the log's table lock keeps the placement waiting on its append, well past the lease.
    const lock = await t.db.pool.connect();
    let first: Promise<Awaited<ReturnType<typeof place>>>;
    try {
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE es_events IN EXCLUSIVE MODE');
      first = place(key);
      await sleep(LEASE_SECONDS * 1000 * 2);
      // A retry let through would wait on the same lock: give up on it rather than hang.
      const concurrent = await Promise.race([place(key), sleep(3_000).then(() => null)]);
      expect(concurrent?.status).toBe(409);
      expect(concurrent?.body.code).toBe('IDEMPOTENCY_REQUEST_IN_PROGRESS');
      expect(Number(concurrent?.headers['retry-after'])).toBeLessThanOrEqual(LEASE_SECONDS);
    } finally {
      await lock.query('COMMIT');
      lock.release();
    }
    const answered = await first!;
    expect(answered.status).toBe(201);
    const replayed = await place(key);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body.orderId).toBe(answered.body.orderId);
    expect(await gatewayOperations(t, answered.body.escrowId)).toHaveLength(1);
  });

  it('never lets an abandoned claim be taken over by a different request', async () => {
    const key = randomUUID();
    await place(key);
    await dieBeforeAnswering(key, 3_600);

    const other = await place(key, 'pm_card_mastercard');
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('forgets keys older than the retention period and keeps the others', async () => {
    const old = randomUUID();
    const recent = randomUUID();
    await place(old);
    await place(recent);
    await t.db.pool.query(
      `UPDATE http_idempotency SET created_at = now() - interval '25 hours' WHERE scope = $1 AND key = $2`,
      [buyer.id, old],
    );

    expect(await t.app.get(IdempotencyRecords).purge()).toBeGreaterThanOrEqual(1);
    const { rows } = await t.db.pool.query<{ key: string }>(
      'SELECT key FROM http_idempotency WHERE scope = $1 AND key = ANY($2)',
      [buyer.id, [old, recent]],
    );
    expect(rows.map((r) => r.key)).toEqual([recent]);
  });
});
