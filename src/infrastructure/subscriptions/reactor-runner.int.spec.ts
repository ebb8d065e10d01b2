import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '../../application/shared/event-store.port';
import { Reactor } from '../../application/shared/reactor';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { BusinessRuleError, ConcurrencyError } from '../../domain/shared/domain-error';
import { AppConfig } from '../config/config';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { ReactorRunner } from './reactor-runner';

const FAST_RETRY = { firstDelayMs: 1, maxDelayMs: 5 };

describe('ReactorRunner', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let runner: ReactorRunner;

  beforeEach(async () => {
    db = await createTestDatabase('mk_reactor_runner');
    store = new PostgresEventStore(db.pool, { connectionString: db.url, pollIntervalMs: 100 });
    runner = newRunner();
  });
  const newRunner = () =>
    new ReactorRunner(store, db.pool, { PROCESS_ROLES: ['workers'] } as AppConfig, FAST_RETRY);
  afterEach(async () => {
    await runner.beforeApplicationShutdown();
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

  it('falls back to one event at a time when the batch keeps failing, dead-lettering only the event the domain refuses', async () => {
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
    expect(runner.status()[0]).toMatchObject({ handled: 3, deadLettered: 1 });
  });

  it('never skips an event for a transient failure: it retries long past any fixed count, and later events wait', async () => {
    const category = `tick${randomUUID().slice(0, 8)}`;
    await appendTicks(category, 3);
    const handled: number[] = [];
    let failures = 25;
    let sawWaiting: unknown = null;
    runner.register({
      name: `outage-${category}`,
      filter: { categories: [category] },
      async handle(event) {
        const { i } = event.data as { i: number };
        if (i === 1 && failures-- > 0) {
          if (failures === 5) sawWaiting = runner.status()[0];
          throw new Error('connection terminated unexpectedly');
        }
        handled.push(i);
      },
    });
    await runner.onApplicationBootstrap();
    await runner.settle();

    expect(handled).toEqual([0, 1, 2]);
    expect(sawWaiting).toMatchObject({
      handled: 1,
      lastError: 'Error: connection terminated unexpectedly',
      failingSince: expect.any(String),
      attempts: 19,
    });
    expect(runner.status()[0]).toMatchObject({
      handled: 3,
      lastError: null,
      failingSince: null,
      attempts: 0,
    });
    expect(await runner.deadLetters()).toEqual([]);
  });

  it('retries a command that lost a concurrency race instead of dead-lettering it', async () => {
    const category = `tick${randomUUID().slice(0, 8)}`;
    await appendTicks(category, 1);
    let races = 12;
    const credited: number[] = [];
    runner.register({
      name: `race-${category}`,
      filter: { categories: [category] },
      async handle(event) {
        if (races-- > 0)
          throw new ConcurrencyError(
            'CONCURRENT_MODIFICATION',
            'wallet-1 was modified concurrently',
          );
        credited.push((event.data as { i: number }).i);
      },
    });
    await runner.onApplicationBootstrap();
    await runner.settle();

    expect(credited).toEqual([0]);
    expect(await runner.deadLetters()).toEqual([]);
  });

  it('keeps each refused event as a dead letter with its code and position, once even if delivered again', async () => {
    const category = `tick${randomUUID().slice(0, 8)}`;
    const stream = `${category}-${randomUUID()}`;
    const eventId = randomUUID();
    const appended = await store.appendToStream(stream, [
      { id: eventId, type: 'Ticked', data: { i: 0 } },
    ]);
    const name = `refusing-${category}`;
    const refusing = (r: ReactorRunner) =>
      r.register({
        name,
        filter: { categories: [category] },
        handle: () =>
          Promise.reject(new BusinessRuleError('WALLET_CLOSED', 'The wallet is closed')),
      });
    refusing(runner);
    await runner.onApplicationBootstrap();
    await runner.settle();
    // Delivered again (as after a crash before the checkpoint): still one dead letter.
    await db.pool.query('DELETE FROM subscription_checkpoints WHERE name = $1', [name]);
    await runner.beforeApplicationShutdown();
    runner = newRunner();
    refusing(runner);
    await runner.onApplicationBootstrap();
    await runner.settle();

    expect(await runner.deadLetters()).toEqual([
      {
        reactor: name,
        eventId,
        eventType: 'Ticked',
        streamName: stream,
        position: {
          commit: appended.position.commit.toString(),
          prepare: appended.position.prepare.toString(),
        },
        errorCode: 'WALLET_CLOSED',
        errorMessage: 'The wallet is closed',
        recordedAt: expect.any(String),
      },
    ]);
    expect(runner.status()[0]).toMatchObject({ handled: 1, deadLettered: 1 });
  });

  it('stops promptly during an outage without checkpointing, so the next start delivers the event', async () => {
    const category = `tick${randomUUID().slice(0, 8)}`;
    await appendTicks(category, 1);
    const name = `restart-${category}`;
    let attempts = 0;
    runner.register({
      name,
      filter: { categories: [category] },
      handle: async () => {
        attempts++;
        throw new Error('connection refused');
      },
    });
    await runner.onApplicationBootstrap();
    while (attempts < 3) await new Promise((r) => setTimeout(r, 5));
    await runner.beforeApplicationShutdown();
    const attemptsAtStop = attempts;
    await new Promise((r) => setTimeout(r, 50));
    expect(attempts).toBe(attemptsAtStop);

    runner = newRunner();
    const handled: number[] = [];
    runner.register({
      name,
      filter: { categories: [category] },
      handle: async (event) => {
        handled.push((event.data as { i: number }).i);
      },
    });
    await runner.onApplicationBootstrap();
    await runner.settle();
    expect(handled).toEqual([0]);
  });
});
