import { Pool } from 'pg';
import {
  categoryOf,
  comparePositions,
  LogPosition,
  RecordedEvent,
  START_POSITION,
  SubscriptionFilter,
} from '../../../application/shared/event-store.port';
import { readAllFrom, safeHorizon } from './postgres-log-reader';

export function matches(event: RecordedEvent, filter: SubscriptionFilter | undefined): boolean {
  if (!filter?.categories?.length && !filter?.eventTypePrefixes?.length) return true;
  if (filter.categories?.includes(categoryOf(event.streamName))) return true;
  return filter.eventTypePrefixes?.some((p) => event.type.startsWith(p)) ?? false;
}

/**
 * The newest part of the log, read once per store and shared in memory by every live
 * subscription: an append then costs two queries in all, not two per subscriber.
 * Subscriptions further behind than the buffer read the table themselves.
 */
export class LogTail {
  private buffer: RecordedEvent[] = [];
  /** Everything after `base` up to `end` is in the buffer. Null until the first refresh. */
  private base: LogPosition | null = null;
  private end: LogPosition = START_POSITION;
  /** Every transaction id below this has been read into the buffer (or before its base). */
  private scanned = 0n;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly pool: Pool,
    private readonly capacity = 20_000,
    private readonly batchSize = 2_000,
  ) {}

  get state() {
    return { base: this.base, end: this.end, scannedBelow: this.scanned };
  }

  /** Reads what is new; concurrent calls share one reader and one extra pass. */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.readNew();
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Buffered events after `position` that pass `filter`, at most `max`. */
  after(
    position: LogPosition,
    filter: SubscriptionFilter | undefined,
    max: number,
  ): RecordedEvent[] {
    let lo = 0;
    let hi = this.buffer.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (comparePositions(this.buffer[mid].position, position) <= 0) lo = mid + 1;
      else hi = mid;
    }
    const out: RecordedEvent[] = [];
    for (let i = lo; i < this.buffer.length && out.length < max; i++) {
      if (matches(this.buffer[i], filter)) out.push(this.buffer[i]);
    }
    return out;
  }

  private async readNew(): Promise<void> {
    if (this.base === null) {
      // Start at the current horizon: older events are read by each subscription itself.
      const horizon = await safeHorizon(this.pool);
      const { rows } = await this.pool.query<{ commit: string; prepare: string }>(
        `SELECT transaction_id::text AS commit, global_position::text AS prepare FROM es_events
          WHERE transaction_id < $1::text::xid8 ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
        [horizon.toString()],
      );
      this.base = rows[0]
        ? { commit: BigInt(rows[0].commit), prepare: BigInt(rows[0].prepare) }
        : START_POSITION;
      this.end = this.base;
      this.scanned = horizon;
    }
    for (;;) {
      const horizon = await safeHorizon(this.pool);
      const events = await readAllFrom(this.pool, this.end, this.batchSize, undefined, horizon);
      if (events.length > 0) {
        this.buffer.push(...events);
        this.end = events[events.length - 1].position;
      }
      if (events.length < this.batchSize) {
        this.scanned = horizon;
        break;
      }
    }
    if (this.buffer.length > this.capacity) {
      const dropped = this.buffer.splice(0, this.buffer.length - this.capacity);
      this.base = dropped[dropped.length - 1].position;
    }
  }
}
