import { Client, Pool } from 'pg';
import {
  LogPosition,
  Subscription,
  SubscriptionFilter,
  SubscriptionHandler,
} from '../../../application/shared/event-store.port';
import { EVENTS_CHANNEL, readAllFrom } from './postgres-log-reader';

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
 * order below the snapshot's xmin, hands them to the handler one batch at a time, and
 * sleeps until a NOTIFY, a local append or the poll interval wakes it.
 */
export class PostgresSubscription implements Subscription {
  private position: LogPosition;
  private stopped = false;
  private sleeper: { timer: NodeJS.Timeout; resolve(): void } | null = null;
  private wakeRequested = false;
  private listener: Client | null = null;
  private loop: Promise<void> | null = null;
  /** Every transaction id strictly below this has been read and handled. */
  private scannedBelow = 0n;
  private readonly waiters: CaughtUpWaiter[] = [];
  private failure: unknown = null;

  constructor(
    private readonly pool: Pool,
    private readonly connectionString: string,
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
    await this.listen();
    try {
      while (!this.stopped) {
        this.wakeRequested = false;
        let horizon: bigint;
        let events;
        try {
          horizon = await this.currentHorizon();
          events = await readAllFrom(this.pool, this.position, this.options.batchSize, this.options.filter);
        } catch {
          if (!this.stopped) await this.sleep();
          continue;
        }
        if (events.length > 0) {
          try {
            await this.handler.handle(events);
          } catch (error) {
            this.fail(error);
            return;
          }
          this.position = events[events.length - 1].position;
        }
        if (events.length < this.options.batchSize) {
          this.scannedBelow = horizon;
          this.releaseWaiters();
          if (!this.wakeRequested) await this.sleep();
        }
      }
    } finally {
      await this.listener?.end().catch(() => undefined);
      for (const w of this.waiters.splice(0)) w.reject(new Error('subscription stopped'));
      this.options.onStop();
    }
  }

  private async currentHorizon(): Promise<bigint> {
    const { rows } = await this.pool.query<{ xmin: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin');
    return BigInt(rows[0].xmin);
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

  /** A lost LISTEN connection only costs latency: the poll interval still wakes the loop. */
  private async listen(): Promise<void> {
    try {
      const client = new Client({ connectionString: this.connectionString });
      client.on('error', () => undefined);
      client.on('notification', () => this.wake());
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      this.listener = client;
    } catch {
      this.listener = null;
    }
  }
}
