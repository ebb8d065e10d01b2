import { LogPosition, START_POSITION } from '../../application/shared/event-store.port';
import { Projection, PROJECTION_NAME } from './projection';

/** Anything that runs SQL and returns rows: a pg client (wrapped) or a TypeORM query runner. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<any[]>;
}

export function pgRunner(client: {
  query(sql: string, params?: unknown[]): Promise<{ rows: any[] }>;
}): SqlRunner {
  return { query: async (sql, params) => (await client.query(sql, params)).rows };
}

/** Bookkeeping of the runner; the read-model migration creates them. */
export const CORE_TABLES_DDL = [
  `CREATE TABLE projection_checkpoints (
     name           text PRIMARY KEY,
     version        integer     NOT NULL,
     generation     integer     NOT NULL,
     schema_name    text        NOT NULL,
     commit         text        NOT NULL DEFAULT '0',
     prepare        bigint      NOT NULL DEFAULT 0,
     events_applied bigint      NOT NULL DEFAULT 0,
     last_event_at  timestamptz,
     updated_at     timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE projection_generations (
     name         text        NOT NULL,
     generation   integer     NOT NULL,
     version      integer     NOT NULL,
     schema_name  text        NOT NULL,
     status       text        NOT NULL CHECK (status IN ('building', 'active', 'retired')),
     created_at   timestamptz NOT NULL DEFAULT now(),
     activated_at timestamptz,
     PRIMARY KEY (name, generation)
   )`,
];

/** `rm_<name>_v<version>_<generation>`: a version change or a rebuild never reuses tables. */
export function schemaName(
  projection: Pick<Projection, 'name' | 'version'>,
  generation: number,
): string {
  if (!PROJECTION_NAME.test(projection.name))
    throw new Error(`Invalid projection name: ${projection.name}`);
  if (!Number.isSafeInteger(projection.version) || projection.version < 1)
    throw new Error(`Invalid version of ${projection.name}`);
  return `rm_${projection.name}_v${projection.version}_${generation}`;
}

/** Runs statements with `search_path` set to the schema (inside a transaction), then restores it. */
async function inSchema(
  sql: SqlRunner,
  schema: string,
  statements: readonly string[],
): Promise<void> {
  const [{ search_path: previous }] = await sql.query('SHOW search_path');
  await sql.query(`SELECT set_config('search_path', $1, true)`, [schema]);
  for (const statement of statements) await sql.query(statement);
  await sql.query(`SELECT set_config('search_path', $1, true)`, [previous]);
}

/**
 * Must run inside a transaction. `bulk` is for a rebuild: tables start unlogged and without
 * secondary indexes, and `finishBulkLoad` makes them durable and indexed before the swap.
 */
export async function createGenerationTables(
  sql: SqlRunner,
  projection: Projection,
  schema: string,
  bulk = false,
): Promise<void> {
  await sql.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await sql.query(`CREATE SCHEMA ${schema}`);
  const tables = projection.tables.flatMap((t) => t.ddl);
  const indexes = projection.tables.flatMap((t) => t.indexes ?? []);
  const unlogged = projection.tables.map((t) => `ALTER TABLE ${t.name} SET UNLOGGED`);
  await inSchema(sql, schema, bulk ? [...tables, ...unlogged] : [...tables, ...indexes]);
}

/** WAL-logs each table in one pass and builds its indexes on the loaded rows. */
export async function finishBulkLoad(
  sql: SqlRunner,
  projection: Projection,
  schema: string,
): Promise<void> {
  await inSchema(sql, schema, [
    ...projection.tables.map((t) => `ALTER TABLE ${t.name} SET LOGGED`),
    ...projection.tables.flatMap((t) => t.indexes ?? []),
    ...projection.tables.map((t) => `ANALYZE ${t.name}`),
  ]);
}

/** Readers only ever name the public views; re-pointing them all in one transaction is the swap. */
export async function pointViews(
  sql: SqlRunner,
  projection: Projection,
  schema: string,
): Promise<void> {
  for (const table of projection.tables) {
    if (!table.view) continue;
    await sql.query(`DROP VIEW IF EXISTS public.${table.view}`);
    await sql.query(`CREATE VIEW public.${table.view} AS SELECT * FROM ${schema}.${table.name}`);
  }
}

export async function saveActiveCheckpoint(
  sql: SqlRunner,
  projection: Projection,
  generation: number,
  schema: string,
  position: LogPosition,
  eventsApplied: number,
  lastEventAt: Date | null,
): Promise<void> {
  await sql.query(
    `INSERT INTO public.projection_checkpoints AS c (name, version, generation, schema_name, commit, prepare, events_applied, last_event_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (name) DO UPDATE SET version = excluded.version, generation = excluded.generation,
       schema_name = excluded.schema_name, commit = excluded.commit, prepare = excluded.prepare,
       events_applied = excluded.events_applied, last_event_at = excluded.last_event_at, updated_at = now()`,
    [
      projection.name,
      projection.version,
      generation,
      schema,
      position.commit.toString(),
      position.prepare.toString(),
      eventsApplied,
      lastEventAt,
    ],
  );
}

/** Generation 1 of a projection, active from the start of the log; used by the migration. */
export async function installProjection(sql: SqlRunner, projection: Projection): Promise<void> {
  const schema = schemaName(projection, 1);
  await createGenerationTables(sql, projection, schema);
  await sql.query(
    `INSERT INTO public.projection_generations (name, generation, version, schema_name, status, activated_at)
     VALUES ($1, 1, $2, $3, 'active', now())`,
    [projection.name, projection.version, schema],
  );
  await pointViews(sql, projection, schema);
  await saveActiveCheckpoint(sql, projection, 1, schema, START_POSITION, 0, null);
}

export async function uninstallProjection(sql: SqlRunner, projection: Projection): Promise<void> {
  for (const table of projection.tables)
    if (table.view) await sql.query(`DROP VIEW IF EXISTS public.${table.view}`);
  const rows = await sql.query(
    'SELECT schema_name FROM public.projection_generations WHERE name = $1',
    [projection.name],
  );
  for (const { schema_name } of rows)
    await sql.query(`DROP SCHEMA IF EXISTS ${schema_name} CASCADE`);
  await sql.query('DELETE FROM public.projection_generations WHERE name = $1', [projection.name]);
  await sql.query('DELETE FROM public.projection_checkpoints WHERE name = $1', [projection.name]);
}
