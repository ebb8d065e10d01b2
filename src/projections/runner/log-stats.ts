import { Pool } from 'pg';
import { EventStore } from '../../application/shared/event-store.port';
import { filterFor } from './batch';
import { Projection } from './projection';

/** Counting further than this is pointless for an operator and slow on a big log. */
export const BEHIND_CAP = 100_000;
const PORT_BEHIND_CAP = 1_000;

export interface ProjectionStatus {
  name: string;
  version: number;
  /** False when the active generation was built by another code version: a rebuild is due. */
  current: boolean;
  generation: number | null;
  schema: string | null;
  position: { commit: string; prepare: string } | null;
  eventsApplied: number;
  /** Events of its types in the log after its checkpoint (at most `behindCap`). */
  behind: number;
  behindCap: number;
  /** Recorded time of the newest event it applied. */
  lastEventAt: string | null;
  /** Milliseconds since the newest event it applied was recorded. */
  lastEventAgeMs: number | null;
  /** How long the oldest event it has not applied yet has been waiting; 0 when caught up. */
  lagMs: number;
}

interface CheckpointRow {
  name: string;
  version: number;
  generation: number;
  schema_name: string;
  commit: string;
  prepare: string;
  events_applied: string;
  last_event_at: Date | null;
}

/**
 * Reads positions from the database, so a process that runs no projector still reports them.
 * `postgresLog`: the log is `es_events` in this database, counted through its index; otherwise
 * the port is asked for at most a thousand events.
 */
export async function readProjectionStatus(
  pool: Pool,
  store: EventStore,
  projections: readonly Projection[],
  postgresLog: boolean,
): Promise<ProjectionStatus[]> {
  const { rows } = await pool.query<CheckpointRow>(
    'SELECT * FROM public.projection_checkpoints WHERE name = ANY($1::text[])',
    [projections.map((p) => p.name)],
  );
  const byName = new Map(rows.map((r) => [r.name, r]));
  const now = Date.now();
  return Promise.all(
    projections.map(async (p): Promise<ProjectionStatus> => {
      const cp = byName.get(p.name);
      const { behind, oldest, cap } = await behindOf(pool, postgresLog ? null : store, p, cp);
      return {
        name: p.name,
        version: p.version,
        current: cp?.version === p.version,
        generation: cp?.generation ?? null,
        schema: cp?.schema_name ?? null,
        position: cp ? { commit: cp.commit, prepare: String(cp.prepare) } : null,
        eventsApplied: cp ? Number(cp.events_applied) : 0,
        behind,
        behindCap: cap,
        lastEventAt: cp?.last_event_at ? cp.last_event_at.toISOString() : null,
        lastEventAgeMs: cp?.last_event_at ? Math.max(0, now - cp.last_event_at.getTime()) : null,
        lagMs: oldest ? Math.max(0, now - oldest.getTime()) : 0,
      };
    }),
  );
}

async function behindOf(
  pool: Pool,
  store: EventStore | null,
  projection: Projection,
  cp: CheckpointRow | undefined,
): Promise<{ behind: number; oldest: Date | null; cap: number }> {
  const commit = cp?.commit ?? '0';
  const prepare = cp ? String(cp.prepare) : '0';
  if (store === null) {
    const { rows } = await pool.query<{ n: number; oldest: Date | null }>(
      `SELECT count(*)::int AS n, min(recorded_at) AS oldest FROM (
         SELECT recorded_at FROM es_events
          WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint) AND event_type = ANY($3::text[])
          ORDER BY transaction_id, global_position LIMIT ${BEHIND_CAP}) s`,
      [commit, prepare, projection.handles],
    );
    return { behind: rows[0].n, oldest: rows[0].oldest, cap: BEHIND_CAP };
  }
  const events = await store.readAll({
    after: { commit: BigInt(commit), prepare: BigInt(prepare) },
    maxCount: PORT_BEHIND_CAP,
    filter: filterFor([projection]),
  });
  const handled = new Set(projection.handles);
  const mine = events.filter((e) => handled.has(e.type));
  return { behind: mine.length, oldest: mine[0]?.recordedAt ?? null, cap: PORT_BEHIND_CAP };
}
