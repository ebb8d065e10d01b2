import type {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  KurrentDBClient,
} from '@kurrent/kurrentdb-client';
import {
  LogPosition,
  RecordedEvent,
  START_POSITION,
  Subscription,
  SubscriptionFilter,
  SubscriptionHandler,
} from '../../../application/shared/event-store.port';
import {
  eventMatcher,
  isAtOrBefore,
  toReadPosition,
  toRecordedEvent,
  toServerFilter,
} from './kurrentdb-mapping';

export interface KurrentDbSubscriptionOptions {
  after?: LogPosition;
  filter?: SubscriptionFilter;
  batchSize: number;
  /** Position of the last event in $all matching the filter, or null when there is none. */
  headPosition(): Promise<LogPosition | null>;
  onStop(): void;
}

interface CaughtUpWaiter {
  target: LogPosition;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * A server-side catch-up subscription to $all read in paused mode: the loop drains up to
 * `batchSize` buffered events, awaits the handler, then reads on, so the client's stream
 * buffer (and gRPC flow control behind it) applies back-pressure while a batch is handled.
 */
export class KurrentDbSubscription implements Subscription {
  private readonly stream: AllStreamSubscription;
  private readonly matches: (event: { streamId: string; type: string }) => boolean;
  private readonly loop: Promise<void>;
  /** Position of the last event handled, or the starting checkpoint. */
  private handledUpTo: LogPosition | null;
  private readonly waiters: CaughtUpWaiter[] = [];
  private wakeUp: (() => void) | null = null;
  private stopped = false;
  private ended = false;
  private failure: unknown = null;

  constructor(
    client: KurrentDBClient,
    private readonly handler: SubscriptionHandler,
    private readonly options: KurrentDbSubscriptionOptions,
  ) {
    this.handledUpTo = options.after ?? null;
    this.matches = eventMatcher(options.filter);
    this.stream = client.subscribeToAll(
      { fromPosition: toReadPosition(options.after), filter: toServerFilter(options.filter) },
      { highWaterMark: options.batchSize },
    );
    this.stream.on('readable', () => this.wake());
    this.stream.on('end', () => {
      this.ended = true;
      this.wake();
    });
    this.stream.on('error', (error: unknown) => this.fail(error));
    this.loop = this.run();
  }

  /**
   * Takes the last matching event in $all at the time of the call and waits until the
   * handler has finished with it; $all is appended by a single writer, so every earlier
   * event has a lower position and has been handled by then.
   */
  async caughtUp(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.stopped) throw new Error('subscription stopped');
    const head = await this.options.headPosition();
    if (head === null || this.hasHandled(head)) return;
    if (this.failure) throw this.failure;
    if (this.stopped) throw new Error('subscription stopped');
    await new Promise<void>((resolve, reject) =>
      this.waiters.push({ target: head, resolve, reject }),
    );
  }

  async stop(): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      this.rejectWaiters(new Error('subscription stopped'));
      await this.close();
    }
    await this.loop;
  }

  private async run(): Promise<void> {
    try {
      while (!this.stopped) {
        const batch = this.takeBatch();
        if (batch.length === 0) {
          if (this.ended) {
            this.fail(new Error('KurrentDB closed the $all subscription'));
            return;
          }
          await new Promise<void>((resolve) => (this.wakeUp = resolve));
          continue;
        }
        try {
          await this.handler.handle(batch);
        } catch (error) {
          this.fail(error);
          return;
        }
        this.handledUpTo = batch[batch.length - 1].position;
        this.releaseWaiters();
      }
    } finally {
      this.options.onStop();
    }
  }

  private takeBatch(): RecordedEvent[] {
    const batch: RecordedEvent[] = [];
    while (batch.length < this.options.batchSize && !this.stopped) {
      const resolved = this.stream.read() as AllStreamResolvedEvent | null;
      if (resolved === null) break;
      const event = resolved.event;
      if (!event || !this.matches(event)) continue;
      batch.push(toRecordedEvent(event, START_POSITION));
    }
    return batch;
  }

  private hasHandled(target: LogPosition): boolean {
    return this.handledUpTo !== null && isAtOrBefore(target, this.handledUpTo);
  }

  private wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = null;
    wakeUp?.();
  }

  private releaseWaiters(): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.hasHandled(this.waiters[i].target)) this.waiters.splice(i, 1)[0].resolve();
    }
  }

  private rejectWaiters(error: unknown): void {
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }

  private fail(error: unknown): void {
    if (this.stopped) return;
    this.stopped = true;
    this.failure = error;
    this.rejectWaiters(error);
    this.wake();
    void this.close();
    try {
      this.handler.onError?.(error);
    } catch {
      // The subscription is already stopped; a throwing error callback has nowhere to go.
    }
  }

  private async close(): Promise<void> {
    await this.stream.unsubscribe().catch(() => undefined);
    this.stream.destroy();
    this.wake();
  }
}
