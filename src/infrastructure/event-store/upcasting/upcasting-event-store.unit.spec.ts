import {
  AppendResult,
  EventStore,
  EventToAppend,
  RecordedEvent,
  SubscriptionHandler,
} from '../../../application/shared/event-store.port';
import { Upcaster, UpcasterRegistry } from './upcaster-registry';
import { UpcastingEventStore } from './upcasting-event-store';

/** Keeps what it was given, and serves back one stored event of version 1. */
class RecordingStore implements Partial<EventStore> {
  appended: EventToAppend[] = [];
  handler?: SubscriptionHandler;
  readonly old: RecordedEvent = {
    id: 'e1',
    streamName: 'thing-1',
    revision: 0n,
    position: { commit: 1n, prepare: 1n },
    type: 'ThingHappened',
    schemaVersion: 1,
    data: { name: 'a' },
    metadata: {},
    recordedAt: new Date(0),
  };
  async appendToStream(_stream: string, events: EventToAppend[]): Promise<AppendResult> {
    this.appended.push(...events);
    return { nextExpectedRevision: 0n, position: { commit: 1n, prepare: 1n } };
  }
  async readStream() {
    return [this.old];
  }
  async readAll() {
    return [this.old];
  }
  subscribeToAll(handler: SubscriptionHandler) {
    this.handler = handler;
    return { stop: async () => undefined, caughtUp: async () => undefined };
  }
}

const renamed: Upcaster = {
  type: 'ThingHappened',
  from: 1,
  upcast: (data) => ({ title: (data as { name: string }).name }),
};

describe('UpcastingEventStore', () => {
  let inner: RecordingStore;
  let store: UpcastingEventStore;
  beforeEach(() => {
    inner = new RecordingStore();
    store = new UpcastingEventStore(
      inner as unknown as EventStore,
      new UpcasterRegistry({ ThingHappened: 2 }, [renamed]),
    );
  });

  it('stores a declared type with its current version, whatever the caller said', async () => {
    await store.appendToStream('thing-1', [
      { id: 'a', type: 'ThingHappened', data: {} },
      { id: 'b', type: 'ThingHappened', schemaVersion: 1, data: {} },
    ]);
    expect(inner.appended.map((e) => e.schemaVersion)).toEqual([2, 2]);
  });

  it('leaves the version of a type no context declares to the caller', async () => {
    await store.appendToStream('note-1', [
      { id: 'a', type: 'NoteAdded', data: {} },
      { id: 'b', type: 'NoteAdded', schemaVersion: 3, data: {} },
    ]);
    expect(inner.appended.map((e) => e.schemaVersion)).toEqual([undefined, 3]);
  });

  it('hands reads and subscriptions the current shape', async () => {
    const current = { schemaVersion: 2, data: { title: 'a' } };
    expect((await store.readStream('thing-1'))[0]).toMatchObject(current);
    expect((await store.readAll())[0]).toMatchObject(current);
    const seen: RecordedEvent[] = [];
    store.subscribeToAll({ handle: async (events) => void seen.push(...events) });
    await inner.handler!.handle([inner.old]);
    expect(seen).toEqual([expect.objectContaining(current)]);
    expect(inner.old.data).toEqual({ name: 'a' });
  });
});
