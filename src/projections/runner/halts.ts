import { Pool } from 'pg';
import { LogPosition, RecordedEvent } from '../../application/shared/event-store.port';

/** The event a projection stopped on, and why. */
export interface ProjectionHalt {
  name: string;
  eventId: string;
  eventType: string;
  streamName: string;
  position: { commit: string; prepare: string };
  errorCode: string | null;
  error: string;
  haltedAt: string;
}

interface HaltRow {
  name: string;
  event_id: string;
  event_type: string;
  stream_name: string;
  position_commit: string;
  position_prepare: string;
  error_code: string | null;
  error_message: string;
  halted_at: Date;
}

const toHalt = (r: HaltRow): ProjectionHalt => ({
  name: r.name,
  eventId: r.event_id,
  eventType: r.event_type,
  streamName: r.stream_name,
  position: { commit: r.position_commit, prepare: r.position_prepare },
  errorCode: r.error_code,
  error: r.error_message,
  haltedAt: r.halted_at.toISOString(),
});

export const haltPosition = (halt: ProjectionHalt): LogPosition => ({
  commit: BigInt(halt.position.commit),
  prepare: BigInt(halt.position.prepare),
});

export async function recordHalt(
  pool: Pool,
  name: string,
  event: RecordedEvent,
  errorCode: string | null,
  error: string,
): Promise<ProjectionHalt> {
  const { rows } = await pool.query<HaltRow>(
    `INSERT INTO public.projection_halts
       (name, event_id, event_type, stream_name, position_commit, position_prepare, error_code, error_message)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (name) DO UPDATE SET
       event_id = excluded.event_id, event_type = excluded.event_type, stream_name = excluded.stream_name,
       position_commit = excluded.position_commit, position_prepare = excluded.position_prepare,
       error_code = excluded.error_code, error_message = excluded.error_message, halted_at = now()
     RETURNING *`,
    [
      name,
      event.id,
      event.type,
      event.streamName,
      event.position.commit.toString(),
      event.position.prepare.toString(),
      errorCode,
      error,
    ],
  );
  return toHalt(rows[0]);
}

export async function readHalts(pool: Pool, names?: readonly string[]): Promise<ProjectionHalt[]> {
  const { rows } = names
    ? await pool.query<HaltRow>(
        'SELECT * FROM public.projection_halts WHERE name = ANY($1::text[])',
        [names],
      )
    : await pool.query<HaltRow>('SELECT * FROM public.projection_halts ORDER BY name');
  return rows.map(toHalt);
}

export async function readHalt(pool: Pool, name: string): Promise<ProjectionHalt | null> {
  return (await readHalts(pool, [name]))[0] ?? null;
}

/** Removes the stop so the projection tries the event again; null when it was not stopped. */
export async function clearHalt(pool: Pool, name: string): Promise<ProjectionHalt | null> {
  const { rows } = await pool.query<HaltRow>(
    'DELETE FROM public.projection_halts WHERE name = $1 RETURNING *',
    [name],
  );
  return rows[0] ? toHalt(rows[0]) : null;
}
