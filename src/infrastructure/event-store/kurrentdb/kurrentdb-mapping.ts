import {
  ANY,
  ErrorType,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  eventTypeFilter,
  excludeSystemEvents,
  isCommandError,
  streamNameFilter,
} from '@kurrent/kurrentdb-client';
import type {
  AppendStreamState,
  CurrentStreamState,
  EventData,
  Filter,
  JSONType,
  Position,
  ReadPosition,
  RecordedEvent as KurrentRecordedEvent,
} from '@kurrent/kurrentdb-client';
import {
  EventToAppend,
  ExpectedRevision,
  LogPosition,
  RecordedEvent,
  StreamNotFoundError,
  SubscriptionFilter,
  WrongExpectedVersionError,
} from '../../../application/shared/event-store.port';

/** Event-metadata key carrying `schemaVersion`; stripped again on read. */
export const SCHEMA_VERSION_KEY = '$schemaVersion';

/** Positions at or below this are "before the first event" (covers both -1/-1 and 0/0). */
const ORIGIN: LogPosition = { commit: 0n, prepare: 0n };

export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      if (expected < 0n) throw new RangeError(`Expected revision must be >= 0, got ${expected}`);
      return expected;
  }
}

/** The client reports a missing stream as `no_stream` on appends and as -1 on deletes. */
export function toActualRevision(actual: CurrentStreamState | bigint): bigint | null {
  return actual === NO_STREAM || actual < 0n ? null : actual;
}

/** `after` is exclusive in the port; the origin maps to START so the first event is kept. */
export function toReadPosition(after: LogPosition | undefined): ReadPosition {
  if (!after || isAtOrBefore(after, ORIGIN)) return START;
  return { commit: after.commit, prepare: after.prepare };
}

export function isAtOrBefore(a: LogPosition, b: LogPosition): boolean {
  return a.commit < b.commit || (a.commit === b.commit && a.prepare <= b.prepare);
}

/** Servers before 22.6 send no position on stream reads, or 2^64-1 for "unknown". */
export function fromClientPosition(position: Position | undefined): LogPosition | null {
  if (!position || position.commit < 0n || position.commit >= 0xffffffffffffffffn) return null;
  return { commit: position.commit, prepare: position.prepare };
}

function activeCategories(filter: SubscriptionFilter | undefined): string[] {
  return (filter?.categories ?? []).filter((c) => c.length > 0);
}

function activeTypePrefixes(filter: SubscriptionFilter | undefined): string[] {
  return (filter?.eventTypePrefixes ?? []).filter((p) => p.length > 0);
}

/**
 * The server filters on one field only, so a filter on both categories and type
 * prefixes (an OR, as in the Postgres adapter) only excludes system events there and
 * leaves the rest to `eventMatcher`.
 */
export function toServerFilter(filter: SubscriptionFilter | undefined): Filter {
  const categories = activeCategories(filter);
  const prefixes = activeTypePrefixes(filter);
  if (categories.length > 0 && prefixes.length === 0) {
    return streamNameFilter({ prefixes: categories.map((c) => `${c}-`) });
  }
  if (prefixes.length > 0 && categories.length === 0) {
    return eventTypeFilter({ prefixes });
  }
  return excludeSystemEvents();
}

/** Client-side twin of `toServerFilter`; also drops `$` streams and types the server let through. */
export function eventMatcher(
  filter: SubscriptionFilter | undefined,
): (event: { streamId: string; type: string }) => boolean {
  const categories = activeCategories(filter).map((c) => `${c}-`);
  const prefixes = activeTypePrefixes(filter);
  return ({ streamId, type }) => {
    if (streamId.startsWith('$') || type.startsWith('$')) return false;
    if (categories.length === 0 && prefixes.length === 0) return true;
    return (
      categories.some((c) => streamId.startsWith(c)) || prefixes.some((p) => type.startsWith(p))
    );
  };
}

export function toEventData(event: EventToAppend): EventData {
  return {
    id: event.id,
    contentType: 'application/json',
    type: event.type,
    data: event.data as JSONType,
    metadata: { ...(event.metadata ?? {}), [SCHEMA_VERSION_KEY]: event.schemaVersion ?? 1 },
  };
}

function decodeJson(value: unknown): unknown {
  if (!(value instanceof Uint8Array)) return value;
  const text = Buffer.from(value).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return value;
  }
}

export function toRecordedEvent(
  event: KurrentRecordedEvent,
  fallbackPosition: LogPosition,
): RecordedEvent {
  const decoded = decodeJson(event.metadata);
  const raw: Record<string, unknown> =
    decoded !== null &&
    typeof decoded === 'object' &&
    !Array.isArray(decoded) &&
    !(decoded instanceof Uint8Array)
      ? { ...(decoded as Record<string, unknown>) }
      : {};
  const schemaVersion = raw[SCHEMA_VERSION_KEY];
  delete raw[SCHEMA_VERSION_KEY];
  return {
    id: event.id,
    streamName: event.streamId,
    revision: event.revision,
    position: fromClientPosition(event.position) ?? fallbackPosition,
    type: event.type,
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 1,
    data: decodeJson(event.data),
    metadata: raw,
    recordedAt: event.created,
  };
}

/** Translates the client's errors into the port's; anything else passes through unchanged. */
export function mapClientError(
  error: unknown,
  streamName: string,
  expected: ExpectedRevision,
): unknown {
  if (!(error instanceof Error) || !isCommandError(error)) return error;
  switch (error.type) {
    case ErrorType.WRONG_EXPECTED_VERSION:
      return new WrongExpectedVersionError(
        streamName,
        expected,
        toActualRevision(error.actualState),
      );
    case ErrorType.STREAM_NOT_FOUND:
    case ErrorType.STREAM_DELETED:
    case ErrorType.STREAM_TOMBSTONED:
      return new StreamNotFoundError(streamName);
    default:
      return error;
  }
}
