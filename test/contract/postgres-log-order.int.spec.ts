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
    // Transaction ids sort wrongly as text ('100' < '99'); place rows on both sides of a power of
    // ten below the cluster's next id, so they lie under the readers' horizon on any cluster.
    const { rows } = await db.pool.query<{ next: string }>(`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS next`);
    const boundary = powerOfTenBelow(BigInt(rows[0].next) - 2n);
    const xids = [boundary - 2n, boundary - 1n, boundary, boundary + 1n];
    for (const [i, xid] of xids.entries()) {
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
    expect(seen.map((e) => e.position.commit)).toEqual(xids);
  });
});

/** The largest power of ten not above `n` (n >= 10 on any cluster that has run initdb). */
function powerOfTenBelow(n: bigint): bigint {
  let p = 10n;
  while (p * 10n <= n) p *= 10n;
  return p;
}
