import { randomBytes } from 'node:crypto';
import {
  AppendResult,
  EventStore,
  EventToAppend,
  RecordedEvent,
  StreamNotFoundError,
  SubscriptionHandler,
} from '../../../application/shared/event-store.port';
import { ERASED_PLACEHOLDER, unwrapKey, wrapKey } from './personal-data-cipher';
import {
  PersonalDataOwnerMissingError,
  withPersonalDataProtection,
} from './personal-data-event-store';
import { PersonalDataKeyring } from './personal-data-keyring';

/** Just enough of an event store to see what reaches the log. */
class MemoryStore implements EventStore {
  readonly log: RecordedEvent[] = [];
  handlers: SubscriptionHandler[] = [];

  async appendToStream(streamName: string, events: EventToAppend[]): Promise<AppendResult> {
    const recorded = events.map((e, i) => ({
      id: e.id,
      streamName,
      revision: BigInt(this.log.filter((x) => x.streamName === streamName).length + i),
      position: { commit: BigInt(this.log.length + i + 1), prepare: 0n },
      type: e.type,
      schemaVersion: 1,
      data: JSON.parse(JSON.stringify(e.data)),
      metadata: { ...(e.metadata ?? {}) },
      recordedAt: new Date(),
    }));
    this.log.push(...recorded);
    for (const h of this.handlers) await h.handle(recorded);
    return {
      nextExpectedRevision: recorded[recorded.length - 1].revision,
      position: recorded[recorded.length - 1].position,
    };
  }
  async readStream(streamName: string) {
    const events = this.log.filter((e) => e.streamName === streamName);
    if (events.length === 0) throw new StreamNotFoundError(streamName);
    return events;
  }
  async readAll() {
    return [...this.log];
  }
  subscribeToAll(handler: SubscriptionHandler) {
    this.handlers.push(handler);
    return { stop: async () => undefined, caughtUp: async () => undefined };
  }
  async deleteStream() {}
  async truncateStream() {}
  async streamRevision() {
    return null;
  }
  async close() {}
}

class MemoryKeyring implements PersonalDataKeyring {
  readonly keys = new Map<string, Buffer | null>();
  async encryptionKey(owner: string) {
    if (!this.keys.has(owner)) this.keys.set(owner, randomBytes(32));
    return this.keys.get(owner)!;
  }
  async decryptionKey(owner: string) {
    return this.keys.get(owner) ?? null;
  }
  async destroy(owner: string) {
    this.keys.set(owner, null);
  }
}

const registered = (accountId: string, id = `evt-${accountId}`): EventToAppend => ({
  id,
  type: 'AccountRegistered',
  data: {
    accountId,
    roles: ['client'],
    personal: { email: 'camille@example.fr', displayName: 'Camille Martin' },
  },
  metadata: { actorId: accountId },
});

describe('PersonalDataProtectingEventStore', () => {
  let inner: MemoryStore;
  let keyring: MemoryKeyring;
  let store: EventStore;
  beforeEach(() => {
    inner = new MemoryStore();
    keyring = new MemoryKeyring();
    store = withPersonalDataProtection(inner, keyring);
  });

  describe('while the owner has a key', () => {
    it('writes no personal value in clear, and names the owner in the metadata', async () => {
      await store.appendToStream('account-a1', [registered('a1')]);
      const stored = JSON.stringify({ data: inner.log[0].data, metadata: inner.log[0].metadata });
      expect(stored).not.toContain('camille');
      expect(stored).not.toContain('Camille');
      expect(inner.log[0].data).toMatchObject({
        accountId: 'a1',
        roles: ['client'],
        personal: { $encrypted: 'aes-256-gcm', owner: 'a1', fields: ['email', 'displayName'] },
      });
      expect(inner.log[0].metadata).toMatchObject({ personalDataOwner: 'a1', actorId: 'a1' });
    });

    it('gives the plain values back on stream reads, log reads and subscriptions', async () => {
      const seen: RecordedEvent[] = [];
      store.subscribeToAll({ handle: async (events) => void seen.push(...events) });
      await store.appendToStream('account-a1', [registered('a1')]);
      const expected = { email: 'camille@example.fr', displayName: 'Camille Martin' };
      expect(((await store.readStream('account-a1'))[0].data as any).personal).toEqual(expected);
      expect(((await store.readAll())[0].data as any).personal).toEqual(expected);
      expect((seen[0].data as any).personal).toEqual(expected);
    });

    it('uses metadata.personalDataOwner for events of other contexts', async () => {
      await store.appendToStream('order-o1', [
        {
          id: 'e1',
          type: 'OrderPlaced',
          data: { orderId: 'o1', priceCents: 1000, personal: { deliveryAddress: '1 rue A' } },
          metadata: { personalDataOwner: 'buyer' },
        },
      ]);
      expect((inner.log[0].data as any).personal.owner).toBe('buyer');
      expect(keyring.keys.has('buyer')).toBe(true);
    });

    it('refuses personal data that names no owner rather than store it in clear', async () => {
      const append = store.appendToStream('order-o2', [
        { id: 'e2', type: 'OrderPlaced', data: { personal: { name: 'X' } } },
      ]);
      await expect(append).rejects.toBeInstanceOf(PersonalDataOwnerMissingError);
      expect(inner.log).toHaveLength(0);
    });

    it('leaves events without data.personal untouched', async () => {
      const event = { id: 'e3', type: 'EscrowFunded', data: { escrowId: 'x', amountCents: 500 } };
      await store.appendToStream('escrow-x', [event]);
      expect(inner.log[0].data).toEqual(event.data);
    });

    it('refuses a ciphertext moved into another event', async () => {
      await store.appendToStream('account-a1', [registered('a1', 'first')]);
      inner.log[0].id = 'another';
      await expect(store.readStream('account-a1')).rejects.toThrow();
    });
  });

  describe('once the owner key is destroyed', () => {
    it('reads every personal field as the placeholder and keeps the other data', async () => {
      await store.appendToStream('account-a1', [registered('a1')]);
      await keyring.destroy('a1');
      const [event] = await store.readStream('account-a1');
      expect(event.data).toEqual({
        accountId: 'a1',
        roles: ['client'],
        personal: { email: ERASED_PLACEHOLDER, displayName: ERASED_PLACEHOLDER },
      });
    });

    it('never writes the person again, not even encrypted', async () => {
      await keyring.destroy('a1');
      await store.appendToStream('account-a1', [
        {
          id: 'p1',
          type: 'ProfileUpdated',
          data: { accountId: 'a1', updatedAt: 'now', personal: { phone: '0612345678' } },
        },
      ]);
      expect(inner.log[0].data).toEqual({
        accountId: 'a1',
        updatedAt: 'now',
        personal: { phone: ERASED_PLACEHOLDER },
      });
    });

    it('does not touch other people', async () => {
      await store.appendToStream('account-a1', [registered('a1')]);
      await store.appendToStream('account-b2', [registered('b2')]);
      await keyring.destroy('a1');
      expect(((await store.readStream('account-b2'))[0].data as any).personal.email).toBe(
        'camille@example.fr',
      );
    });
  });
});

describe('data-key wrapping', () => {
  it('unwraps only with the same master key and owner', () => {
    const master = randomBytes(32);
    const key = randomBytes(32);
    const wrapped = wrapKey(master, key, 'a1');
    expect(unwrapKey(master, wrapped, 'a1').equals(key)).toBe(true);
    expect(() => unwrapKey(master, wrapped, 'b2')).toThrow();
    expect(() => unwrapKey(randomBytes(32), wrapped, 'a1')).toThrow();
  });
});
