import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '../../application/shared/event-store.port';
import { Reactor } from '../../application/shared/reactor';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { AppConfig } from '../config/config';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { ReactorRunner } from './reactor-runner';

describe('ReactorRunner with batch handlers', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let runner: ReactorRunner;

  beforeEach(async () => {
    db = await createTestDatabase('mk_reactor_runner');
    store = new PostgresEventStore(db.pool, { connectionString: db.url, pollIntervalMs: 100 });
    runner = new ReactorRunner(store, db.pool, { PROCESS_ROLES: ['workers'] } as AppConfig);
  });
  afterEach(async () => {
    await runner.onApplicationShutdown();
    await store.close();
    await db.drop();
  });

  const appendTicks = async (category: string, n: number) => {
    for (let i = 0; i < n; i++) {
      await store.appendToStream(`${category}-${randomUUID()}`, [
        { id: randomUUID(), type: 'Ticked', data: { i } },
      ]);
    }
  };

  it('hands a whole batch to handleBatch in one call, retrying it whole after a transient failure', async () => {
    const category = `tick${randomUUID().slice(0, 8)}`;
    await appendTicks(category, 5);
    const batches: number[][] = [];
    let failures = 1;
    const reactor: Reactor = {
      name: `batching-${category}`,
      filter: { categories: [category] },
      handle: () => Promise.reject(new Error('not expected: batches succeed')),
      async handleBatch(events: RecordedEvent[]) {
        if (failures-- > 0) throw new Error('connection reset');
        batches.push(events.map((e) => (e.data as { i: number }).i));
      },
    };
    runner.register(reactor);
    await runner.onApplicationBootstrap();
    await runner.settle();

    expect(batches).toEqual([[0, 1, 2, 3, 4]]);
    expect(runner.status()).toEqual([expect.objectContaining({ handled: 5, lastError: null })]);
  });

  it('falls back to one event at a time when the batch keeps failing, skipping only the event the domain refuses', async () => {
    const category = `tick${randomUUID().slice(0, 8)}`;
    await appendTicks(category, 3);
    const handled: number[] = [];
    const reactor: Reactor = {
      name: `fallback-${category}`,
      filter: { categories: [category] },
      async handle(event) {
        const { i } = event.data as { i: number };
        if (i === 1) throw Object.assign(new Error('refused'), { family: 'conflict' });
        handled.push(i);
      },
      handleBatch: () =>
        Promise.reject(Object.assign(new Error('refused'), { family: 'conflict' })),
    };
    runner.register(reactor);
    await runner.onApplicationBootstrap();
    await runner.settle();

    expect(handled).toEqual([0, 2]);
    expect(runner.status()[0].handled).toBe(3);
  });
});
