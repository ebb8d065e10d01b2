import { PoolClient, QueryResult } from 'pg';
import {
  LogPosition,
  RecordedEvent,
  SubscriptionFilter,
} from '../../application/shared/event-store.port';
import { Projection, ProjectionSession } from './projection';

/** Called inside a batch transaction after the rows and before the checkpoint: tests inject crashes here. */
export type BeforeCommitHook = (
  projection: string,
  events: RecordedEvent[],
  tx: PoolClient,
) => Promise<void> | void;

export interface StoredCheckpoint {
  version: number;
  generation: number;
  schema: string;
  position: LogPosition;
}

const LOCK_CHECKPOINT =
  'SELECT version, generation, schema_name, commit, prepare FROM public.projection_checkpoints WHERE name = $1 FOR UPDATE';

interface CheckpointRow {
  version: number;
  generation: number;
  schema_name: string;
  commit: string;
  prepare: string;
}

const toCheckpoint = (rows: CheckpointRow[]): StoredCheckpoint | null =>
  rows.length === 0
    ? null
    : {
        version: rows[0].version,
        generation: rows[0].generation,
        schema: rows[0].schema_name,
        position: { commit: BigInt(rows[0].commit), prepare: BigInt(rows[0].prepare) },
      };

/** Locks the projection's checkpoint row for the rest of the transaction; null when not installed. */
export async function lockCheckpoint(
  tx: PoolClient,
  name: string,
): Promise<StoredCheckpoint | null> {
  return toCheckpoint((await tx.query<CheckpointRow>(LOCK_CHECKPOINT, [name])).rows);
}

/**
 * BEGIN and the checkpoint lock in one round trip: a live batch is small and each statement
 * costs a round trip, so the simple protocol carries both (the name is quoted as a literal).
 */
export async function beginAndLockCheckpoint(
  tx: PoolClient,
  name: string,
): Promise<StoredCheckpoint | null> {
  const results = (await tx.query(
    `BEGIN; ${LOCK_CHECKPOINT.replace('$1', tx.escapeLiteral(name))}`,
  )) as unknown as QueryResult<CheckpointRow>[];
  return toCheckpoint(results[1].rows);
}

/**
 * The checkpoint's advance (when there is one) and COMMIT in one round trip. If the UPDATE
 * fails, the COMMIT after it is not run and the caller rolls back.
 */
export async function advanceCheckpointAndCommit(
  tx: PoolClient,
  name: string,
  advance: { position: LogPosition; applied: RecordedEvent[] } | null,
): Promise<void> {
  if (!advance) {
    await tx.query('COMMIT');
    return;
  }
  const { position, applied } = advance;
  const lastEventAt = applied.length
    ? tx.escapeLiteral(applied[applied.length - 1].recordedAt.toISOString())
    : 'NULL';
  await tx.query(
    `UPDATE public.projection_checkpoints
        SET commit = ${position.commit.toString()}, prepare = ${position.prepare.toString()},
            events_applied = events_applied + ${applied.length},
            last_event_at = coalesce(${lastEventAt}::timestamptz, last_event_at), updated_at = now()
      WHERE name = ${tx.escapeLiteral(name)};
     COMMIT`,
  );
}

/** Runs the projection's handler against one generation's tables (the caller owns the transaction). */
export async function applyEvents(
  tx: PoolClient,
  projection: Projection,
  schema: string,
  events: RecordedEvent[],
  session?: ProjectionSession,
): Promise<void> {
  if (events.length === 0) return;
  // Transaction-local: COMMIT ends it, and every statement after a handler names its schema.
  await tx.query(`SELECT set_config('search_path', $1, true)`, [schema]);
  await projection.handle(events, tx, session);
}

/** The subscription filter of a set of projections: their event types as exact prefixes. */
export function filterFor(projections: readonly Projection[]): SubscriptionFilter {
  return { eventTypePrefixes: [...new Set(projections.flatMap((p) => p.handles))].sort() };
}

export async function inTransaction<T>(client: PoolClient, fn: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await fn();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
