import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';

/**
 * One table of a projection. Its DDL is unqualified: it runs with `search_path` set to the
 * generation's schema, so the same statements create generation 1 (migration) and every
 * rebuilt generation.
 */
export interface ProjectionTable {
  name: string;
  /** The table itself, with its primary key and constraints. */
  ddl: readonly string[];
  /** Secondary indexes; a rebuild creates them after the bulk load, which is much cheaper. */
  indexes?: readonly string[];
  /** Readers query `public.<view>`, which points at the active generation; internal tables have none. */
  view?: string;
}

/**
 * A read model fed by the log. `handle` receives events in log order, each exactly once
 * per generation, inside the transaction that also moves the checkpoint; `search_path`
 * is set to the generation's schema, so SQL names tables without a schema.
 */
/**
 * Rows kept across the batches of one rebuild, which is the only writer of its generation:
 * a row loaded or written once is not read back from Postgres again. The live runner passes
 * none, since another process may have written since its last batch.
 */
export interface ProjectionSession {
  readonly tables: Map<string, Map<string, unknown>>;
}

export const newSession = (): ProjectionSession => ({ tables: new Map() });

export interface Projection {
  /** Stable, `[a-z_]+`: checkpoint key and schema prefix. */
  readonly name: string;
  /** Bump on any change of tables or handling; the runner then rebuilds into new tables. */
  readonly version: number;
  /** Event types it handles; the subscription filters on them. */
  readonly handles: readonly string[];
  readonly tables: readonly ProjectionTable[];
  handle(events: RecordedEvent[], tx: PoolClient, session?: ProjectionSession): Promise<void>;
}

export const PROJECTION_NAME = /^[a-z][a-z_]{0,30}$/;

/** Where an event happened, for rows: the recorded fact when the event names none. */
export function occurredAt(event: RecordedEvent): string {
  const at = event.metadata?.occurredAt;
  return typeof at === 'string' && at !== '' ? at : event.recordedAt.toISOString();
}
