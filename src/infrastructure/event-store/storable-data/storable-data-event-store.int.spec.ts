import { randomBytes, randomUUID } from 'node:crypto';
import { EventStore, EventToAppend } from '../../../application/shared/event-store.port';
import { ValidationError } from '../../../domain/shared/domain-error';
import { toProblem } from '../../../interfaces/http/problem/problem-details.filter';
import { createTestDatabase, TestDatabase } from '../../../../test/support/database';
import { PostgresPersonalDataKeyring, withPersonalDataProtection } from '../personal-data';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { UnstorableEventDataError, withStorableDataGuard } from './storable-data-event-store';

const event = (data: unknown, metadata: Record<string, unknown> = {}): EventToAppend => ({
  id: randomUUID(),
  type: 'NoteAdded',
  data,
  metadata: { actorId: 'a1', ...metadata },
});

/** The store as the application wires it: guard, then personal-data encryption, then Postgres. */
describe('StorableDataEventStore over the Postgres adapter', () => {
  let db: TestDatabase;
  let bare: PostgresEventStore;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase('mk_int_storable');
    bare = new PostgresEventStore(db.pool, { connectionString: db.url, pollIntervalMs: 200 });
    store = withStorableDataGuard(
      withPersonalDataProtection(
        bare,
        new PostgresPersonalDataKeyring(db.pool, randomBytes(32).toString('base64')),
      ),
    );
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  const logSize = async () => (await bare.readAll({ maxCount: 10_000 })).length;

  it('without the guard, Postgres refuses such data with a driver error (what became a 500)', async () => {
    const refusal = await bare
      .appendToStream(`note-${randomUUID()}`, [event({ text: 'a\ud800' })])
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(Error);
    expect(refusal).not.toBeInstanceOf(ValidationError);
    expect(toProblem(refusal).status).toBe(500);
    expect(await logSize()).toBe(0);
  });

  it.each([
    ['a NUL in a data value', event({ text: 'Eve \u0000' }), 'events.1.data.text', 'NUL'],
    [
      'a lone surrogate in a nested array',
      event({ refs: ['ok', 'x\udc00'] }),
      'events.1.data.refs.1',
      'LONE_SURROGATE',
    ],
    ['a NUL in a data key', event({ ['k\u0000']: 1 }), 'events.1.data.k\\u0000', 'NUL'],
    [
      'a NUL in metadata',
      event({ text: 'ok' }, { actorRole: 'client\u0000' }),
      'events.1.metadata.actorRole',
      'NUL',
    ],
    [
      'a lone surrogate in personal data, checked before it is encrypted',
      event({ accountId: 'a1', personal: { displayName: 'Eve \ud800' } }),
      'events.1.data.personal.displayName',
      'LONE_SURROGATE',
    ],
  ])('refuses %s as a validation error and appends nothing', async (_what, bad, field, reason) => {
    const stream = `note-${randomUUID()}`;
    const before = await logSize();
    const refusal = await store
      .appendToStream(stream, [event({ text: 'fine' }), bad])
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(UnstorableEventDataError);
    expect(refusal).toMatchObject({
      code: 'INVALID_CHARACTERS',
      family: 'validation',
      details: { errors: [{ field, reason }] },
    });
    expect(toProblem(refusal)).toMatchObject({ status: 400, code: 'INVALID_CHARACTERS' });
    expect(await store.streamRevision(stream)).toBeNull();
    expect(await logSize()).toBe(before);
  });

  it('stores control characters and any well-formed Unicode as given', async () => {
    const stream = `note-${randomUUID()}`;
    const text = 'tab\t bell\u0007 É😀 e\u0301';
    await store.appendToStream(stream, [
      event({ text, accountId: 'a2', personal: { displayName: text } }),
    ]);
    const [read] = await store.readStream(stream);
    expect(read.data).toMatchObject({ text, personal: { displayName: text } });
  });

  it('a refused append does not fail the appends committed beside it', async () => {
    const good = Array.from({ length: 8 }, () => `note-${randomUUID()}`);
    const results = await Promise.allSettled([
      ...good.map((s) => store.appendToStream(s, [event({ text: 'ok' })])),
      store.appendToStream(`note-${randomUUID()}`, [event({ text: '\u0000' })]),
    ]);
    expect(results.map((r) => r.status)).toEqual([...good.map(() => 'fulfilled'), 'rejected']);
  });
});
