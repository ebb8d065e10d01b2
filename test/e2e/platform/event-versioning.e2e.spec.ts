import { randomUUID } from 'node:crypto';
import {
  EVENT_STORE,
  EventStore,
  RecordedEvent,
  START_POSITION,
} from '../../../src/application/shared/event-store.port';
import {
  PostgresPersonalDataKeyring,
  withPersonalDataProtection,
} from '../../../src/infrastructure/event-store/personal-data';
import { PostgresEventStore } from '../../../src/infrastructure/event-store/postgres/postgres-event-store';
import { projectionsNamed } from '../../../src/projections/all-projections';
import { bulkPostgresReader } from '../../../src/projections/runner/bulk-log-reader';
import { rebuildProjections } from '../../../src/projections/runner/rebuild';
import { startTestApp, TestApp } from '../../support/test-app';

const IBAN = 'FR7630006000011234567890189';
const MASK = 'FR76 **** 0189';

/** Version 1 of the events carrying a withdrawal account: a bank account without `ibanMasked`. */
const v1Account = (accountId: string) => ({
  accountId,
  kind: 'bank',
  iban: IBAN,
  holderName: 'Camille Martin',
});

describe('event versioning: appends carry the current version, old stored JSON reads as the current shape', () => {
  let t: TestApp;
  let store: EventStore;
  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get(EVENT_STORE);
  });
  afterAll(async () => t?.close());

  /** Writes one event straight into the log table, as an older release did. */
  async function insertRaw(stream: string, type: string, version: number, data: unknown) {
    const id = randomUUID();
    await t.db.pool.query(
      'INSERT INTO es_streams (stream_name) VALUES ($1) ON CONFLICT DO NOTHING',
      [stream],
    );
    await t.db.pool.query(
      `INSERT INTO es_events (stream_name, category, stream_revision, event_id, event_type, schema_version, data, metadata)
       SELECT $1, split_part($1, '-', 1), coalesce(max(stream_revision) + 1, 0), $2, $3, $4, $5, $6
         FROM es_events WHERE stream_name = $1`,
      [
        stream,
        id,
        type,
        version,
        data,
        { occurredAt: new Date().toISOString(), actorId: 'system', actorRole: 'system' },
      ],
    );
    return id;
  }

  async function storedVersion(eventId: string): Promise<number> {
    const { rows } = await t.db.pool.query<{ schema_version: number }>(
      'SELECT schema_version FROM es_events WHERE event_id = $1',
      [eventId],
    );
    return rows[0].schema_version;
  }

  it('stores an append with its type’s version from the context table', async () => {
    const providerId = randomUUID();
    const token = await t.tokenFor({ accountId: providerId, roles: ['provider'] });
    const created = await t.request('POST', '/wallet/withdrawal-accounts', {
      token,
      body: { kind: 'bank', iban: IBAN, holderName: 'Camille Martin' },
    });
    expect(created.status).toBe(201);
    const [registered] = await store.readStream(`wallet-${providerId}`);
    expect(registered.type).toBe('WithdrawalAccountRegistered');
    expect(await storedVersion(registered.id)).toBe(2);

    const other = randomUUID();
    await store.appendToStream(`gig-${other}`, [
      { id: other, type: 'GigArchived', data: { gigId: other }, metadata: { actorId: 'a' } },
    ]);
    expect(await storedVersion(other)).toBe(1);
  });

  it('reads a raw v1 WithdrawalAccountRegistered as v2 with the mask, by stream, in $all and in a subscription', async () => {
    const providerId = randomUUID();
    const stream = `wallet-${providerId}`;
    const data = { providerId, account: v1Account(randomUUID()) };
    const eventId = await insertRaw(stream, 'WithdrawalAccountRegistered', 1, data);
    const v2 = {
      schemaVersion: 2,
      data: { ...data, account: { ...data.account, ibanMasked: MASK } },
    };

    expect((await store.readStream(stream))[0]).toMatchObject(v2);
    const all = await store.readAll({ maxCount: 10_000, filter: { categories: ['wallet'] } });
    expect(all.find((e) => e.id === eventId)).toMatchObject(v2);

    const seen: RecordedEvent[] = [];
    const subscription = store.subscribeToAll(
      { handle: async (events) => void seen.push(...events) },
      { filter: { categories: ['wallet'] } },
    );
    await subscription.caughtUp();
    await subscription.stop();
    expect(seen.find((e) => e.id === eventId)).toMatchObject(v2);

    // What a provider sees did not change: the wallet still shows the account by its mask.
    const token = await t.tokenFor({ accountId: providerId, roles: ['provider'] });
    const wallet = await t.request('GET', '/wallet', { token });
    expect(wallet.body.accounts).toEqual([
      expect.objectContaining({ kind: 'bank', ibanMasked: MASK }),
    ]);
  });

  it('upcasts after decryption: a v1 account with its IBAN encrypted reads with the mask of the clear IBAN', async () => {
    const providerId = randomUUID();
    const stream = `wallet-${providerId}`;
    const older = withPersonalDataProtection(
      new PostgresEventStore(t.db.pool, { connectionString: t.db.url }),
      new PostgresPersonalDataKeyring(t.db.pool, t.config.PERSONAL_DATA_MASTER_KEY),
    );
    const id = randomUUID();
    await older.appendToStream(stream, [
      {
        id,
        type: 'WithdrawalAccountRegistered',
        schemaVersion: 1,
        data: { providerId, account: v1Account(randomUUID()) },
        metadata: { actorId: providerId, occurredAt: new Date().toISOString() },
      },
    ]);
    const { rows } = await t.db.pool.query(
      'SELECT data::text AS data FROM es_events WHERE event_id = $1',
      [id],
    );
    expect(rows[0].data).not.toContain(IBAN.slice(4, -4));
    expect(rows[0].data).not.toContain('ibanMasked');

    const [event] = await store.readStream(stream);
    expect(event).toMatchObject({
      schemaVersion: 2,
      data: { account: { iban: IBAN, ibanMasked: MASK } },
    });
  });

  it('a rebuild reads old JSON through the same upcasters: v2 from the bulk reader, the mask in the read model', async () => {
    const providerId = randomUUID();
    const payoutId = randomUUID();
    const data = { payoutId, providerId, amountCents: 1_500, account: v1Account(randomUUID()) };
    const eventId = await insertRaw(`payout-${payoutId}`, 'PayoutRequested', 1, data);
    await t.settle();

    const read = await bulkPostgresReader(t.db.pool, store).read(START_POSITION, 10_000, [
      'PayoutRequested',
    ]);
    expect(read.find((e) => e.id === eventId)).toMatchObject({
      schemaVersion: 2,
      data: { account: { ibanMasked: MASK } },
    });

    await rebuildProjections(store, t.db.pool, projectionsNamed('wallets'), {
      reader: bulkPostgresReader(t.db.pool, store),
    });
    const { rows } = await t.db.pool.query(
      'SELECT account_kind, account_hint FROM rm_payouts WHERE payout_id = $1',
      [payoutId],
    );
    expect(rows).toEqual([{ account_kind: 'bank', account_hint: MASK }]);
  });
});
