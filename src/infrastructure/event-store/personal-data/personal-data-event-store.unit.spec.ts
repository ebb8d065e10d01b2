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

describe('personal fields declared outside data.personal (bank details of payouts)', () => {
  let inner: MemoryStore;
  let keyring: MemoryKeyring;
  let store: EventStore;
  beforeEach(() => {
    inner = new MemoryStore();
    keyring = new MemoryKeyring();
    store = withPersonalDataProtection(inner, keyring);
  });
  const bank = {
    accountId: 'acc-1',
    kind: 'bank',
    iban: 'FR7630006000011234567890189',
    holderName: 'Marie Curie',
    ibanMasked: 'FR76 **** 0189',
  };
  const requested = (id = 'po-evt'): EventToAppend => ({
    id,
    type: 'PayoutRequested',
    data: { payoutId: 'po-1', providerId: 'seller-1', amountCents: 2500, account: bank },
    metadata: { actorId: 'seller-1' },
  });

  it('stores no IBAN, holder name or PayPal address in clear, and names the provider as owner', async () => {
    await store.appendToStream('payout-po-1', [requested()]);
    await store.appendToStream('wallet-seller-1', [
      {
        id: 'wa-evt',
        type: 'WithdrawalAccountRegistered',
        data: {
          providerId: 'seller-1',
          account: { accountId: 'acc-2', kind: 'paypal', email: 'marie@example.fr' },
        },
      },
    ]);
    const stored = JSON.stringify(inner.log.map((e) => ({ d: e.data, m: e.metadata })));
    for (const secret of ['30006000011234567890189', 'Marie', 'marie@example.fr'])
      expect(stored).not.toContain(secret);
    expect(inner.log[0].data).toMatchObject({
      amountCents: 2500,
      account: { accountId: 'acc-1', kind: 'bank', ibanMasked: 'FR76 **** 0189' },
      personal: { owner: 'seller-1', fields: ['account.iban', 'account.holderName'] },
    });
    expect(inner.log[0].metadata).toMatchObject({ personalDataOwner: 'seller-1' });
  });

  it('reads the event back exactly as the decider wrote it', async () => {
    await store.appendToStream('payout-po-1', [requested()]);
    expect((await store.readStream('payout-po-1'))[0].data).toEqual(requested().data);
    expect((await store.readAll())[0].data).toEqual(requested().data);
  });

  it('reads [erased] in place of the details once the provider is erased, and keeps the mask', async () => {
    await store.appendToStream('payout-po-1', [requested()]);
    await keyring.destroy('seller-1');
    await store.appendToStream('payout-po-1', [requested('po-evt-late')]);
    expect(JSON.stringify(inner.log[1].data)).not.toContain('Marie');
    for (const event of await store.readStream('payout-po-1'))
      expect((event.data as any).account).toEqual({
        ...bank,
        iban: ERASED_PLACEHOLDER,
        holderName: ERASED_PLACEHOLDER,
      });
  });

  it('reads an event stored before the rule existed (details in clear) unchanged', async () => {
    inner.log.push({
      id: 'old',
      streamName: 'payout-po-0',
      revision: 0n,
      position: { commit: 1n, prepare: 0n },
      type: 'PayoutRequested',
      schemaVersion: 1,
      data: { payoutId: 'po-0', providerId: 'seller-1', amountCents: 1, account: { ...bank } },
      metadata: {},
      recordedAt: new Date(),
    });
    expect((await store.readStream('payout-po-0'))[0].data).toMatchObject({ account: bank });
  });
});

describe('personal fields of mission events (address, details, words)', () => {
  let inner: MemoryStore;
  let keyring: MemoryKeyring;
  let store: EventStore;
  beforeEach(() => {
    inner = new MemoryStore();
    keyring = new MemoryKeyring();
    store = withPersonalDataProtection(inner, keyring);
  });
  const place = {
    address: '12 rue des Lilas',
    postalCode: '75011',
    city: 'Paris',
    lat: 48.8674,
    lng: 2.3636,
  };
  const requestedData = {
    missionId: 'm1',
    clientId: 'client-1',
    details: 'Digicode 4521',
    place,
    reservedCents: 9_000,
  };
  const requested: EventToAppend = { id: 'm-req', type: 'MissionRequested', data: requestedData };
  const posted = (authorId: string, id = 'm-msg'): EventToAppend => ({
    id,
    type: 'MissionMessagePosted',
    data: { missionId: 'm1', messageId: id, authorId, text: 'Clé chez la gardienne', fileRefs: [] },
  });

  it("keeps the address and the details out of the log, the place's coordinates in clear", async () => {
    await store.appendToStream('mission-m1', [requested, posted('provider-1')]);
    const stored = JSON.stringify(inner.log.map((e) => e.data));
    for (const secret of ['Lilas', 'Digicode', 'gardienne']) expect(stored).not.toContain(secret);
    expect(inner.log[0].data).toMatchObject({
      place: { postalCode: '75011', city: 'Paris', lat: 48.8674, lng: 2.3636 },
      reservedCents: 9_000,
      personal: { owner: 'client-1', fields: ['place.address', '$.details'] },
    });
    // A message is its author's words: the provider's key, not the client's.
    expect(inner.log[1].data).toMatchObject({
      personal: { owner: 'provider-1', fields: ['$.text'] },
    });
    expect((await store.readStream('mission-m1')).map((e) => e.data)).toEqual([
      requested.data,
      posted('provider-1').data,
    ]);
  });

  it("reads [erased] for the client's fields once the client is erased, the rest intact", async () => {
    await store.appendToStream('mission-m1', [requested, posted('provider-1')]);
    await keyring.destroy('client-1');
    const [req, msg] = await store.readStream('mission-m1');
    expect(req.data).toEqual({
      ...requestedData,
      details: ERASED_PLACEHOLDER,
      place: { ...place, address: ERASED_PLACEHOLDER },
    });
    expect((msg.data as any).text).toBe('Clé chez la gardienne');
  });

  it("leaves a cancellation by the system (nobody's words) in clear instead of refusing it", async () => {
    const cancelled: EventToAppend = {
      id: 'm-cancel',
      type: 'MissionCancelled',
      data: { missionId: 'm1', cancelledBy: 'system', reason: 'payment_authorisation_failed' },
    };
    await store.appendToStream('mission-m1', [cancelled]);
    expect(inner.log[0].data).toEqual(cancelled.data);
    expect(keyring.keys.size).toBe(0);
  });

  it("encrypts a client cancellation reason with the actor's key", async () => {
    await store.appendToStream('mission-m1', [
      {
        id: 'm-cancel-2',
        type: 'MissionCancelled',
        data: {
          missionId: 'm1',
          cancelledBy: 'client',
          actorId: 'client-1',
          reason: 'Je déménage',
        },
      },
    ]);
    expect(JSON.stringify(inner.log[0].data)).not.toContain('déménage');
    expect(inner.log[0].data).toMatchObject({
      personal: { owner: 'client-1', fields: ['$.reason'] },
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
