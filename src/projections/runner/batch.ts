import { PoolClient } from 'pg';
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

/** Locks the projection's checkpoint row for the rest of the transaction; null when not installed. */
export async function lockCheckpoint(
  tx: PoolClient,
  name: string,
): Promise<StoredCheckpoint | null> {
  const { rows } = await tx.query<{
    version: number;
    generation: number;
    schema_name: string;
    commit: string;
    prepare: string;
  }>(
    'SELECT version, generation, schema_name, commit, prepare FROM public.projection_checkpoints WHERE name = $1 FOR UPDATE',
    [name],
  );
  if (rows.length === 0) return null;
  const r = rows[0];
  return {
    version: r.version,
    generation: r.generation,
    schema: r.schema_name,
    position: { commit: BigInt(r.commit), prepare: BigInt(r.prepare) },
  };
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
  await tx.query(`SELECT set_config('search_path', $1, true)`, [schema]);
  await projection.handle(events, tx, session);
  await tx.query(`SELECT set_config('search_path', 'public', true)`);
}

export async function advanceCheckpoint(
  tx: PoolClient,
  name: string,
  position: LogPosition,
  applied: RecordedEvent[],
): Promise<void> {
  const lastEventAt = applied.length ? applied[applied.length - 1].recordedAt : null;
  await tx.query(
    `UPDATE public.projection_checkpoints
        SET commit = $2, prepare = $3, events_applied = events_applied + $4,
            last_event_at = coalesce($5, last_event_at), updated_at = now()
      WHERE name = $1`,
    [name, position.commit.toString(), position.prepare.toString(), applied.length, lastEventAt],
  );
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
