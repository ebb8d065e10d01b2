import { getQueueToken } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import type { Job, Queue } from 'bullmq';
import { JobPayload } from '../../../src/application/scheduling/jobs';
import { JobSchedulingReactor } from '../../../src/application/scheduling/job-scheduling.reactor';
import { jobsFor } from '../../../src/application/scheduling/schedule-rules';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { JobRunner } from '../../../src/interfaces/workers/queue-processor';
import { startTestApp, TestApp } from '../../support/test-app';
import { lateMarking, startedOrder } from './support/helpers';

const DAY = 86_400_000;

describe('from the event log to BullMQ and back: scheduling, replays, redelivery, the dashboard', () => {
  let t: TestApp;
  let bus: CommandBus;
  let store: EventStore;
  beforeAll(async () => {
    t = await startTestApp();
    bus = t.app.get(CommandBus);
    store = t.app.get(EVENT_STORE);
  });
  afterAll(async () => t?.close());

  const lateEvents = async (orderId: string) =>
    (await store.readStream(`order-${orderId}`)).filter((e) => e.type === 'OrderDeliveryLate');

  it('an order whose deadline passes undelivered is marked late by the worker, on time', async () => {
    const order = await startedOrder(bus, {
      startedAt: new Date(Date.now() - DAY + 1_500),
      days: 1,
    });
    const { late, latenessMs } = await lateMarking(store, order, 15_000);
    expect(latenessMs).toBeGreaterThanOrEqual(0);
    expect(latenessMs).toBeLessThan(3_000);
    expect(late.metadata).toMatchObject({ actorRole: 'system' });

    const started = (await store.readStream(`order-${order.orderId}`)).find(
      (e) => e.type === 'OrderStarted',
    )!;
    const [job] = jobsFor(started, { autoCompleteAfterDays: 3 });
    const { rows } = await t.db.pool.query(
      'SELECT status, outcome FROM scheduled_jobs WHERE job_id = $1',
      [job.jobId],
    );
    expect(rows[0]).toMatchObject({
      status: 'completed',
      outcome: { result: 'done', detail: 'OrderDeliveryLate' },
    });
    const queue = t.app.get<Queue>(getQueueToken('deadlines'), { strict: false });
    expect(await (await queue.getJob(job.jobId))?.getState()).toBe('completed');
    // Every key lives under this run's prefix, so parallel runs never share jobs.
    expect(queue.opts.prefix).toBe(t.config.REDIS_PREFIX);

    // A replay of the causing event (a rebuilt checkpoint) schedules nothing again.
    await t.app.get(JobSchedulingReactor).handle(started);
    const again = await t.db.pool.query(
      'SELECT count(*)::int AS n, min(status) AS status FROM scheduled_jobs WHERE job_id = $1',
      [job.jobId],
    );
    expect(again.rows[0]).toEqual({ n: 1, status: 'completed' });
    await new Promise((r) => setTimeout(r, 500));
    expect(await lateEvents(order.orderId)).toHaveLength(1);
  });

  it('a job delivered twice to the processor appends its event once', async () => {
    const order = await startedOrder(bus, { startedAt: new Date(Date.now() - 2 * DAY), days: 1 });
    const started = (await store.readStream(`order-${order.orderId}`)).find(
      (e) => e.type === 'OrderStarted',
    )!;
    const [job] = jobsFor(started, { autoCompleteAfterDays: 3 });
    const delivery = {
      id: job.jobId,
      name: job.payload.kind,
      data: job.payload,
      opts: { attempts: 10 },
    } as unknown as Job<JobPayload>;
    const runner = t.app.get(JobRunner);
    const outcomes = await Promise.all([runner.process(delivery), runner.process(delivery)]);
    expect(outcomes.map((o) => o.result)).toEqual(['done', 'done']);
    await runner.process(delivery);
    await t.settle();
    await new Promise((r) => setTimeout(r, 500));
    expect(await lateEvents(order.orderId)).toHaveLength(1);
  });

  it('the queue dashboard at /admin/queues is for staff; only admins may act on jobs', async () => {
    const admin = await t.tokenFor({ roles: ['admin'] });
    const finance = await t.tokenFor({ roles: ['finance'] });
    const provider = await t.tokenFor({ roles: ['provider'] });
    const list = await t.request('GET', '/admin/queues/api/queues', { token: finance });
    expect(list.status).toBe(200);
    expect(list.body.queues.map((q: { name: string }) => q.name).sort()).toEqual([
      'deadlines',
      'digests',
      'gateway-webhooks',
      'payouts',
      'reminders',
      'renewals',
    ]);
    expect(
      (await t.request('GET', '/admin/queues', { token: admin })).headers['content-type'],
    ).toContain('text/html');
    expect((await t.request('GET', '/admin/queues/api/queues')).status).toBe(401);
    expect((await t.request('GET', '/admin/queues/api/queues', { token: provider })).status).toBe(
      403,
    );
    expect(
      (
        await t.request('PUT', '/admin/queues/api/queues/deadlines/retry/failed', {
          token: finance,
        })
      ).status,
    ).toBe(403);
    expect(
      (await t.request('PUT', '/admin/queues/api/queues/deadlines/retry/failed', { token: admin }))
        .status,
    ).toBe(200);
    const session = await t.request('POST', '/admin/queues/session', { token: finance });
    expect(session.status).toBe(204);
    const cookie = String(session.headers['set-cookie']).split(';')[0];
    expect(
      (await t.request('GET', '/admin/queues/api/queues', { headers: { cookie } })).status,
    ).toBe(200);
  });
});
