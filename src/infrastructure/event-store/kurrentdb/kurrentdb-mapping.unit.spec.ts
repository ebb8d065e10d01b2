import {
  ANY,
  EVENT_TYPE,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  STREAM_NAME,
  StreamDeletedError,
  StreamNotFoundError as KurrentStreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError as KurrentWrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import type { RecordedEvent as KurrentRecordedEvent } from '@kurrent/kurrentdb-client';
import {
  START_POSITION,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '../../../application/shared/event-store.port';
import {
  SCHEMA_VERSION_KEY,
  eventMatcher,
  fromClientPosition,
  mapClientError,
  toEventData,
  toReadPosition,
  toRecordedEvent,
  toServerFilter,
  toStreamState,
} from './kurrentdb-mapping';

const EVENT_ID = '6f1c1b8e-2f57-4c1e-9a53-0d6f7c1e2a10';

function recorded(overrides: Partial<Record<string, unknown>> = {}): KurrentRecordedEvent {
  return {
    streamId: 'order-1',
    id: EVENT_ID,
    isJson: true,
    revision: 3n,
    type: 'OrderPlaced',
    created: new Date('2024-11-23T10:00:00.000Z'),
    data: { amountCents: 1200 },
    metadata: { correlationId: 'c-1', [SCHEMA_VERSION_KEY]: 2 },
    position: { commit: 900n, prepare: 880n },
    ...overrides,
  } as KurrentRecordedEvent;
}

describe('toStreamState', () => {
  it('maps each named expectation to the client constant', () => {
    expect(toStreamState('any')).toBe(ANY);
    expect(toStreamState('no_stream')).toBe(NO_STREAM);
    expect(toStreamState('stream_exists')).toBe(STREAM_EXISTS);
  });

  it('passes an exact revision through, zero included', () => {
    expect(toStreamState(0n)).toBe(0n);
    expect(toStreamState(41n)).toBe(41n);
  });

  it('refuses a negative revision instead of sending it to the server', () => {
    expect(() => toStreamState(-1n)).toThrow(RangeError);
  });
});

describe('toReadPosition', () => {
  it('starts from the beginning without a checkpoint or at the port origin', () => {
    expect(toReadPosition(undefined)).toBe(START);
    expect(toReadPosition(START_POSITION)).toBe(START);
    expect(toReadPosition({ commit: -1n, prepare: -1n })).toBe(START);
  });

  it('forwards a real checkpoint as a KurrentDB position', () => {
    expect(toReadPosition({ commit: 1056n, prepare: 1040n })).toEqual({
      commit: 1056n,
      prepare: 1040n,
    });
  });
});

describe('fromClientPosition', () => {
  it('keeps a position the server reported', () => {
    expect(fromClientPosition({ commit: 12n, prepare: 10n })).toEqual({
      commit: 12n,
      prepare: 10n,
    });
  });

  it('treats a missing or "unknown" (2^64-1) position as absent', () => {
    expect(fromClientPosition(undefined)).toBeNull();
    const unknown = 0xffffffffffffffffn;
    expect(fromClientPosition({ commit: unknown, prepare: unknown })).toBeNull();
  });
});

describe('toServerFilter', () => {
  it('excludes system events when there is no filter', () => {
    expect(toServerFilter(undefined)).toMatchObject({ filterOn: EVENT_TYPE, regex: '^[^$].*' });
    expect(toServerFilter({ categories: [], eventTypePrefixes: [] })).toMatchObject({
      filterOn: EVENT_TYPE,
      regex: '^[^$].*',
    });
  });

  it('filters categories on the stream name prefix up to the dash', () => {
    expect(toServerFilter({ categories: ['order', 'escrow'] })).toMatchObject({
      filterOn: STREAM_NAME,
      prefixes: ['order-', 'escrow-'],
    });
  });

  it('filters event type prefixes on the event type', () => {
    expect(toServerFilter({ eventTypePrefixes: ['Payout'] })).toMatchObject({
      filterOn: EVENT_TYPE,
      prefixes: ['Payout'],
    });
  });

  it('falls back to excluding system events when both fields are set', () => {
    expect(toServerFilter({ categories: ['order'], eventTypePrefixes: ['Payout'] })).toMatchObject({
      filterOn: EVENT_TYPE,
      regex: '^[^$].*',
    });
  });
});

describe('eventMatcher', () => {
  it('drops system streams and system event types even without a filter', () => {
    const matches = eventMatcher(undefined);
    expect(matches({ streamId: 'order-1', type: 'OrderPlaced' })).toBe(true);
    expect(matches({ streamId: '$$order-1', type: '$metadata' })).toBe(false);
    expect(matches({ streamId: '$ce-order', type: 'OrderPlaced' })).toBe(false);
    expect(matches({ streamId: 'order-1', type: '$>' })).toBe(false);
  });

  it('matches a category only up to its dash', () => {
    const matches = eventMatcher({ categories: ['order'] });
    expect(matches({ streamId: 'order-1', type: 'OrderPlaced' })).toBe(true);
    expect(matches({ streamId: 'orderline-1', type: 'OrderPlaced' })).toBe(false);
  });

  it('accepts an event matching either the categories or the type prefixes', () => {
    const matches = eventMatcher({ categories: ['order'], eventTypePrefixes: ['Payout'] });
    expect(matches({ streamId: 'order-1', type: 'OrderPlaced' })).toBe(true);
    expect(matches({ streamId: 'wallet-1', type: 'PayoutRequested' })).toBe(true);
    expect(matches({ streamId: 'wallet-1', type: 'WalletCredited' })).toBe(false);
  });
});

describe('toEventData', () => {
  it('writes JSON with the caller id and the schema version in metadata', () => {
    const data = toEventData({
      id: EVENT_ID,
      type: 'OrderPlaced',
      schemaVersion: 2,
      data: { amountCents: 1200 },
      metadata: { correlationId: 'c-1' },
    });
    expect(data).toEqual({
      id: EVENT_ID,
      contentType: 'application/json',
      type: 'OrderPlaced',
      data: { amountCents: 1200 },
      metadata: { correlationId: 'c-1', [SCHEMA_VERSION_KEY]: 2 },
    });
  });

  it('defaults the schema version to 1', () => {
    const data = toEventData({ id: EVENT_ID, type: 'OrderPlaced', data: {} });
    expect(data.metadata).toEqual({ [SCHEMA_VERSION_KEY]: 1 });
  });
});

describe('toRecordedEvent', () => {
  it('gives back the schema version and the caller metadata without the reserved key', () => {
    const event = toRecordedEvent(recorded(), START_POSITION);
    expect(event).toEqual({
      id: EVENT_ID,
      streamName: 'order-1',
      revision: 3n,
      position: { commit: 900n, prepare: 880n },
      type: 'OrderPlaced',
      schemaVersion: 2,
      data: { amountCents: 1200 },
      metadata: { correlationId: 'c-1' },
      recordedAt: new Date('2024-11-23T10:00:00.000Z'),
    });
  });

  it('reads an event written without metadata as schema version 1 with empty metadata', () => {
    const event = toRecordedEvent(recorded({ metadata: undefined }), START_POSITION);
    expect(event.schemaVersion).toBe(1);
    expect(event.metadata).toEqual({});
  });

  it('decodes JSON stored as bytes into a plain object', () => {
    const bytes = new Uint8Array(Buffer.from('{"amountCents":5}', 'utf8'));
    const event = toRecordedEvent(recorded({ isJson: false, data: bytes }), START_POSITION);
    expect(event.data).toEqual({ amountCents: 5 });
  });

  it('uses the fallback position when the server sent none', () => {
    const fallback = { commit: 7n, prepare: 7n };
    expect(toRecordedEvent(recorded({ position: undefined }), fallback).position).toEqual(fallback);
  });
});

describe('mapClientError', () => {
  it('turns a version conflict into the port error with the actual revision', () => {
    const error = new KurrentWrongExpectedVersionError(undefined, {
      streamName: 'order-1',
      expected: 2n,
      current: 5n,
    });
    const mapped = mapClientError(error, 'order-1', 2n);
    expect(mapped).toBeInstanceOf(WrongExpectedVersionError);
    expect(mapped).toMatchObject({ streamName: 'order-1', expected: 2n, actual: 5n });
  });

  it('reports a missing stream as a null actual revision, whichever way the client says it', () => {
    const onAppend = new KurrentWrongExpectedVersionError(undefined, {
      streamName: 'order-1',
      expected: STREAM_EXISTS,
      current: NO_STREAM,
    });
    const onDelete = new KurrentWrongExpectedVersionError(undefined, {
      streamName: 'order-1',
      expected: 0n,
      current: -1n,
    });
    expect(mapClientError(onAppend, 'order-1', 'stream_exists')).toMatchObject({ actual: null });
    expect(mapClientError(onDelete, 'order-1', 0n)).toMatchObject({ actual: null });
  });

  it('turns a missing or deleted stream into StreamNotFoundError', () => {
    const notFound = mapClientError(
      new KurrentStreamNotFoundError(undefined, 'order-1'),
      'order-1',
      'any',
    );
    const deleted = mapClientError(StreamDeletedError.fromStreamName('order-1'), 'order-1', 'any');
    expect(notFound).toBeInstanceOf(StreamNotFoundError);
    expect(deleted).toBeInstanceOf(StreamNotFoundError);
    expect(notFound).toMatchObject({ streamName: 'order-1' });
  });

  it('leaves other errors untouched', () => {
    const unavailable = new UnavailableError();
    const plain = new Error('boom');
    expect(mapClientError(unavailable, 'order-1', 'any')).toBe(unavailable);
    expect(mapClientError(plain, 'order-1', 'any')).toBe(plain);
  });
});
