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
  /** Appends sent at once; more wait and then leave together as one batch. Default 4. */
  maxConcurrentAppends?: number;
  /** Most appends in one batch (each is a subtransaction; Postgres caches 64 per transaction). Default 32. */
  maxAppendBatch?: number;
  /** Appends of at least this many events are never queued nor batched. Default 16. */
  unbatchedFromEvents?: number;
}

interface PendingAppend {
  streamName: string;
  expected: ExpectedRevision;
  events: EventToAppend[];
  /** The events as the JSON array `es_append` takes. */
  payload: string;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

interface AppendRow {
  revision: string;
  transaction_id: string;
  last_position: string;
  duplicate: boolean;
}

const expectedText = (expected: ExpectedRevision): string =>
  typeof expected === 'bigint' ? expected.toString() : expected;

const appendResult = (row: AppendRow): AppendResult => ({
  nextExpectedRevision: BigInt(row.revision),
  position: { commit: BigInt(row.transaction_id), prepare: BigInt(row.last_position) },
});

export class PostgresEventStore implements EventStore {
  private readonly pendingAppends: PendingAppend[] = [];
  private appendsInFlight = 0;
  private notifyPending = false;
  private notifyRunning: Promise<void> | null = null;
  private readonly subscriptions = new Set<PostgresSubscription>();
  /** One LISTEN connection per store, shared by all its subscriptions. */
  private listener: Promise<Client | null> | null = null;
  private relistenTimer: NodeJS.Timeout | null = null;
  private relistenDelayMs = 0;
  private closed = false;
  private readonly tail: LogTail;

  constructor(
    private readonly pool: Pool,
    private readonly options: PostgresEventStoreOptions,
  ) {
    this.tail = new LogTail(pool);
  }

  /**
   * Appends go through a small queue: while `maxConcurrentAppends` are in flight, the
   * next ones wait and then leave together as one `es_append_batch` call (group commit).
   * A lone append still costs one round trip; under load, one round trip and one commit
   * carry many. Every append keeps its own outcome, exactly as if sent alone.
   */
  appendToStream(
    streamName: string,
    events: EventToAppend[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    if (events.length === 0)
      return Promise.reject(new RangeError('appendToStream needs at least one event'));
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
    return new Promise<AppendResult>((resolve, reject) => {
      const append = { streamName, expected, events, payload, resolve, reject };
      // A large append already spreads its round trip and commit over many events; it
      // leaves at once, in parallel with the rest, instead of waiting for a batch.
      if (events.length >= (this.options.unbatchedFromEvents ?? 16)) void this.appendOne(append);
      else {
        this.pendingAppends.push(append);
        this.dispatchAppends();
      }
    });
  }

  private dispatchAppends(): void {
    const maxInFlight = this.options.maxConcurrentAppends ?? 4;
    const maxBatch = this.options.maxAppendBatch ?? 32;
    while (this.appendsInFlight < maxInFlight && this.pendingAppends.length > 0) {
      const batch = this.pendingAppends.splice(0, maxBatch);
      this.appendsInFlight++;
      void (batch.length === 1 ? this.appendOne(batch[0]) : this.appendBatch(batch)).finally(() => {
        this.appendsInFlight--;
        this.dispatchAppends();
      });
    }
  }

  private async appendOne(append: PendingAppend): Promise<void> {
    const { streamName, expected, events, payload } = append;
    try {
      const { rows } = await this.pool.query<AppendRow>(
        // A named statement is parsed and planned once per connection, not on every append.
        {
          name: 'es_append',
          text: 'SELECT * FROM es_append($1, $2, $3::jsonb)',
          values: [streamName, expectedText(expected), payload],
        },
      );
      if (!rows[0].duplicate) this.wakeSubscribers();
      append.resolve(appendResult(rows[0]));
    } catch (error) {
      append.reject(this.mapError(error, streamName, expected, events));
    }
  }

  private async appendBatch(appends: PendingAppend[]): Promise<void> {
    const batch = `[${appends
      .map(
        (a) =>
          `{"s":${JSON.stringify(a.streamName)},"x":"${expectedText(a.expected)}","e":${a.payload}}`,
      )
      .join(',')}]`;
    let rows: (AppendRow & {
      idx: number;
      error_code: string | null;
      error_detail: string | null;
    })[];
    try {
      ({ rows } = await this.pool.query({
        name: 'es_append_batch',
        text: 'SELECT * FROM es_append_batch($1::jsonb)',
        values: [batch],
      }));
    } catch {
      // Nothing of a failed batch was committed (a deadlock with a foreign writer, a lost
      // connection): each append is tried alone, where event ids make a replay harmless.
      await Promise.all(appends.map((a) => this.appendOne(a)));
      return;
    }
    let written = false;
    for (const row of rows) {
      const append = appends[row.idx];
      if (row.error_code !== null) {
        const error =
          row.error_code === '23505'
            ? { code: row.error_code, constraint: row.error_detail }
            : { code: row.error_code, detail: row.error_detail };
        append.reject(this.mapError(error, append.streamName, append.expected, append.events));
      } else {
        written ||= !row.duplicate;
        append.resolve(appendResult(row));
      }
    }
    if (written) this.wakeSubscribers();
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
    this.closed = true;
    if (this.relistenTimer) clearTimeout(this.relistenTimer);
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.notifyRunning;
    const listener = await this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  /**
   * The LISTEN connection, opened again (with capped backoff) whenever it is lost: until then
   * each subscription's poll interval still wakes it, so a lost connection only costs latency.
   */
  private async listen(): Promise<Client | null> {
    const client = new Client({ connectionString: this.options.connectionString });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      void client.end().catch(() => undefined);
      this.listener = null;
      this.scheduleRelisten();
    };
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', () => {
      for (const s of this.subscriptions) s.wake();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch {
      onLost();
      return null;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return null;
    }
    this.relistenDelayMs = 0;
    // Notifications sent while nobody listened are gone: every subscription reads once now.
    for (const s of this.subscriptions) s.wake();
    return client;
  }

  private scheduleRelisten(): void {
    if (this.closed || this.relistenTimer) return;
    this.relistenDelayMs = Math.min(Math.max(this.relistenDelayMs * 2, 100), 5_000);
    this.relistenTimer = setTimeout(() => {
      this.relistenTimer = null;
      if (!this.closed) this.listener ??= this.listen();
    }, this.relistenDelayMs);
    this.relistenTimer.unref();
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
