import { randomUUID } from 'node:crypto';
import { IdempotencyRecords } from '../../../src/interfaces/http/idempotency/idempotency-records';
import { startTestApp, TestApp } from '../../support/test-app';
import { gatewayOperations, Party, party, publishedGig } from './marketplace-fixtures';

/**
 * Idempotency keys outlive the process that claimed them: a request that died before answering
 * (its claim never completed) is resumed by a retry once the claim's lease has passed, and keys
 * are forgotten after the retention period.
 */
describe('idempotency keys: abandoned claims and retention', () => {
  let t: TestApp;
  let buyer: Party;
  let gigId: string;

  beforeAll(async () => {
    t = await startTestApp({ IDEMPOTENCY_CLAIM_LEASE_SECONDS: '60' });
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
  const dieBeforeAnswering = (key: string, claimedSecondsAgo: number) =>
    t.db.pool.query(
      `UPDATE http_idempotency SET status_code = NULL, body = NULL, completed_at = NULL,
              created_at = now() - make_interval(secs => $3)
        WHERE scope = $1 AND key = $2`,
      [buyer.id, key, claimedSecondsAgo],
    );

  it('resumes a placement whose request died, once the lease has passed: same order, charged once', async () => {
    const key = randomUUID();
    const first = await place(key);
    expect(first.status).toBe(201);
    await dieBeforeAnswering(key, 61);

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
    await dieBeforeAnswering(key, 5);

    const retried = await place(key);
    expect(retried.status).toBe(409);
    expect(retried.body.code).toBe('IDEMPOTENCY_REQUEST_IN_PROGRESS');
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
