import { Pool, PoolClient } from 'pg';
import {
  EventStore,
  LogPosition,
  RecordedEvent,
  START_POSITION,
} from '../../application/shared/event-store.port';
import { applyEvents, filterFor, inTransaction, lockCheckpoint } from './batch';
import {
  createGenerationTables,
  finishBulkLoad,
  pgRunner,
  pointViews,
  saveActiveCheckpoint,
  schemaName,
} from './generations';
import { LogReader, portReader } from './bulk-log-reader';
import { newSession, Projection, ProjectionSession } from './projection';

export interface RebuildProgress {
  /** Events of the log read so far (each is read once, whatever the number of projections). */
  done: number;
  /** Events to read when the rebuild started, when the store can count them. */
  total: number | null;
  startedAt: number;
  phase: 'catching_up' | 'swapping' | 'done';
}

export interface RebuildOptions {
  batchSize?: number;
  /** How to read the log; the port by default, `bulkPostgresReader` when the log is the Postgres one. */
  reader?: LogReader;
  onProgress?(progress: RebuildProgress): void;
}

export interface RebuildResult {
  name: string;
  generation: number;
  schema: string;
  eventsApplied: number;
  position: LogPosition;
}

export class RebuildAlreadyRunningError extends Error {
  readonly code = 'REBUILD_ALREADY_RUNNING';
  constructor(readonly projection: string) {
    super(`A rebuild of ${projection} is already running`);
  }
}

interface Target {
  projection: Projection;
  handled: Set<string>;
  generation: number;
  schema: string;
  applied: number;
  lastEventAt: Date | null;
  session: ProjectionSession;
}

/**
 * Rebuilds projections into fresh generation tables while the live ones keep serving:
 * one reader goes through the log once, every projection applies its share in its own
 * transactions (asynchronous commit: a crash before the swap discards the generation
 * anyway), then each swap locks the live checkpoint, applies what arrived meanwhile and
 * re-points the views in one transaction.
 */
export async function rebuildProjections(
  store: EventStore,
  pool: Pool,
  projections: readonly Projection[],
  options: RebuildOptions = {},
): Promise<RebuildResult[]> {
  const batchSize = options.batchSize ?? 25_000;
  const lockClient = await pool.connect();
  const locked: string[] = [];
  try {
    for (const p of projections) {
      const { rows } = await lockClient.query<{ ok: boolean }>(
        `SELECT pg_try_advisory_lock(hashtext('projection-rebuild'), hashtext($1)) AS ok`,
        [p.name],
      );
      if (!rows[0].ok) throw new RebuildAlreadyRunningError(p.name);
      locked.push(p.name);
    }
    const targets = await Promise.all(projections.map((p) => prepareGeneration(pool, p)));
    const reader = options.reader ?? portReader(store);
    const types = filterFor(projections).eventTypePrefixes ?? [];
    const progress: RebuildProgress = {
      done: 0,
      total: reader.count ? await reader.count(types) : null,
      startedAt: Date.now(),
      phase: 'catching_up',
    };
    options.onProgress?.(progress);
    let position = START_POSITION;
    let next = reader.read(position, batchSize, types);
    for (;;) {
      const events = await next;
      if (events.length === 0) break;
      position = events[events.length - 1].position;
      const more = events.length === batchSize;
      if (more) next = reader.read(position, batchSize, types);
      await Promise.all(targets.map((t) => withClient(pool, (c) => applyToBuilding(c, t, events))));
      progress.done += events.length;
      options.onProgress?.(progress);
      if (!more) break;
    }
    progress.phase = 'swapping';
    options.onProgress?.(progress);
    await Promise.all(
      targets.map((t) =>
        withClient(pool, (c) =>
          inTransaction(c, () => finishBulkLoad(pgRunner(c), t.projection, t.schema)),
        ),
      ),
    );
    const results: RebuildResult[] = [];
    for (const t of targets) results.push(await swap(reader, pool, t, position, batchSize));
    progress.phase = 'done';
    options.onProgress?.(progress);
    return results;
  } finally {
    for (const name of locked) {
      await lockClient
        .query(`SELECT pg_advisory_unlock(hashtext('projection-rebuild'), hashtext($1))`, [name])
        .catch(() => undefined);
    }
    lockClient.release();
  }
}

async function withClient<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}

async function prepareGeneration(pool: Pool, projection: Projection): Promise<Target> {
  return withClient(pool, (c) =>
    inTransaction(c, async () => {
      const { rows } = await c.query<{ g: number | null }>(
        'SELECT max(generation) AS g FROM public.projection_generations WHERE name = $1',
        [projection.name],
      );
      const generation = (rows[0].g ?? 0) + 1;
      const schema = schemaName(projection, generation);
      await createGenerationTables(pgRunner(c), projection, schema, true);
      await c.query(
        `INSERT INTO public.projection_generations (name, generation, version, schema_name, status) VALUES ($1, $2, $3, $4, 'building')`,
        [projection.name, generation, projection.version, schema],
      );
      return {
        projection,
        handled: new Set(projection.handles),
        generation,
        schema,
        applied: 0,
        lastEventAt: null,
        session: newSession(),
      };
    }),
  );
}

async function applyToBuilding(
  client: PoolClient,
  target: Target,
  events: RecordedEvent[],
): Promise<void> {
  const mine = events.filter((e) => target.handled.has(e.type));
  if (mine.length === 0) return;
  await inTransaction(client, async () => {
    await client.query('SET LOCAL synchronous_commit TO off');
    await applyEvents(client, target.projection, target.schema, mine, target.session);
  });
  target.applied += mine.length;
  target.lastEventAt = mine[mine.length - 1].recordedAt;
}

async function swap(
  reader: LogReader,
  pool: Pool,
  target: Target,
  from: LogPosition,
  batchSize: number,
): Promise<RebuildResult> {
  const { projection } = target;
  let position = from;
  const retired = await withClient(pool, (c) =>
    inTransaction(c, async () => {
      // The live runner locks this row at the start of each batch, so it cannot write while we swap.
      await lockCheckpoint(c, projection.name);
      for (;;) {
        const events = await reader.read(position, batchSize, projection.handles);
        if (events.length === 0) break;
        const mine = events.filter((e) => target.handled.has(e.type));
        await applyEvents(c, projection, target.schema, mine, target.session);
        target.applied += mine.length;
        if (mine.length) target.lastEventAt = mine[mine.length - 1].recordedAt;
        position = events[events.length - 1].position;
      }
      const sql = pgRunner(c);
      await pointViews(sql, projection, target.schema);
      await saveActiveCheckpoint(
        sql,
        projection,
        target.generation,
        target.schema,
        position,
        target.applied,
        target.lastEventAt,
      );
      const old = await c.query<{ schema_name: string }>(
        `UPDATE public.projection_generations SET status = 'retired'
          WHERE name = $1 AND generation <> $2 AND status <> 'retired' RETURNING schema_name`,
        [projection.name, target.generation],
      );
      await c.query(
        `UPDATE public.projection_generations SET status = 'active', activated_at = now() WHERE name = $1 AND generation = $2`,
        [projection.name, target.generation],
      );
      return old.rows.map((r) => r.schema_name);
    }),
  );
  // Readers already follow the new views; the old tables go once their last queries end.
  for (const schema of retired) await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  return {
    name: projection.name,
    generation: target.generation,
    schema: target.schema,
    eventsApplied: target.applied,
    position,
  };
}
