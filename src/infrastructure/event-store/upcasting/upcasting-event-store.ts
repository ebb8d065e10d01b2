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
} from '../../../application/shared/event-store.port';
import { DelegatingEventStore } from '../delegating-event-store';
import { UpcasterRegistry } from './upcaster-registry';

/**
 * Stores every appended event with its type's current schema version, and hands every read and
 * subscription the current shape, so domain code and projections never meet an old one.
 */
export class UpcastingEventStore extends DelegatingEventStore {
  constructor(
    inner: EventStore,
    readonly registry: UpcasterRegistry,
  ) {
    super(inner);
  }

  override appendToStream(
    streamName: string,
    events: EventToAppend[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult> {
    const versioned = events.map((e) => {
      const schemaVersion = this.registry.versionOf(e.type) ?? e.schemaVersion;
      return schemaVersion === undefined ? e : { ...e, schemaVersion };
    });
    return this.inner.appendToStream(streamName, versioned, options);
  }

  override async readStream(
    streamName: string,
    options?: ReadStreamOptions,
  ): Promise<RecordedEvent[]> {
    return this.registry.upcastAll(await this.inner.readStream(streamName, options));
  }

  override async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.registry.upcastAll(await this.inner.readAll(options));
  }

  override subscribeToAll(handler: SubscriptionHandler, options?: SubscribeOptions): Subscription {
    return this.inner.subscribeToAll(
      {
        handle: (events) => handler.handle(this.registry.upcastAll(events)),
        onError: handler.onError ? (error) => handler.onError!(error) : undefined,
      },
      options,
    );
  }
}
