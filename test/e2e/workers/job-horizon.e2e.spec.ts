import { getQueueToken } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import type { Queue } from 'bullmq';
import { jobsFor } from '../../../src/application/scheduling/schedule-rules';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { startTestApp, TestApp } from '../../support/test-app';
import { eventually, lateMarking, startedOrder } from './support/helpers';

const DAY = 86_400_000;

/**
 * Jobs due later than the enqueue horizon wait in the Postgres ledger and reach Redis only as
 * they come due (here: a 3 s horizon, reconciled every 500 ms), and still fire on time.
 */
describe('the job ledger holds far-off jobs until they come due', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ JOB_ENQUEUE_HORIZON_MS: '3000', JOB_RECONCILE_INTERVAL_MS: '500' });
  });
  afterAll(async () => t?.close());

  it('keeps a deadline 12 s away out of Redis, then queues it in time to fire on time', async () => {
    const bus = t.app.get(CommandBus);
    const store = t.app.get<EventStore>(EVENT_STORE);
    const queue = t.app.get<Queue>(getQueueToken('deadlines'), { strict: false });
    const order = await startedOrder(bus, {
      startedAt: new Date(Date.now() - DAY + 12_000),
      days: 1,
    });
    const started = (await store.readStream(`order-${order.orderId}`)).find(
      (e) => e.type === 'OrderStarted',
    )!;
    const [deadline] = jobsFor(started, { autoCompleteAfterDays: 3 });
    await eventually(
      async () => {
        const { rows } = await t.db.pool.query(
          `SELECT status FROM scheduled_jobs WHERE job_id = $1`,
          [deadline.jobId],
        );
        return rows[0]?.status === 'scheduled';
      },
      5_000,
      'the deadline to be in the ledger',
    );
    expect(await queue.getJob(deadline.jobId)).toBeUndefined();

    const { latenessMs } = await lateMarking(store, order, 20_000);
    expect(latenessMs).toBeGreaterThanOrEqual(0);
    expect(latenessMs).toBeLessThan(3_000);
    // The late marking is the job's own write; BullMQ records it completed a moment later.
    await eventually(
      async () => (await (await queue.getJob(deadline.jobId))?.getState()) === 'completed',
      5_000,
      'the deadline job to be completed',
    );
  });
});
