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
import {
  decryptPersonal,
  encryptPersonal,
  erasedPersonal,
  isEnvelope,
  PERSONAL_DATA_OWNER_METADATA,
} from './personal-data-cipher';
import {
  ownerOf,
  PERSONAL_FIELD_RULES,
  PersonalFieldRules,
  restorePersonalFields,
  takePersonalFields,
} from './personal-data-fields';
import { PersonalDataKeyring } from './personal-data-keyring';

/** An event carried `data.personal` but named nobody whose key could protect it. */
export class PersonalDataOwnerMissingError extends Error {
  readonly code = 'PERSONAL_DATA_OWNER_MISSING';
  constructor(readonly eventType: string) {
    super(
      `${eventType} carries data.personal but neither metadata.${PERSONAL_DATA_OWNER_METADATA}, its declared owner field nor data.accountId`,
    );
    this.name = 'PersonalDataOwnerMissingError';
  }
}

type Data = Record<string, unknown> & { personal?: unknown };

function plainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Encrypts `data.personal` of every event (plus the fields `rules` declare for its type) before it
 * reaches the log and decrypts it on every read and subscription; once an owner's key is
 * destroyed, each personal field reads `[erased]`.
 */
export class PersonalDataProtectingEventStore extends DelegatingEventStore {
  constructor(
    inner: EventStore,
    private readonly keyring: PersonalDataKeyring,
    private readonly rules: PersonalFieldRules = PERSONAL_FIELD_RULES,
  ) {
    super(inner);
  }

  override async appendToStream(
    streamName: string,
    events: EventToAppend[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult> {
    const protectedEvents = await Promise.all(events.map((e) => this.protect(e)));
    return this.inner.appendToStream(streamName, protectedEvents, options);
  }

  override async readStream(
    streamName: string,
    options?: ReadStreamOptions,
  ): Promise<RecordedEvent[]> {
    return this.revealAll(await this.inner.readStream(streamName, options));
  }

  override async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.revealAll(await this.inner.readAll(options));
  }

  override subscribeToAll(handler: SubscriptionHandler, options?: SubscribeOptions): Subscription {
    return this.inner.subscribeToAll(
      {
        handle: async (events) => handler.handle(await this.revealAll(events)),
        onError: handler.onError ? (error) => handler.onError!(error) : undefined,
      },
      options,
    );
  }

  private async protect(event: EventToAppend): Promise<EventToAppend> {
    if (!plainObject(event.data)) return event;
    const rule = Object.hasOwn(this.rules, event.type) ? this.rules[event.type] : undefined;
    let data = event.data as Data;
    const fromMetadata = event.metadata?.[PERSONAL_DATA_OWNER_METADATA];
    const named = typeof fromMetadata === 'string' && fromMetadata !== '';
    // Declared fields are personal data only when the event names their person.
    if (rule && !isEnvelope(data.personal) && (named || ownerOf(data, rule) !== undefined)) {
      const taken = takePersonalFields(data, rule.paths);
      if (Object.keys(taken.moved).length > 0) {
        const own = plainObject(data.personal) ? data.personal : {};
        data = { ...taken.data, personal: { ...own, ...taken.moved } };
      }
    }
    if (!plainObject(data.personal) || isEnvelope(data.personal)) return event;
    const owner = named ? fromMetadata : (ownerOf(data, rule) ?? data.accountId);
    if (typeof owner !== 'string' || owner === '')
      throw new PersonalDataOwnerMissingError(event.type);
    const key = await this.keyring.encryptionKey(owner);
    // An erased person's data is never written again, not even encrypted.
    const personal =
      key === null
        ? erasedPersonal(Object.keys(data.personal))
        : encryptPersonal(key, owner, event.id, data.personal);
    return {
      ...event,
      data: { ...data, personal },
      metadata: { ...(event.metadata ?? {}), [PERSONAL_DATA_OWNER_METADATA]: owner },
    };
  }

  private revealAll(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    return Promise.all(events.map((e) => this.reveal(e)));
  }

  private async reveal(event: RecordedEvent): Promise<RecordedEvent> {
    const data = event.data as Data;
    if (!plainObject(data) || !plainObject(data.personal)) return event;
    if (!isEnvelope(data.personal)) {
      // Written after the owner's erasure: placeholders in clear, still to be put back in place.
      const moved = Object.keys(data.personal).some((key) => key.includes('.'));
      return moved ? { ...event, data: restorePersonalFields(data, data.personal) } : event;
    }
    const envelope = data.personal;
    const key = await this.keyring.decryptionKey(envelope.owner);
    const personal =
      key === null ? erasedPersonal(envelope.fields) : decryptPersonal(key, envelope, event.id);
    return { ...event, data: restorePersonalFields(data, personal) };
  }
}

/** The one call that wires crypto-shredding around any EventStore adapter. */
export function withPersonalDataProtection(
  store: EventStore,
  keyring: PersonalDataKeyring,
  rules: PersonalFieldRules = PERSONAL_FIELD_RULES,
): EventStore {
  return store instanceof PersonalDataProtectingEventStore
    ? store
    : new PersonalDataProtectingEventStore(store, keyring, rules);
}
