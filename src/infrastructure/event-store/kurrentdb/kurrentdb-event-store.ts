import { ANY, BACKWARDS, END, FORWARDS, KurrentDBClient, START } from '@kurrent/kurrentdb-client';
import type { AppendResult as KurrentAppendResult } from '@kurrent/kurrentdb-client';
import {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  LogPosition,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  START_POSITION,
  StreamNotFoundError,
  SubscribeOptions,
  Subscription,
  SubscriptionFilter,
  SubscriptionHandler,
  WrongExpectedVersionError,
} from '../../../application/shared/event-store.port';
import {
  eventMatcher,
  fromClientPosition,
  isAtOrBefore,
  mapClientError,
  toActualRevision,
  toEventData,
  toReadPosition,
  toRecordedEvent,
  toServerFilter,
  toStreamState,
} from './kurrentdb-mapping';
import { KurrentDbSubscription } from './kurrentdb-subscription';

const DEFAULT_READ_ALL_COUNT = 1000;
const DEFAULT_BATCH_SIZE = 500;

/** The EventStore port on KurrentDB (EventStoreDB) through the official gRPC client. */
export class KurrentDbEventStore implements EventStore {
  private readonly client: KurrentDBClient;
  private readonly subscriptions = new Set<KurrentDbSubscription>();

  /** @param connectionString e.g. `kurrentdb://localhost:2113?tls=false` */
  constructor(connectionString: string) {
    this.client = KurrentDBClient.connectionString(connectionString);
  }

  async appendToStream(
    streamName: string,
    events: EventToAppend[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('appendToStream needs at least one event');
    const expected = options.expectedRevision ?? 'any';
    let result: KurrentAppendResult;
    try {
      result = await this.client.appendToStream(streamName, events.map(toEventData), {
        streamState: toStreamState(expected),
      });
    } catch (error) {
      throw mapClientError(error, streamName, expected);
    }
    // Only reached when the connection string sets throwOnAppendFailure=false.
    if (!result.success) {
      throw new WrongExpectedVersionError(
        streamName,
        expected,
        toActualRevision(result.nextExpectedRevision),
      );
    }
    const position =
      fromClientPosition(result.position) ??
      (await this.positionOfRevision(streamName, result.nextExpectedRevision));
    return { nextExpectedRevision: result.nextExpectedRevision, position };
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (options.maxCount === 0) {
      if ((await this.streamRevision(streamName)) === null)
        throw new StreamNotFoundError(streamName);
      return [];
    }
    const backwards = options.direction === 'backwards';
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamName, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision ?? (backwards ? END : START),
        maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
      })) {
        if (resolved.event) events.push(toRecordedEvent(resolved.event, START_POSITION));
      }
    } catch (error) {
      throw mapClientError(error, streamName, 'any');
    }
    return events;
  }

  /**
   * Reads in pages from the last position seen: the server treats a read position as
   * inclusive, and client-side filtering may drop events, so one server page is not
   * necessarily one port page.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.maxCount ?? DEFAULT_READ_ALL_COUNT;
    const matches = eventMatcher(options.filter);
    const filter = toServerFilter(options.filter);
    const events: RecordedEvent[] = [];
    let cursor: LogPosition | undefined = options.after;
    while (events.length < limit) {
      const pageSize = limit - events.length + 1;
      let read = 0;
      let last: LogPosition | null = null;
      for await (const resolved of this.client.readAll({
        direction: FORWARDS,
        fromPosition: toReadPosition(cursor),
        maxCount: pageSize,
        filter,
      })) {
        read++;
        const event = resolved.event;
        const position = fromClientPosition(event?.position);
        if (!event || !position) continue;
        last = position;
        if (cursor && isAtOrBefore(position, cursor)) continue;
        if (!matches(event)) continue;
        events.push(toRecordedEvent(event, position));
        if (events.length === limit) break;
      }
      if (read < pageSize || last === null) break;
      cursor = last;
    }
    return events;
  }

  subscribeToAll(handler: SubscriptionHandler, options: SubscribeOptions = {}): Subscription {
    const subscription: KurrentDbSubscription = new KurrentDbSubscription(this.client, handler, {
      after: options.after,
      filter: options.filter,
      batchSize: Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE),
      headPosition: () => this.lastMatchingPosition(options.filter),
      onStop: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Soft delete; like the Postgres adapter, a missing stream is StreamNotFound. */
  async deleteStream(
    streamName: string,
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<void> {
    const expected = options.expectedRevision ?? 'any';
    const current = await this.streamRevision(streamName);
    if (current === null) throw new StreamNotFoundError(streamName);
    if (expected === 'no_stream')
      throw new WrongExpectedVersionError(streamName, expected, current);
    try {
      // The client's delete has no stream_exists option; existence was checked just above.
      await this.client.deleteStream(streamName, {
        expectedRevision: typeof expected === 'bigint' ? expected : ANY,
      });
    } catch (error) {
      throw mapClientError(error, streamName, expected);
    }
  }

  /** Sets `$tb` in the stream's metadata, keeping the rest of it; never lowers it. */
  async truncateStream(streamName: string, beforeRevision: bigint): Promise<void> {
    if ((await this.streamRevision(streamName)) === null) throw new StreamNotFoundError(streamName);
    const { metadata = {} } = await this.client.getStreamMetadata(streamName);
    const existing = metadata.truncateBefore;
    if (typeof existing === 'number' && BigInt(existing) >= beforeRevision) return;
    await this.client.setStreamMetadata(streamName, {
      ...metadata,
      truncateBefore: Number(beforeRevision),
    });
  }

  async streamRevision(streamName: string): Promise<bigint | null> {
    try {
      for await (const resolved of this.client.readStream(streamName, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      })) {
        if (resolved.event) return resolved.event.revision;
      }
    } catch (error) {
      const mapped = mapClientError(error, streamName, 'any');
      if (mapped instanceof StreamNotFoundError) return null;
      throw mapped;
    }
    // An existing stream that reads empty is truncated past its end by `$tb`.
    const { metadata } = await this.client.getStreamMetadata(streamName);
    const truncateBefore = metadata?.truncateBefore;
    return typeof truncateBefore === 'number' && truncateBefore > 0
      ? BigInt(truncateBefore) - 1n
      : null;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }

  /** Last event in $all matching the filter: what `caughtUp()` waits for. */
  private async lastMatchingPosition(
    filter: SubscriptionFilter | undefined,
  ): Promise<LogPosition | null> {
    const matches = eventMatcher(filter);
    for await (const resolved of this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      filter: toServerFilter(filter),
    })) {
      const event = resolved.event;
      if (event && matches(event)) return fromClientPosition(event.position);
    }
    return null;
  }

  /**
   * An idempotent retry comes back without a position, so it is read from the event;
   * if that fails too, the origin is the safe answer: resuming from it skips nothing.
   */
  private async positionOfRevision(streamName: string, revision: bigint): Promise<LogPosition> {
    try {
      for await (const resolved of this.client.readStream(streamName, {
        direction: FORWARDS,
        fromRevision: revision,
        maxCount: 1,
      })) {
        const position = fromClientPosition(resolved.event?.position);
        if (position) return position;
      }
    } catch {
      // Falls through to the origin below.
    }
    return START_POSITION;
  }
}
