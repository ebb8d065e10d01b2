import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { RecordedEvent } from '../../../application/shared/event-store.port';
import { createTestDatabase, TestDatabase } from '../../../../test/support/database';
import { PostgresEventStore } from './postgres-event-store';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe('the LISTEN connection of the Postgres store', () => {
  let db: TestDatabase;
  let readerPool: Pool;
  let writerPool: Pool;
  let reader: PostgresEventStore;
  let writer: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('mk_listen');
    readerPool = new Pool({ connectionString: db.url, max: 2 });
    writerPool = new Pool({ connectionString: db.url, max: 2 });
    // As in production, a terminated idle client is the pool's to drop (the database drop at the end terminates them).
    for (const pool of [readerPool, writerPool]) pool.on('error', () => undefined);
    // So slow a poll that only a notification can deliver within the test.
    reader = new PostgresEventStore(readerPool, { connectionString: db.url, pollIntervalMs: 60_000 });
    writer = new PostgresEventStore(writerPool, { connectionString: db.url });
  });
  afterAll(async () => {
    await reader.close();
    await writer.close();
    await readerPool.end();
    await writerPool.end();
    await db.drop();
  });

  const listenerPid = () =>
    db.pool
      .query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN es_events'`,
      )
      .then(({ rows }) => rows[0]?.pid);

  it('is opened again after Postgres terminates it, so another process still wakes subscribers at once', async () => {
    const seen: RecordedEvent[] = [];
    const subscription = reader.subscribeToAll({ handle: async (events) => void seen.push(...events) });
    const append = async () => {
      const id = randomUUID();
      await writer.appendToStream(`probe-${id}`, [{ id, type: 'Probed', data: {} }]);
      return id;
    };
    const delivered = (id: string, timeoutMs: number) =>
      eventually(async () => seen.find((e) => e.id === id), timeoutMs, `event ${id} to be delivered`);

    const firstPid = await eventually(listenerPid, 5_000, 'the LISTEN connection');
    await delivered(await append(), 5_000);

    await db.pool.query('SELECT pg_terminate_backend($1)', [firstPid]);
    // Appended before the store has listened again: its notification is lost, the reconnection must make up for it.
    await delivered(await append(), 5_000);
    const secondPid = await eventually(listenerPid, 5_000, 'a new LISTEN connection');
    expect(secondPid).not.toBe(firstPid);
    await delivered(await append(), 5_000);
    await subscription.stop();
  });
});
