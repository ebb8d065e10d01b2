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

/**
 * Only transactions older than every transaction still in flight are readable from
 * $all, so an event that commits late with a lower position is never skipped.
 */
export const SAFE_HORIZON = `transaction_id < pg_snapshot_xmin(pg_current_snapshot())`;

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

export async function readAllFrom(
  pool: Pool,
  after: LogPosition,
  maxCount: number,
  filter?: SubscriptionFilter,
): Promise<RecordedEvent[]> {
  const params: unknown[] = [after.commit.toString(), after.prepare.toString(), maxCount];
  const { rows } = await pool.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM es_events
      WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint) AND ${SAFE_HORIZON}${filterClause(filter, params)}
      ORDER BY transaction_id, global_position LIMIT $3`,
    params,
  );
  return rows.map(toRecordedEvent);
}
