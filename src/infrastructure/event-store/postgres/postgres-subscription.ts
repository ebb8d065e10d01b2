import { Pool } from 'pg';
import {
  comparePositions,
  LogPosition,
  RecordedEvent,
  Subscription,
  SubscriptionFilter,
  SubscriptionHandler,
} from '../../../application/shared/event-store.port';
import { readAllFrom, safeHorizon } from './postgres-log-reader';
import { LogTail } from './postgres-log-tail';

interface Options {
  after: LogPosition;
  filter?: SubscriptionFilter;
  batchSize: number;
  pollIntervalMs: number;
  onStop(): void;
}

interface CaughtUpWaiter {
  headCommit: bigint;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Catch-up subscription over `es_events`: reads batches in (transaction id, position)
 * order below the writers' horizon, hands them to the handler one batch at a time, and
 * sleeps until a NOTIFY, a local append or the poll interval wakes it. Once it has caught
 * up with the store's shared tail it takes new events from memory instead of the table.
 */
export class PostgresSubscription implements Subscription {
  private position: LogPosition;
  private stopped = false;
  private sleeper: { timer: NodeJS.Timeout; resolve(): void } | null = null;
  private wakeRequested = false;
  private loop: Promise<void> | null = null;
  /** Every transaction id strictly below this has been read and handled. */
  private scannedBelow = 0n;
  private readonly waiters: CaughtUpWaiter[] = [];
  private failure: unknown = null;

  constructor(
    private readonly pool: Pool,
    private readonly tail: LogTail,
    private readonly handler: SubscriptionHandler,
    private readonly options: Options,
  ) {
    this.position = options.after;
  }

  start(): void {
    this.loop = this.run();
  }

  wake(): void {
    this.wakeRequested = true;
    if (this.sleeper) {
      clearTimeout(this.sleeper.timer);
      this.sleeper.resolve();
      this.sleeper = null;
    }
  }

  async caughtUp(): Promise<void> {
    if (this.failure) throw this.failure;
    const { rows } = await this.pool.query<{ head: string | null }>(
      'SELECT max(transaction_id)::text AS head FROM es_events',
    );
    if (rows[0].head === null) return;
    const headCommit = BigInt(rows[0].head);
    if (this.scannedBelow > headCommit) return;
    await new Promise<void>((resolve, reject) => {
      this.waiters.push({ headCommit, resolve, reject });
      this.wake();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    try {
      while (!this.stopped) {
        this.wakeRequested = false;
        let batch: {
          events: RecordedEvent[];
          complete: boolean;
          scannedBelow: bigint;
          endOfScan: LogPosition | null;
        };
        try {
          batch = await this.nextBatch();
        } catch {
          if (!this.stopped) await this.sleep();
          continue;
        }
        if (batch.events.length > 0) {
          try {
            await this.handler.handle(batch.events);
          } catch (error) {
            this.fail(error);
            return;
          }
          this.position = batch.events[batch.events.length - 1].position;
        }
        if (batch.complete) {
          if (batch.endOfScan && comparePositions(batch.endOfScan, this.position) > 0)
            this.position = batch.endOfScan;
          this.scannedBelow = batch.scannedBelow;
          this.releaseWaiters();
          if (!this.wakeRequested) await this.sleep();
        }
      }
    } finally {
      for (const w of this.waiters.splice(0)) w.reject(new Error('subscription stopped'));
      this.options.onStop();
    }
  }

  /**
   * From the shared tail when this subscription is within it, else from the table. A
   * complete batch means everything below `scannedBelow` has now been seen, and the
   * position may move on to `endOfScan` even if no event there matched the filter.
   */
  private async nextBatch() {
    await this.tail.refresh();
    const tail = this.tail.state;
    if (tail.base && comparePositions(this.position, tail.base) >= 0) {
      const events = this.tail.after(this.position, this.options.filter, this.options.batchSize);
      const complete = events.length < this.options.batchSize;
      return {
        events,
        complete,
        scannedBelow: tail.scannedBelow,
        endOfScan: complete ? tail.end : null,
      };
    }
    const horizon = await this.currentHorizon();
    const events = await readAllFrom(
      this.pool,
      this.position,
      this.options.batchSize,
      this.options.filter,
      horizon,
    );
    const complete = events.length < this.options.batchSize;
    // Everything below the horizon is seen, so the tail's base (if below it) is safe to jump to.
    const endOfScan = complete && tail.base && tail.base.commit < horizon ? tail.base : null;
    return { events, complete, scannedBelow: horizon, endOfScan };
  }

  private currentHorizon(): Promise<bigint> {
    return safeHorizon(this.pool);
  }

  private releaseWaiters(): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.scannedBelow > this.waiters[i].headCommit) this.waiters.splice(i, 1)[0].resolve();
    }
  }

  private fail(error: unknown): void {
    this.failure = error;
    this.stopped = true;
    for (const w of this.waiters.splice(0)) w.reject(error);
    this.handler.onError?.(error);
  }

  private sleep(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.sleeper = null;
        resolve();
      }, this.options.pollIntervalMs);
      this.sleeper = { timer, resolve };
    });
  }
}
