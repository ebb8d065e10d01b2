import { randomUUID } from 'node:crypto';
import {
  AppendResult,
  EventToAppend,
  IdempotencyConflictError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '../../src/application/shared/event-store.port';
import { PostgresEventStore } from '../../src/infrastructure/event-store/postgres/postgres-event-store';
import { createTestDatabase, TestDatabase } from '../support/database';

const ev = (type = 'Thing', id: string = randomUUID()): EventToAppend => ({
  id,
  type,
  data: { type },
  metadata: {},
});
const stream = () => `gc-${randomUUID()}`;

/** The names of the statements the store sent, in order. */
function recordStatements(db: TestDatabase): string[] {
  const names: string[] = [];
  const query = db.pool.query.bind(db.pool);
  jest.spyOn(db.pool, 'query').mockImplementation(((config: unknown, values?: unknown) => {
    if (typeof config === 'object' && config !== null && 'name' in config)
      names.push(String((config as { name: string }).name));
    return query(config as never, values as never);
  }) as never);
  return names;
}

describe('Postgres event store: group commit of concurrent appends', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('mk_es_group');
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await store?.close();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('sends appends that queue behind the one in flight as a single batch', async () => {
    store = new PostgresEventStore(db.pool, { connectionString: db.url, maxConcurrentAppends: 1 });
    const names = recordStatements(db);
    const streams = Array.from({ length: 10 }, stream);
    const results = await Promise.all(
      streams.map((s) => store.appendToStream(s, [ev(), ev()], { expectedRevision: 'no_stream' })),
    );

    expect(names).toEqual(['es_append', 'es_append_batch']);
    expect(results.map((r) => r.nextExpectedRevision)).toEqual(streams.map(() => 1n));
    // The nine batched appends share one transaction, the first has its own.
    expect(new Set(results.slice(1).map((r) => r.position.commit)).size).toBe(1);
    for (const s of streams) expect(await store.readStream(s)).toHaveLength(2);
  });

  it('sends large appends at once, side by side, never in a batch', async () => {
    store = new PostgresEventStore(db.pool, { connectionString: db.url, maxConcurrentAppends: 1 });
    const names = recordStatements(db);
    const big = () => Array.from({ length: 16 }, () => ev());
    const streams = Array.from({ length: 4 }, stream);
    await Promise.all(streams.map((s) => store.appendToStream(s, big())));
    expect(names).toEqual(['es_append', 'es_append', 'es_append', 'es_append']);
    for (const s of streams) expect(await store.readStream(s)).toHaveLength(16);
  });

  it('gives each append in a batch the outcome it would have had alone, and writes only the successes', async () => {
    store = new PostgresEventStore(db.pool, { connectionString: db.url, maxConcurrentAppends: 1 });
    const [a, b, c, d, e, blocker] = Array.from({ length: 6 }, stream);
    await store.appendToStream(a, [ev()]);
    await store.appendToStream(b, [ev(), ev()]);
    const written = ev('Written');
    await store.appendToStream(c, [written]);

    const names = recordStatements(db);
    const outcomes = await Promise.allSettled<AppendResult>([
      store.appendToStream(blocker, [ev()]),
      store.appendToStream(a, [ev('A1')], { expectedRevision: 0n }),
      store.appendToStream(b, [ev('Lost')], { expectedRevision: 5n }),
      store.appendToStream(c, [written], { expectedRevision: 'no_stream' }),
      store.appendToStream(d, [ev('Thief', written.id)]),
      store.appendToStream(e, [ev('New')], { expectedRevision: 'no_stream' }),
      store.appendToStream(a, [ev('A1 again')], { expectedRevision: 0n }),
    ]);

    // The blocker may still hold the only slot or leave with the others: one batch either way.
    expect(names.filter((n) => n === 'es_append_batch')).toHaveLength(1);
    expect(names.length).toBeLessThanOrEqual(2);
    const [, okA, wrongB, replayC, stolenD, okE, raceA] = outcomes;
    expect(okA).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1n } });
    expect(wrongB).toMatchObject({ status: 'rejected' });
    expect((wrongB as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
    expect((wrongB as PromiseRejectedResult).reason.actual).toBe(1n);
    // A retry of what is already written succeeds without writing it twice.
    expect(replayC).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 0n } });
    expect((stolenD as PromiseRejectedResult).reason).toBeInstanceOf(IdempotencyConflictError);
    expect(okE).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 0n } });
    // Two appends on one stream in one batch keep their queue order: the first wins.
    expect((raceA as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
    expect((raceA as PromiseRejectedResult).reason.actual).toBe(1n);

    expect((await store.readStream(a)).map((x) => x.type)).toEqual(['Thing', 'A1']);
    expect(await store.readStream(b)).toHaveLength(2);
    expect(await store.readStream(c)).toHaveLength(1);
    await expect(store.readStream(d)).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it('falls back to single appends when a batch fails as a whole', async () => {
    store = new PostgresEventStore(db.pool, { connectionString: db.url, maxConcurrentAppends: 1 });
    const query = db.pool.query.bind(db.pool);
    let failed = 0;
    jest.spyOn(db.pool, 'query').mockImplementation(((config: unknown, values?: unknown) => {
      if (
        typeof config === 'object' &&
        config !== null &&
        (config as { name?: string }).name === 'es_append_batch'
      ) {
        failed++;
        return Promise.reject(Object.assign(new Error('deadlock detected'), { code: '40P01' }));
      }
      return query(config as never, values as never);
    }) as never);
    const streams = Array.from({ length: 5 }, stream);
    await Promise.all(
      streams.map((s) => store.appendToStream(s, [ev()], { expectedRevision: 'no_stream' })),
    );
    expect(failed).toBe(1);
    for (const s of streams) expect(await store.readStream(s)).toHaveLength(1);
  });

  it('never deadlocks when two processes batch the same streams in opposite orders', async () => {
    store = new PostgresEventStore(db.pool, { connectionString: db.url, maxConcurrentAppends: 1 });
    const other = new PostgresEventStore(db.pool, {
      connectionString: db.url,
      maxConcurrentAppends: 1,
    });
    const streams = Array.from({ length: 8 }, stream);
    const failures: unknown[] = [];
    const names = recordStatements(db);
    for (let round = 0; round < 15; round++) {
      const forwards = streams.map((s) => store.appendToStream(s, [ev()]));
      const backwards = [...streams].reverse().map((s) => other.appendToStream(s, [ev()]));
      for (const outcome of await Promise.allSettled([...forwards, ...backwards])) {
        if (outcome.status === 'rejected') failures.push(outcome.reason);
      }
    }
    await other.close();
    expect(failures).toEqual([]);
    expect(names.filter((n) => n === 'es_append_batch').length).toBeGreaterThanOrEqual(15);
    for (const s of streams) expect(await store.readStream(s)).toHaveLength(30);
  });
});
