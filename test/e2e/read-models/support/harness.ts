import { Pool } from 'pg';
import { EventStore } from '../../../../src/application/shared/event-store.port';
import { PostgresEventStore } from '../../../../src/infrastructure/event-store/postgres/postgres-event-store';
import { allProjections } from '../../../../src/projections/all-projections';
import { Projection } from '../../../../src/projections/runner/projection';
import {
  ProjectionRunner,
  RunnerOptions,
} from '../../../../src/projections/runner/projection-runner';
import { createTestDatabase, TestDatabase } from '../../../support/database';

export interface Harness {
  db: TestDatabase;
  /** Small on purpose: the test server is shared by every suite running at the same time. */
  pool: Pool;
  store: PostgresEventStore;
  projections: Projection[];
  runner(options?: RunnerOptions): ProjectionRunner;
  close(): Promise<void>;
}

/** A fresh migrated database with the Postgres event store and every projection. */
export async function startHarness(): Promise<Harness> {
  const db = await createTestDatabase('mk_rm');
  db.pool.on('error', () => undefined);
  const pool = new Pool({ connectionString: db.url, max: 10 });
  pool.on('error', () => undefined);
  const store = new PostgresEventStore(pool, { connectionString: db.url, pollIntervalMs: 100 });
  const runners: ProjectionRunner[] = [];
  return {
    db,
    pool,
    store,
    projections: allProjections(),
    runner(options = {}) {
      const r = new ProjectionRunner(store, pool, allProjections(), { batchSize: 200, ...options });
      runners.push(r);
      return r;
    },
    async close() {
      for (const r of runners) await r.stop();
      await store.close();
      await pool.end();
      await db.drop();
    },
  };
}

/** Every row of every table of every projection's active generation, sorted, as JSON text. */
export async function snapshotProjections(
  pool: Pool,
  projections: readonly Projection[],
): Promise<Record<string, string[]>> {
  const { rows } = await pool.query<{ name: string; schema_name: string }>(
    'SELECT name, schema_name FROM projection_checkpoints',
  );
  const schemas = new Map(rows.map((r) => [r.name, r.schema_name]));
  const out: Record<string, string[]> = {};
  for (const p of projections) {
    for (const t of p.tables) {
      const res = await pool.query<{ r: string }>(
        `SELECT to_jsonb(x)::text AS r FROM ${schemas.get(p.name)}.${t.name} x`,
      );
      out[`${p.name}.${t.name}`] = res.rows.map((r) => r.r).sort();
    }
  }
  return out;
}

export async function positionOfEvents(store: EventStore): Promise<number> {
  return (await store.readAll({ maxCount: 1_000_000 })).length;
}
