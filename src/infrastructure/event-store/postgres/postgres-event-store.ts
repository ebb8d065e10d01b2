import { Client, Pool, PoolClient } from 'pg';
import {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  IdempotencyConflictError,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  START_POSITION,
  StreamNotFoundError,
  SubscribeOptions,
  Subscription,
  SubscriptionHandler,
  WrongExpectedVersionError,
} from '../../../application/shared/event-store.port';
import {
  EVENT_COLUMNS,
  EVENTS_CHANNEL,
  EventRow,
  readAllFrom,
  safeHorizon,
  toRecordedEvent,
} from './postgres-log-reader';
import { LogTail } from './postgres-log-tail';
import { PostgresSubscription } from './postgres-subscription';

export interface PostgresEventStoreOptions {
  /** Reconnects used by subscriptions to LISTEN; defaults to the pool's settings. */
  connectionString: string;
  /** How often an idle subscription re-reads even without a notification. */
  pollIntervalMs?: number;
  /** Minimum gap between two NOTIFYs sent for other processes' subscribers. */
  notifyIntervalMs?: number;
}

export class PostgresEventStore implements EventStore {
  private notifyPending = false;
  private notifyRunning: Promise<void> | null = null;
  private readonly subscriptions = new Set<PostgresSubscription>();
  /** One LISTEN connection per store, shared by all its subscriptions. */
  private listener: Promise<Client | null> | null = null;
  private readonly tail: LogTail;

  constructor(
    private readonly pool: Pool,
    private readonly options: PostgresEventStoreOptions,
  ) {
    this.tail = new LogTail(pool);
  }

  async appendToStream(
    streamName: string,
    events: EventToAppend[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('appendToStream needs at least one event');
    const expected = options.expectedRevision ?? 'any';
    const payload = JSON.stringify(
      events.map((e) => ({
        id: e.id,
        type: e.type,
        schemaVersion: e.schemaVersion ?? 1,
        data: e.data,
        metadata: e.metadata ?? {},
      })),
    );
    try {
      const { rows } = await this.pool.query<{
        revision: string;
        transaction_id: string;
        last_position: string;
        duplicate: boolean;
      }>(
        // A named statement is parsed and planned once per connection, not on every append.
        {
          name: 'es_append',
          text: 'SELECT * FROM es_append($1, $2, $3::jsonb)',
          values: [
            streamName,
            typeof expected === 'bigint' ? expected.toString() : expected,
            payload,
          ],
        },
      );
      const row = rows[0];
      if (!row.duplicate) this.wakeSubscribers();
      return {
        nextExpectedRevision: BigInt(row.revision),
        position: { commit: BigInt(row.transaction_id), prepare: BigInt(row.last_position) },
      };
    } catch (error) {
      throw this.mapError(error, streamName, expected, events);
    }
  }

  /** Appends inside a transaction the caller controls; used to test commit reordering. */
  async appendInTransaction(
    client: PoolClient,
    streamName: string,
    events: EventToAppend[],
    expected: ExpectedRevision = 'any',
  ) {
    const payload = JSON.stringify(
      events.map((e) => ({ id: e.id, type: e.type, data: e.data, metadata: e.metadata ?? {} })),
    );
    await client.query('SELECT * FROM es_append($1, $2, $3::jsonb)', [
      streamName,
      typeof expected === 'bigint' ? expected.toString() : expected,
      payload,
    ]);
  }

  /** One round trip: the stream's bookkeeping row, joined to its events. */
  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const direction = backwards ? 'DESC' : 'ASC';
    const params: unknown[] = [streamName];
    let range = '';
    if (options.fromRevision !== undefined) {
      params.push(options.fromRevision.toString());
      range = ` AND stream_revision ${backwards ? '<=' : '>='} $${params.length}`;
    }
    let limit = '';
    if (options.maxCount !== undefined) {
      params.push(options.maxCount);
      limit = ` LIMIT $${params.length}`;
    }
    const { rows } = await this.pool.query<EventRow & { stream_deleted: boolean }>(
      `SELECT s.deleted AS stream_deleted, e.*
         FROM es_streams s
         LEFT JOIN LATERAL (
           SELECT ${EVENT_COLUMNS} FROM es_events
            WHERE stream_name = $1 AND stream_revision >= s.truncate_before${range}
            ORDER BY stream_revision ${direction}${limit}
         ) e ON true
        WHERE s.stream_name = $1
        ORDER BY e.stream_revision ${direction}`,
      params,
    );
    if (rows.length === 0 || rows[0].stream_deleted) throw new StreamNotFoundError(streamName);
    return rows[0].event_id === null ? [] : rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const horizon = await safeHorizon(this.pool);
    return readAllFrom(
      this.pool,
      options.after ?? START_POSITION,
      options.maxCount ?? 1000,
      options.filter,
      horizon,
    );
  }

