import { CommandBus } from '@nestjs/cqrs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { freePort, OwnRedis } from '../../support/own-redis';
import { startTestApp, TestApp } from '../../support/test-app';
import { eventually, startedOrder } from './support/helpers';

jest.setTimeout(120_000);

const DAY = 86_400_000;

describe('a Redis restart in the middle of a run', () => {
  let redis: OwnRedis;
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mk-redis-'));
    redis = new OwnRedis(await freePort(), dir);
    await redis.start();
    t = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${redis.port}` });
  });
  afterAll(async () => {
    await t?.close().catch(() => undefined);
    await redis?.kill9();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses no scheduled deadline: every one fires after Redis is killed (-9) and restarted', async () => {
    const bus = t.app.get(CommandBus);
    const store = t.app.get<EventStore>(EVENT_STORE);
    const dueIn = (ms: number) => new Date(Date.now() - DAY + ms);
    const orders = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        startedOrder(bus, { startedAt: dueIn(6_000 + i * 100), days: 1 }),
      ),
    );
    await eventually(
      async () => {
        const { rows } = await t.db.pool.query(
          `SELECT count(*)::int AS n FROM scheduled_jobs WHERE kind = 'order.delivery-deadline'`,
        );
        return rows[0].n === orders.length;
      },
      10_000,
      'the deadlines to be scheduled',
    );

    // Killed at once: whatever Redis had not yet written to its append-only file is gone.
    await redis.kill9();
    await new Promise((r) => setTimeout(r, 1_500));
    await redis.start();

    for (const order of orders) {
      await eventually(
        async () =>
          (await store.readStream(`order-${order.orderId}`)).some(
            (e) => e.type === 'OrderDeliveryLate',
          ),
        30_000,
        `order ${order.orderId} to be late`,
      );
    }
    // The ledger learns each outcome just after the event is appended.
    await eventually(
      async () => {
        const { rows } = await t.db.pool.query(
          `SELECT status, count(*)::int AS n FROM scheduled_jobs WHERE kind = 'order.delivery-deadline' GROUP BY status`,
        );
        return rows.length === 1 && rows[0].status === 'completed' && rows[0].n === orders.length;
      },
      10_000,
      'the ledger to record every deadline as done',
    );
    for (const order of orders) {
      expect(
        (await store.readStream(`order-${order.orderId}`)).filter(
          (e) => e.type === 'OrderDeliveryLate',
        ),
      ).toHaveLength(1);
    }
  });

  it('even a Redis that comes back empty gets every pending deadline back from the ledger', async () => {
    const bus = t.app.get(CommandBus);
    const store = t.app.get<EventStore>(EVENT_STORE);
    const orders = await Promise.all(
      Array.from({ length: 5 }, () =>
        startedOrder(bus, { startedAt: new Date(Date.now() - DAY + 4_000), days: 1 }),
      ),
    );
    await eventually(
      async () => {
        const { rows } = await t.db.pool.query(
          `SELECT count(*)::int AS n FROM scheduled_jobs WHERE kind = 'order.delivery-deadline' AND status = 'scheduled'`,
        );
        return rows[0].n === orders.length;
      },
      10_000,
      'the deadlines to be scheduled',
    );
    await redis.kill9();
    rmSync(join(dir, 'appendonlydir'), { recursive: true, force: true });
    await redis.start();
    for (const order of orders) {
      await eventually(
        async () =>
          (await store.readStream(`order-${order.orderId}`)).some(
            (e) => e.type === 'OrderDeliveryLate',
          ),
        30_000,
        `order ${order.orderId} to be late`,
      );
    }
  });
});
