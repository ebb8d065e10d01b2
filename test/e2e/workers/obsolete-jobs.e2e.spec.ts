import { getQueueToken } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { JobPayload } from '../../../src/application/scheduling/jobs';
import { JobRunner } from '../../../src/interfaces/workers/queue-processor';
import { startTestApp, TestApp } from '../../support/test-app';
import {
  deliveredOrder,
  Party,
  party,
  placedOrder,
  publishedGig,
} from '../orders/marketplace-fixtures';

interface LedgerRow {
  kind: string;
  status: string;
  queue: string;
  job_id: string;
}

/** An order that ended leaves none of its deadlines, checks or reminders waiting in the job ledger. */
describe('jobs of an order that ended', () => {
  let t: TestApp;
  let seller: Party;
  let buyer: Party;
  let gigId: string;

  beforeAll(async () => {
    t = await startTestApp();
    [seller, buyer] = await Promise.all([party(t, 'provider'), party(t, 'client')]);
    gigId = await publishedGig(t, seller);
  });
  afterAll(async () => t?.close());

  const ledger = async (orderId: string): Promise<LedgerRow[]> =>
    (
      await t.db.pool.query<LedgerRow>(
        `SELECT kind, status, queue, job_id FROM scheduled_jobs
          WHERE payload ->> 'orderId' = $1 ORDER BY kind, job_id`,
        [orderId],
      )
    ).rows;

  const queued = async (rows: LedgerRow[]) =>
    (
      await Promise.all(
        rows.map(async (r) => {
          const queue = t.app.get<Queue>(getQueueToken(r.queue), { strict: false });
          return (await queue.getJob(r.job_id)) ? r.kind : null;
        }),
      )
    ).filter((k) => k !== null);

  it('marks the placement check obsolete once the order is placed, and drops its queued job', async () => {
    const orderId = await placedOrder(t, buyer, gigId);
    await t.settle();
    const rows = await ledger(orderId);
    expect(rows.map((r) => [r.kind, r.status])).toEqual([['order.placement-check', 'obsolete']]);
    expect(await queued(rows)).toEqual([]);
  });

  it('retires the deadline, auto-complete and reminders once the order completes', async () => {
    const orderId = await deliveredOrder(t, buyer, seller, gigId);
    await t.settle();
    const pending = (await ledger(orderId)).filter((r) => r.status === 'scheduled');
    expect(pending.map((r) => r.kind)).toEqual(
      expect.arrayContaining(['order.auto-complete', 'order.delivery-deadline']),
    );
    const accepted = await t.request('POST', `/orders/${orderId}/accept`, { token: buyer.token });
    expect(accepted.status).toBe(200);
    await t.settle();
    const rows = await ledger(orderId);
    expect(rows.filter((r) => r.status === 'scheduled')).toEqual([]);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['obsolete']));
    expect(await queued(rows)).toEqual([]);
  });

  it('retires the jobs of a cancelled order', async () => {
    const orderId = await placedOrder(t, buyer, gigId);
    expect(
      (await t.request('POST', `/orders/${orderId}/start`, { token: seller.token })).status,
    ).toBe(200);
    await t.request('POST', `/orders/${orderId}/cancellation-requests`, {
      token: seller.token,
      body: { reason: 'Indisponible' },
    });
    const cancelled = await t.request('POST', `/orders/${orderId}/cancellation-requests/accept`, {
      token: buyer.token,
    });
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    await t.settle();
    const rows = await ledger(orderId);
    expect(rows.map((r) => r.kind)).toEqual(
      expect.arrayContaining(['order.delivery-deadline', 'order.placement-check']),
    );
    expect(rows.filter((r) => r.status === 'scheduled')).toEqual([]);
    expect(await queued(rows)).toEqual([]);
  });

  it('a due job whose order ended finishes obsolete, not completed', async () => {
    const orderId = await deliveredOrder(t, buyer, seller, gigId);
    await t.request('POST', `/orders/${orderId}/accept`, { token: buyer.token });
    await t.settle();
    // A row the retirement missed (recorded before it existed): put it back as still expected.
    const { rows } = await t.db.pool.query<{ job_id: string; payload: JobPayload }>(
      `UPDATE scheduled_jobs SET status = 'scheduled', outcome = NULL, finished_at = NULL
        WHERE payload ->> 'orderId' = $1 AND kind = 'order.auto-complete'
        RETURNING job_id, payload`,
      [orderId],
    );
    const [row] = rows;
    const due = { ...row.payload, dueAt: new Date(Date.now() - 1_000).toISOString() };
    const job = {
      id: row.job_id,
      name: due.kind,
      data: due,
      opts: {},
    } as unknown as Job<JobPayload>;
    expect(await t.app.get(JobRunner).process(job)).toMatchObject({
      result: 'obsolete',
      code: 'ORDER_TERMINAL',
    });
    const after = await t.db.pool.query(`SELECT status FROM scheduled_jobs WHERE job_id = $1`, [
      row.job_id,
    ]);
    expect(after.rows).toEqual([{ status: 'obsolete' }]);
  });
});
