import { PostgresEventStore } from '../../src/infrastructure/event-store/postgres/postgres-event-store';
import { createTestDatabase } from '../support/database';
import { describeEventStoreContract } from './event-store.contract';

describeEventStoreContract(
  'Postgres',
  async () => {
    const db = await createTestDatabase('mk_es_contract');
    const store = new PostgresEventStore(db.pool, {
      connectionString: db.url,
      pollIntervalMs: 200,
    });
    return {
      store,
      async cleanup() {
        await store.close();
        await db.drop();
      },
      async holdOpenAppend(stream, events) {
        const client = await db.pool.connect();
        await client.query('BEGIN');
        await store.appendInTransaction(client, stream, events);
        return {
          async commit() {
            await client.query('COMMIT');
            client.release();
          },
        };
      },
    };
  },
  { globallyUniqueEventIds: true, concurrentWriters: true },
);