  subscribeToAll(handler: SubscriptionHandler, options: SubscribeOptions = {}): Subscription {
    this.listener ??= this.listen();
    const subscription = new PostgresSubscription(this.pool, this.tail, handler, {
      after: options.after ?? START_POSITION,
      filter: options.filter,
      batchSize: options.batchSize ?? 500,
      pollIntervalMs: this.options.pollIntervalMs ?? 1000,
      onStop: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    subscription.start();
    return subscription;
  }

  async deleteStream(
    streamName: string,
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<void> {
    const expected = options.expectedRevision ?? 'any';
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [streamName]);
      const { rows } = await client.query<{ revision: string; deleted: boolean }>(
        `SELECT (SELECT max(stream_revision) FROM es_events e WHERE e.stream_name = s.stream_name) AS revision, deleted
           FROM es_streams s WHERE stream_name = $1`,
        [streamName],
      );
      const current = rows.length && !rows[0].deleted ? BigInt(rows[0].revision) : null;
      if (current === null) throw new StreamNotFoundError(streamName);
      if (typeof expected === 'bigint' ? expected !== current : expected === 'no_stream') {
        throw new WrongExpectedVersionError(streamName, expected, current);
      }
      await client.query(
        'UPDATE es_streams SET deleted = true, truncate_before = $2 WHERE stream_name = $1',
        [streamName, (current + 1n).toString()],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async truncateStream(streamName: string, beforeRevision: bigint): Promise<void> {
    const { rowCount } = await this.pool.query(
      'UPDATE es_streams SET truncate_before = greatest(truncate_before, $2) WHERE stream_name = $1 AND NOT deleted',
      [streamName, beforeRevision.toString()],
    );
    if (rowCount === 0) throw new StreamNotFoundError(streamName);
  }

  async streamRevision(streamName: string): Promise<bigint | null> {
    const { rows } = await this.pool.query<{ revision: string; deleted: boolean }>(
      `SELECT (SELECT max(stream_revision) FROM es_events e WHERE e.stream_name = s.stream_name) AS revision, deleted
         FROM es_streams s WHERE stream_name = $1`,
      [streamName],
    );
    return rows.length && !rows[0].deleted ? BigInt(rows[0].revision) : null;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.notifyRunning;
    const listener = await this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  /** A lost LISTEN connection only costs latency: each subscription's poll interval still wakes it. */
  private async listen(): Promise<Client | null> {
    const client = new Client({ connectionString: this.options.connectionString });
    client.on('error', () => {
      this.listener = null;
    });
    client.on('notification', () => {
      for (const s of this.subscriptions) s.wake();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      return client;
    } catch {
      await client.end().catch(() => undefined);
      this.listener = null;
      return null;
    }
  }

  /**
   * NOTIFY inside the append transaction would serialise every commit on Postgres'
   * notification queue lock, so appenders send at most one NOTIFY per interval after
   * commit; local subscribers are woken at once.
   */
  private wakeSubscribers(): void {
    for (const s of this.subscriptions) s.wake();
    this.notifyPending = true;
    if (this.notifyRunning) return;
    const interval = this.options.notifyIntervalMs ?? 10;
    const run = async () => {
      while (this.notifyPending) {
        this.notifyPending = false;
        await this.pool.query(`SELECT pg_notify('${EVENTS_CHANNEL}', '')`).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, interval));
      }
      this.notifyRunning = null;
    };
    this.notifyRunning = run();
  }

  private mapError(
    error: unknown,
    streamName: string,
    expected: ExpectedRevision,
    events: EventToAppend[],
  ): unknown {
    const pgError = error as { code?: string; detail?: string; constraint?: string };
    if (pgError.code === 'ES001') {
      return new WrongExpectedVersionError(
        streamName,
        expected,
        pgError.detail ? BigInt(pgError.detail) : null,
      );
    }
    if (pgError.code === 'ES002')
      return new IdempotencyConflictError(streamName, pgError.detail ?? events[0].id);
    // The same event id raced into another stream under a different stream lock.
    if (pgError.code === '23505' && pgError.constraint === 'es_events_event_id') {
      return new IdempotencyConflictError(streamName, events[0].id);
    }
    return error;
  }
}
