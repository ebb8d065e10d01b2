import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { jobsFor } from '../../../src/application/scheduling/schedule-rules';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { startTestApp, TestApp } from '../../support/test-app';
import { party, Party, placedOrder, publishedGig } from '../orders/marketplace-fixtures';
import { eventually } from '../workers/support/helpers';

const DAY = 86_400_000;

/**
 * Issue 16, point 5: staff move the platform clock over HTTP and the deadlines it passes fire
 * at once, through the real workers, without anyone waiting for the wall clock.
 */
describe('the test clock moves deadlines over HTTP', () => {
  let t: TestApp;
  let admin: string;
  let buyer: Party;
  let seller: Party;

  beforeAll(async () => {
    // Jobs due within 2 days sit in Redis (BullMQ delays); later ones wait in the Postgres ledger.
    t = await startTestApp({
      TEST_CLOCK_ENABLED: 'true',
      JOB_ENQUEUE_HORIZON_MS: String(2 * DAY),
    });
    admin = await t.tokenFor({ roles: ['admin'] });
    buyer = await party(t, 'client');
    seller = await party(t, 'provider');
  });
  afterAll(async () => t?.close());

  async function activeOrder(deliveryDays: number): Promise<{ orderId: string; jobId: string }> {
    const gigId = await publishedGig(t, seller, { deliveryDays, extras: [] });
    const orderId = await placedOrder(t, buyer, gigId);
    const started = await t.request('POST', `/orders/${orderId}/start`, { token: seller.token });
    expect(started.status).toBe(200);
    const store = t.app.get<EventStore>(EVENT_STORE);
    const event = (await store.readStream(`order-${orderId}`)).find(
      (e) => e.type === 'OrderStarted',
    )!;
    const deadline = jobsFor(event, { autoCompleteAfterDays: 3 }).find(
      (j) => j.payload.kind === 'order.delivery-deadline',
    )!;
    return { orderId, jobId: deadline.jobId };
  }

  const order = async (orderId: string) =>
    (await t.request('GET', `/orders/${orderId}`, { token: buyer.token })).body;

  it('reads platform time, at first real time', async () => {
    const res = await t.request('GET', '/admin/test-clock', { token: admin });
    expect(res.status).toBe(200);
    expect(res.body.offsetSeconds).toBe(0);
    expect(Math.abs(Date.parse(res.body.now) - Date.now())).toBeLessThan(5_000);
  });

  it('advanced past delivery deadlines, shows the orders late in GET /orders/{id}', async () => {
    const deadlines = t.app.get<Queue>(getQueueToken('deadlines'), { strict: false });
    // One deadline is in Redis, delayed by a real day; the other, a week away, still in the ledger.
    const soon = await activeOrder(1);
    const later = await activeOrder(7);
    await eventually(
      async () => (await (await deadlines.getJob(soon.jobId))?.getState()) === 'delayed',
      10_000,
      'the 1-day deadline to wait in BullMQ',
    );
    expect(await deadlines.getJob(later.jobId)).toBeUndefined();
    for (const { orderId } of [soon, later]) {
      expect(await order(orderId)).toMatchObject({ status: 'active', lateMarkedAt: null });
    }

    const moved = await t.request('POST', '/admin/test-clock/advance', {
      token: admin,
      body: { seconds: 8 * 86_400 },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.offsetSeconds).toBe(8 * 86_400);
    expect(moved.body.jobsMadeDue).toBeGreaterThanOrEqual(1);

    for (const { orderId } of [soon, later]) {
      const late = await eventually(
        async () => {
          const view = await order(orderId);
          return view.lateMarkedAt ? view : undefined;
        },
        15_000,
        `order ${orderId} to be marked late`,
      );
      // Marked on platform time, past the deadline the real clock is still days from.
      expect(Date.parse(late.lateMarkedAt)).toBeGreaterThanOrEqual(Date.parse(late.deliveryDueAt));
      expect(Date.parse(late.deliveryDueAt)).toBeGreaterThan(Date.now());
    }
    await t.settle();
    // The seller's desk flags them late too (its read model compares with the same clock).
    const desk = await t.request('GET', '/dashboard/seller', { token: seller.token });
    expect(desk.status).toBe(200);
    const flagged = (desk.body.late as { orderId: string }[]).map((o) => o.orderId);
    expect(flagged).toEqual(expect.arrayContaining([soon.orderId, later.orderId]));
  });

  it('dates new events on platform time', async () => {
    const { orderId } = await activeOrder(2);
    const store = t.app.get<EventStore>(EVENT_STORE);
    const started = (await store.readStream(`order-${orderId}`)).find(
      (e) => e.type === 'OrderStarted',
    )!;
    const startedAt = Date.parse((started.data as { startedAt: string }).startedAt);
    expect(startedAt - Date.now()).toBeGreaterThan(7 * DAY);
  });

  it('refuses to go back, and a move that is not exactly one of seconds and to', async () => {
    const back = await t.request('POST', '/admin/test-clock/advance', {
      token: admin,
      body: { to: new Date().toISOString() },
    });
    expect({ status: back.status, code: back.body.code }).toEqual({
      status: 422,
      code: 'TEST_CLOCK_CANNOT_GO_BACK',
    });
    for (const body of [{}, { seconds: 60, to: '2030-01-01T00:00:00.000Z' }]) {
      const res = await t.request('POST', '/admin/test-clock/advance', { token: admin, body });
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 400,
        code: 'TEST_CLOCK_MOVE_REQUIRED',
      });
    }
    const negative = await t.request('POST', '/admin/test-clock/advance', {
      token: admin,
      body: { seconds: -60 },
    });
    expect(negative.status).toBe(400);
    expect((await t.request('GET', '/admin/test-clock', { token: admin })).body.offsetSeconds).toBe(
      8 * 86_400,
    );
  });

  it('shortens the wait of a queued job the move brings closer, without running it early', async () => {
    const deadlines = t.app.get<Queue>(getQueueToken('deadlines'), { strict: false });
    const { orderId, jobId } = await activeOrder(1);
    const dueIn = async () => {
      const job = await deadlines.getJob(jobId);
      return job && (await job.getState()) === 'delayed'
        ? job.timestamp + job.delay - Date.now()
        : undefined;
    };
    const before = await eventually(dueIn, 10_000, 'the deadline to wait in BullMQ');
    expect(before).toBeGreaterThan(DAY - 60_000);

    const moved = await t.request('POST', '/admin/test-clock/advance', {
      token: admin,
      body: { seconds: 12 * 3_600 },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.jobsRetimed).toBeGreaterThanOrEqual(1);
    const after = await dueIn();
    expect(after).toBeGreaterThan(12 * 3_600_000 - 60_000);
    expect(after).toBeLessThan(12 * 3_600_000 + 60_000);
    expect(await order(orderId)).toMatchObject({ status: 'active', lateMarkedAt: null });
  });
});

describe('without TEST_CLOCK_ENABLED', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('has no test clock: 404 TEST_CLOCK_DISABLED', async () => {
    const admin = await t.tokenFor({ roles: ['admin'] });
    for (const [method, url, body] of [
      ['GET', '/admin/test-clock', undefined],
      ['POST', '/admin/test-clock/advance', { seconds: 60 }],
    ] as const) {
      const res = await t.request(method, url, { token: admin, body });
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 404,
        code: 'TEST_CLOCK_DISABLED',
      });
    }
  });
});
