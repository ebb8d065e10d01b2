import { randomUUID } from 'node:crypto';
import { TestApp } from '../../../support/test-app';

/**
 * Writes gig events straight into the log table, as a store without up-front validation (or an
 * older release) once did: the projection cannot store a `createdAt` that is not a date (22007).
 */
export async function insertGigCreated(t: TestApp, gigs: { gigId: string; createdAt: string }[]) {
  const client = await t.db.pool.connect();
  try {
    await client.query('BEGIN');
    for (const g of gigs) {
      await client.query(
        `INSERT INTO es_events (stream_name, category, stream_revision, event_id, event_type, data, metadata)
         VALUES ($1, 'gig', 0, $2, 'GigCreated', $3, '{}')`,
        [
          `gig-${g.gigId}`,
          randomUUID(),
          {
            gigId: g.gigId,
            sellerId: randomUUID(),
            kind: 'catalog',
            createdAt: g.createdAt,
            details: {
              title: `Gig ${g.gigId.slice(0, 8)}`,
              description: 'A gig written straight into the log',
              category: 'design',
              keywords: ['logo'],
              priceCents: 12_000,
              vatCents: 2_000,
              deliveryDays: 3,
              extras: [],
            },
          },
        ],
      );
    }
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  const { rows } = await t.db.pool.query<{ event_id: string; commit: string; prepare: string }>(
    `SELECT event_id, transaction_id::text AS commit, global_position::text AS prepare
       FROM es_events WHERE stream_name = ANY($1::text[]) ORDER BY global_position`,
    [gigs.map((g) => `gig-${g.gigId}`)],
  );
  return rows;
}
