/**
 * The event log port, with EventStoreDB's semantics. Both adapters (Postgres and
 * EventStoreDB) pass the same contract suite in test/contract.
 */

export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** Metadata carried by every event; correlation and causation never live in data. */
export interface EventMetadata {
  eventId: string;
  correlationId: string;
  causationId: string;
  actorId: string;
  actorRole: string;
  occurredAt: string;
  [key: string]: unknown;
}

export interface EventToAppend {
  /** Caller-generated UUID; an append retried with the same ids writes nothing twice. */
  id: string;
  type: string;
  schemaVersion?: number;
  data: unknown;
  metadata?: Partial<EventMetadata> & Record<string, unknown>;
}

/**
 * A position in the whole log. As in EventStoreDB it has two parts: `commit` orders
 * transactions, `prepare` orders events inside one. Compare with `comparePositions`.
 */
export interface LogPosition {
  commit: bigint;
  prepare: bigint;
}

/** Before the first event: every real position is greater. */
export const START_POSITION: LogPosition = { commit: 0n, prepare: 0n };

export function comparePositions(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export interface RecordedEvent {
  id: string;
  streamName: string;
  revision: bigint;
  position: LogPosition;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: Record<string, unknown>;
  recordedAt: Date;
}

export interface AppendResult {
  nextExpectedRevision: bigint;
  position: LogPosition;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive start revision; defaults to the start (forwards) or the end (backwards). */
  fromRevision?: bigint;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. */
  after?: LogPosition;
  maxCount?: number;
  filter?: SubscriptionFilter;
}

export interface SubscriptionFilter {
  /** Stream categories (the part of the stream name before the first dash). */
  categories?: string[];
  /** Event type prefixes, e.g. `Order` matches `OrderPlaced`. */
  eventTypePrefixes?: string[];
}

export interface SubscribeOptions {
  /** Deliver events strictly after this checkpoint; from the start when absent. */
  after?: LogPosition;
  filter?: SubscriptionFilter;
  batchSize?: number;
}

/**
 * A catch-up subscription: `handle` receives batches in log order; the next batch comes
 * only once the previous promise resolved. An error from `handle` stops the subscription
 * and is passed to `onError`.
 */
export interface Subscription {
  /** Resolves when the subscription has stopped. */
  stop(): Promise<void>;
  /** Resolves once every event committed before the call has been handled. */
  caughtUp(): Promise<void>;
}

export interface SubscriptionHandler {
  handle(events: RecordedEvent[]): Promise<void>;
  onError?(error: unknown): void;
}

export interface EventStore {
  appendToStream(
    streamName: string,
    events: EventToAppend[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult>;
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(handler: SubscriptionHandler, options?: SubscribeOptions): Subscription;
  /** Soft delete: reads answer StreamNotFound, the events stay in $all, a new append revives the stream. */
  deleteStream(streamName: string, options?: { expectedRevision?: ExpectedRevision }): Promise<void>;
  /** Hides every event below `beforeRevision` from stream reads. */
  truncateStream(streamName: string, beforeRevision: bigint): Promise<void>;
  /** The current revision of a stream, or null when it does not exist. */
  streamRevision(streamName: string): Promise<bigint | null>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');

export class WrongExpectedVersionError extends Error {
  readonly code = 'WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual revision, or null when it does not exist. */
    readonly actual: bigint | null,
  ) {
    super(`Wrong expected version on ${streamName}: expected ${String(expected)}, actual ${actual === null ? 'no stream' : String(actual)}`);
    this.name = 'WrongExpectedVersionError';
  }
}

export class StreamNotFoundError extends Error {
  readonly code = 'STREAM_NOT_FOUND';
  constructor(readonly streamName: string) {
    super(`Stream ${streamName} not found`);
    this.name = 'StreamNotFoundError';
  }
}

/** The same event id was already written with different content or in another stream. */
export class IdempotencyConflictError extends Error {
  readonly code = 'IDEMPOTENCY_CONFLICT';
  constructor(readonly streamName: string, readonly eventId: string) {
    super(`Event ${eventId} already exists outside the retried append on ${streamName}`);
    this.name = 'IdempotencyConflictError';
  }
}

/** `<category>-<id>`; the category never contains a dash (EventStoreDB splits on the first one). */
export function streamName(category: string, id: string): string {
  if (category.includes('-')) throw new Error(`Stream category must not contain a dash: ${category}`);
  return `${category}-${id}`;
}

export function categoryOf(stream: string): string {
  const dash = stream.indexOf('-');
  return dash === -1 ? stream : stream.slice(0, dash);
}
