import {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
} from '../../../application/shared/event-store.port';
import { DelegatingEventStore } from '../delegating-event-store';
import { ValidationError } from '../../../domain/shared/domain-error';
import { findTextFaults, TEXT_FAULT_MESSAGES, TextFaultAt } from '../../../domain/shared/text';

/**
 * An event carried a string Postgres refuses (NUL, lone surrogate). A validation error, so the
 * HTTP layer answers 400 and a reactor dead-letters the command instead of retrying it forever.
 */
export class UnstorableEventDataError extends ValidationError {
  constructor(readonly faults: TextFaultAt[]) {
    const errors = faults.map((f) => ({
      field: f.field,
      reason: f.fault,
      messages: [TEXT_FAULT_MESSAGES[f.fault]],
    }));
    super(
      'INVALID_CHARACTERS',
      `The change cannot be stored: ${errors.map((e) => `${e.field} ${e.messages[0]}`).join('; ')}`,
      { errors },
    );
  }
}

/** Every fault of one append, by path inside it (`stream`, `events.0.data.personal.displayName`). */
export function unstorableFaults(streamName: string, events: EventToAppend[]): TextFaultAt[] {
  const options = { controlCharacters: false };
  return [
    ...findTextFaults(streamName, { ...options, rootPath: 'stream' }),
    ...events.flatMap((event, i) => [
      ...findTextFaults(event.id, { ...options, rootPath: `events.${i}.id` }),
      ...findTextFaults(event.type, { ...options, rootPath: `events.${i}.type` }),
      ...findTextFaults(event.data, { ...options, rootPath: `events.${i}.data` }),
      ...findTextFaults(event.metadata ?? {}, { ...options, rootPath: `events.${i}.metadata` }),
    ]),
  ];
}

/**
 * Refuses, before any adapter sees it, an append whose strings Postgres would refuse, so the log
 * never holds an event that a projection cannot write. It wraps the personal-data decorator,
 * so it checks personal values in clear, before they are encrypted.
 */
export class StorableDataEventStore extends DelegatingEventStore {
  override appendToStream(
    streamName: string,
    events: EventToAppend[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult> {
    const faults = unstorableFaults(streamName, events);
    if (faults.length > 0) return Promise.reject(new UnstorableEventDataError(faults));
    return this.inner.appendToStream(streamName, events, options);
  }
}

export function withStorableDataGuard(store: EventStore): EventStore {
  return new StorableDataEventStore(store);
}
