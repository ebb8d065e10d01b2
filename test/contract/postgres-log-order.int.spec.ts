import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '../../src/application/shared/event-store.port';
import { PostgresEventStore } from '../../src/infrastructure/event-store/postgres/postgres-event-store';
import { createTestDatabase, TestDatabase } from '../support/database';

describe('Postgres log order', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase('mk_es_order');
    store = new PostgresEventStore(db.pool, { connectionString: db.url });
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('pages $all in numeric transaction order across a power-of-ten boundary', async () => {
    // Transaction ids sort wrongly as text ('100000' < '99999'); place rows on both sides of one.
    for (const [i, xid] of [99_998, 99_999, 100_000, 100_001].entries()) {
      await db.pool.query(
        `INSERT INTO es_events (transaction_id, stream_name, category, stream_revision, event_id, event_type, data, metadata)
         VALUES ($1::text::xid8, 'old-1', 'old', $2, $3, 'Old', '{}', '{}')`,
        [String(xid), i, randomUUID()],
      );
    }
    const seen: RecordedEvent[] = [];
    for (let after = undefined as RecordedEvent['position'] | undefined; ; ) {
      const page = await store.readAll({ after, maxCount: 1, filter: { categories: ['old'] } });
      if (page.length === 0) break;
      seen.push(...page);
      after = page[0].position;
    }
    expect(seen.map((e) => e.position.commit)).toEqual([99_998n, 99_999n, 100_000n, 100_001n]);
  });
});
