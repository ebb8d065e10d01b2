import { Pool } from 'pg';
import {
  LogPosition,
  RecordedEvent,
  SubscriptionFilter,
} from '../../../application/shared/event-store.port';

export const EVENTS_CHANNEL = 'es_events';

export interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_name: string;
  stream_revision: string;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: unknown;
  metadata: Record<string, unknown>;
  recorded_at: Date;
}

export const EVENT_COLUMNS = `global_position, transaction_id::text AS transaction_id, stream_name, stream_revision,
  event_id, event_type, schema_version, data, metadata, recorded_at`;

const XID_SPAN = 1n << 32n;

/**
 * The transaction id below which no event can still appear: the oldest transaction that is
 * appending right now (it holds a stream's advisory lock), or else the next id to be
 * assigned. `es_append` takes its lock before its transaction gets an id, so a writer that
 * is not holding a lock yet will get an id above this horizon. Unlike the snapshot's xmin,
 * this ignores long transactions that do not append (reports, projection batches, other
 * databases of the cluster).
 */
/**
 * `backend_xid` is the 32-bit form of an id within 2^31 of `next` (before it, or just after
 * it when assigned while the query ran); give it the 64-bit form.
 */
export function widenXid(xid32: bigint, next: bigint): bigint {
  let delta = (((xid32 - (next % XID_SPAN)) % XID_SPAN) + XID_SPAN) % XID_SPAN;
  if (delta >= XID_SPAN / 2n) delta -= XID_SPAN;
  return next + delta;
}

export async function safeHorizon(pool: Pool): Promise<bigint> {
  const { rows } = await pool.query<{ next: string; writers: string[] | null }>(
    `SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS next,
            (SELECT array_agg(a.backend_xid::text) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
              WHERE l.locktype = 'advisory' AND l.granted AND a.backend_xid IS NOT NULL
                AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())) AS writers`,
  );
  const next = BigInt(rows[0].next);
  let horizon = next;
  for (const xid of rows[0].writers ?? []) {
    const full = widenXid(BigInt(xid), next);
    if (full < horizon) horizon = full;
  }
  return horizon;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    streamName: row.stream_name,
    revision: BigInt(row.stream_revision),
    position: { commit: BigInt(row.transaction_id), prepare: BigInt(row.global_position) },
    type: row.event_type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
  };
}

/** Builds the WHERE fragment of a filter, appending its values to `params`. */
export function filterClause(filter: SubscriptionFilter | undefined, params: unknown[]): string {
  const parts: string[] = [];
  if (filter?.categories?.length) {
    params.push(filter.categories);
    parts.push(`category = ANY($${params.length}::text[])`);
  }
  if (filter?.eventTypePrefixes?.length) {
    params.push(filter.eventTypePrefixes.map((p) => p.replace(/[\\%_]/g, '\\$&') + '%'));
    parts.push(`event_type LIKE ANY($${params.length}::text[])`);
  }
  return parts.length ? ` AND (${parts.join(' OR ')})` : '';
}

/** Events after `after` in log order, only from transactions below `horizon` (see `safeHorizon`). */
export async function readAllFrom(
  pool: Pool,
  after: LogPosition,
  maxCount: number,
  filter: SubscriptionFilter | undefined,
  horizon: bigint,
): Promise<RecordedEvent[]> {
  const params: unknown[] = [
    after.commit.toString(),
    after.prepare.toString(),
    maxCount,
    horizon.toString(),
  ];
  const { rows } = await pool.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM es_events
      WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint) AND transaction_id < $4::text::xid8${filterClause(filter, params)}
      -- Qualified: the bare name would sort by the text alias above, out of numeric order.
      ORDER BY es_events.transaction_id, es_events.global_position LIMIT $3`,
    params,
  );
  return rows.map(toRecordedEvent);
}
