import {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionHandler,
} from '../../application/shared/event-store.port';

/** Passes every call to the store it wraps; a decorator overrides only what it changes. */
export abstract class DelegatingEventStore implements EventStore {
  constructor(protected readonly inner: EventStore) {}

  appendToStream(
    streamName: string,
    events: EventToAppend[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult> {
    return this.inner.appendToStream(streamName, events, options);
  }

  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamName, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribeToAll(handler: SubscriptionHandler, options?: SubscribeOptions): Subscription {
    return this.inner.subscribeToAll(handler, options);
  }

  deleteStream(
    streamName: string,
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<void> {
    return this.inner.deleteStream(streamName, options);
  }

  truncateStream(streamName: string, beforeRevision: bigint): Promise<void> {
    return this.inner.truncateStream(streamName, beforeRevision);
  }

  streamRevision(streamName: string): Promise<bigint | null> {
    return this.inner.streamRevision(streamName);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
