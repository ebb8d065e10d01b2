import { randomUUID } from 'node:crypto';
import {
  comparePositions,
  EventStore,
  EventToAppend,
  IdempotencyConflictError,
  RecordedEvent,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '../../src/application/shared/event-store.port';

export interface ContractFixture {
  store: EventStore;
  cleanup(): Promise<void>;
  /**
   * Starts an append in a transaction that stays open until `commit` is called, so the
   * suite can force "takes a lower position, commits later". Absent where the store has
   * a single writer and cannot reorder commits (EventStoreDB).
   */
  holdOpenAppend?(stream: string, events: EventToAppend[]): Promise<{ commit(): Promise<void> }>;
}

export interface StoreCapabilities {
  /**
   * Whether an event id is unique across the whole log. EventStoreDB deduplicates ids per
   * stream only, so the cross-stream cases are reported as skipped for it.
   */
  globallyUniqueEventIds: boolean;
  /** Whether commits can land out of position order (several writers); needs `holdOpenAppend`. */
  concurrentWriters: boolean;
}

const category = () => `c${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const ev = (type: string, data: unknown = {}): EventToAppend => ({
  id: randomUUID(),
  type,
  data,
  metadata: { actorId: 'test' },
});
const events = (n: number, type = 'Thing') => Array.from({ length: n }, (_, i) => ev(type, { i }));

async function collect(
  store: EventStore,
  filterCategory: string,
  count: number,
  timeoutMs = 10_000,
): Promise<RecordedEvent[]> {
  const seen: RecordedEvent[] = [];
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  const sub = store.subscribeToAll(
    {
      async handle(batch) {
        seen.push(...batch);
        if (seen.length >= count) done();
      },
    },
    { filter: { categories: [filterCategory] }, batchSize: 100 },
  );
  const timer = setTimeout(done, timeoutMs);
  await finished;
  clearTimeout(timer);
  await sub.stop();
  return seen;
}

async function expectWrongVersion(p: Promise<unknown>, actual: bigint | null): Promise<void> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedVersionError);
  expect((error as WrongExpectedVersionError).actual).toBe(actual);
}

export function describeEventStoreContract(
  name: string,
  factory: () => Promise<ContractFixture>,
  capabilities: StoreCapabilities,
): void {
  const itIfUniqueIds = capabilities.globallyUniqueEventIds ? it : it.skip;
  const itIfConcurrentWriters = capabilities.concurrentWriters ? it : it.skip;
  describe(`EventStore contract: ${name}`, () => {
    let fixture: ContractFixture;
    let store: EventStore;
    beforeAll(async () => {
      fixture = await factory();
      store = fixture.store;
    });
    afterAll(async () => fixture?.cleanup());

    describe('appending and reading a stream', () => {
      it('stores events in order with consecutive revisions from 0', async () => {
        const stream = `${category()}-1`;
        const batch = events(3);
        const result = await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(2n);
        const read = await store.readStream(stream);
        expect(read.map((e) => [e.id, e.revision, e.type, e.data])).toEqual(
          batch.map((e, i) => [e.id, BigInt(i), 'Thing', { i }]),
        );
        expect(read[0].metadata).toMatchObject({ actorId: 'test' });
        expect(await store.streamRevision(stream)).toBe(2n);
      });

      it('keeps the schema version of each event', async () => {
        const stream = `${category()}-1`;
        await store.appendToStream(stream, [{ ...ev('Versioned'), schemaVersion: 2 }]);
        expect((await store.readStream(stream))[0].schemaVersion).toBe(2);
      });

      itIfUniqueIds('appends a batch atomically: a failing batch writes nothing', async () => {
        const stream = `${category()}-1`;
        const other = `${category()}-1`;
        const taken = ev('Taken');
        await store.appendToStream(other, [taken]);
        await expect(
          store.appendToStream(stream, [ev('A'), { ...taken }], { expectedRevision: 'any' }),
        ).rejects.toBeDefined();
        expect(await store.streamRevision(stream)).toBeNull();
      });

      it('reads forwards and backwards from a revision, in pages', async () => {
        const stream = `${category()}-1`;
        const total = 2_500;
        for (let i = 0; i < total; i += 500) await store.appendToStream(stream, events(500));
        const forwards: RecordedEvent[] = [];
        for (let from = 0n; ;) {
          const page = await store.readStream(stream, { fromRevision: from, maxCount: 400 });
          forwards.push(...page);
          if (page.length < 400) break;
          from = page[page.length - 1].revision + 1n;
        }
        expect(forwards.map((e) => e.revision)).toEqual(
          Array.from({ length: total }, (_, i) => BigInt(i)),
        );
        const backwards = await store.readStream(stream, {
          direction: 'backwards',
          fromRevision: 9n,
          maxCount: 3,
        });
        expect(backwards.map((e) => e.revision)).toEqual([9n, 8n, 7n]);
        const last = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
        expect(last[0].revision).toBe(BigInt(total - 1));
      });

      it('answers StreamNotFound for a stream that does not exist', async () => {
        await expect(store.readStream(`${category()}-missing`)).rejects.toBeInstanceOf(
          StreamNotFoundError,
        );
        expect(await store.streamRevision(`${category()}-missing`)).toBeNull();
      });
    });

    describe('expected revision', () => {
      it('no_stream refuses an existing stream and reports its revision', async () => {
        const stream = `${category()}-1`;
        await store.appendToStream(stream, events(2));
        await expectWrongVersion(
          store.appendToStream(stream, [ev('X')], { expectedRevision: 'no_stream' }),
          1n,
        );
      });

      it('stream_exists refuses a missing stream', async () => {
        await expectWrongVersion(
          store.appendToStream(`${category()}-1`, [ev('X')], { expectedRevision: 'stream_exists' }),
          null,
        );
      });

      it('stream_exists and any accept an existing stream', async () => {
        const stream = `${category()}-1`;
        await store.appendToStream(stream, [ev('X')], { expectedRevision: 'any' });
        await store.appendToStream(stream, [ev('Y')], { expectedRevision: 'stream_exists' });
        await store.appendToStream(stream, [ev('Z')], { expectedRevision: 'any' });
        expect(await store.streamRevision(stream)).toBe(2n);
      });

      it('an exact revision must match the current one', async () => {
        const stream = `${category()}-1`;
        await store.appendToStream(stream, events(3));
        await expectWrongVersion(
          store.appendToStream(stream, [ev('X')], { expectedRevision: 1n }),
          2n,
        );
        const ok = await store.appendToStream(stream, [ev('X')], { expectedRevision: 2n });
        expect(ok.nextExpectedRevision).toBe(3n);
      });

      it('an exact revision on a missing stream reports no stream', async () => {
        await expectWrongVersion(
          store.appendToStream(`${category()}-1`, [ev('X')], { expectedRevision: 0n }),
          null,
        );
      });

      it('32 parallel appends with the same expected revision: exactly one wins', async () => {
        const stream = `${category()}-1`;
        await store.appendToStream(stream, [ev('Start')]);
        const results = await Promise.allSettled(
          Array.from({ length: 32 }, (_, i) =>
            store.appendToStream(stream, [ev('Racer', { i })], { expectedRevision: 0n }),
          ),
        );
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(31);
        for (const l of lost) {
          expect(l.reason).toBeInstanceOf(WrongExpectedVersionError);
          expect((l.reason as WrongExpectedVersionError).actual).toBe(1n);
        }
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['Start', 'Racer']);
      });
    });

    describe('idempotent retries', () => {
      it('a retried append with the same ids and expected revision writes nothing twice', async () => {
        const stream = `${category()}-1`;
        const batch = events(3);
        const first = await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
        const retry = await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
        expect(retry.nextExpectedRevision).toBe(first.nextExpectedRevision);
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('a retry after later appends still writes nothing twice', async () => {
        const stream = `${category()}-1`;
        const batch = events(2);
        await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
        await store.appendToStream(stream, [ev('Later')], { expectedRevision: 1n });
        await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual([
          'Thing',
          'Thing',
          'Later',
        ]);
      });

      itIfUniqueIds('an event id already used in another stream is refused', async () => {
        const e = ev('Once');
        await store.appendToStream(`${category()}-1`, [e]);
        const other = `${category()}-2`;
        await expect(store.appendToStream(other, [e])).rejects.toBeInstanceOf(
          IdempotencyConflictError,
        );
        expect(await store.streamRevision(other)).toBeNull();
      });
    });

    describe('the whole log', () => {
      it('reads $all in log order after a position, filtered by category or event type prefix', async () => {
        const cat = category();
        await store.appendToStream(`${cat}-a`, [ev('OrderPlaced'), ev('OrderStarted')]);
        await store.appendToStream(`${cat}-b`, [ev('EscrowFunded')]);
        await store.appendToStream(`${category()}-x`, [ev('OrderPlaced')]);
        const mine = await store.readAll({ filter: { categories: [cat] } });
        expect(mine.map((e) => e.type)).toEqual(['OrderPlaced', 'OrderStarted', 'EscrowFunded']);
        for (let i = 1; i < mine.length; i++)
          expect(comparePositions(mine[i - 1].position, mine[i].position)).toBeLessThan(0);
        const after = await store.readAll({
          after: mine[0].position,
          filter: { categories: [cat] },
        });
        expect(after.map((e) => e.type)).toEqual(['OrderStarted', 'EscrowFunded']);
        const escrows = await store.readAll({
          after: mine[0].position,
          filter: { eventTypePrefixes: ['Escrow'] },
        });
        expect(escrows.map((e) => e.id)).toContain(mine[2].id);
        expect(escrows.every((e) => e.type.startsWith('Escrow'))).toBe(true);
      });

      it('a subscription from a checkpoint delivers every later event once, in order, then live ones', async () => {
        const cat = category();
        await store.appendToStream(`${cat}-1`, events(5));
        const [first] = await store.readAll({ filter: { categories: [cat] }, maxCount: 1 });
        const delivered: RecordedEvent[] = [];
        const sub = store.subscribeToAll(
          {
            async handle(batch) {
              delivered.push(...batch);
            },
          },
          { after: first.position, filter: { categories: [cat] }, batchSize: 2 },
        );
        await sub.caughtUp();
        expect(delivered).toHaveLength(4);
        await store.appendToStream(`${cat}-2`, events(3, 'Live'));
        await sub.caughtUp();
        await sub.stop();
        expect(delivered.map((e) => e.type)).toEqual([
          'Thing',
          'Thing',
          'Thing',
          'Thing',
          'Live',
          'Live',
          'Live',
        ]);
        expect(new Set(delivered.map((e) => e.id)).size).toBe(7);
      });

      it('concurrent writers on many streams: the subscriber sees every event exactly once', async () => {
        const cat = category();
        await Promise.all(
          Array.from({ length: 16 }, async (_, w) => {
            for (let i = 0; i < 20; i++)
              await store.appendToStream(`${cat}-${w}`, [ev('Tick', { w, i })]);
          }),
        );
        const seen = await collect(store, cat, 320);
        expect(seen).toHaveLength(320);
        expect(new Set(seen.map((e) => e.id)).size).toBe(320);
        for (let w = 0; w < 16; w++) {
          const own = seen
            .filter((e) => e.streamName === `${cat}-${w}`)
            .map((e) => Number(e.revision));
          expect(own).toEqual(Array.from({ length: 20 }, (_, i) => i));
        }
      });

      itIfConcurrentWriters(
        'an event that takes a lower position but commits later is delivered, and never after a later one',
        async () => {
          if (!fixture.holdOpenAppend)
            throw new Error('a store with concurrent writers must provide holdOpenAppend');
          const cat = category();
          const delivered: RecordedEvent[] = [];
          const sub = store.subscribeToAll(
            {
              async handle(batch) {
                delivered.push(...batch);
              },
            },
            { filter: { categories: [cat] }, batchSize: 10 },
          );
          const a = await fixture.holdOpenAppend(`${cat}-a`, [ev('A')]);
          let whileAOpen: string[];
          try {
            await store.appendToStream(`${cat}-b`, [ev('B')]);
            // Give the subscriber every chance to run past A while A is still open.
            await new Promise((r) => setTimeout(r, 300));
            whileAOpen = delivered.map((e) => e.type);
          } finally {
            await a.commit();
          }
          await sub.caughtUp();
          await sub.stop();
          expect(whileAOpen).toEqual([]);
          expect(delivered.map((e) => e.type)).toEqual(['A', 'B']);
          expect(delivered[0].position.prepare).toBeLessThan(delivered[1].position.prepare);
        },
      );
    });

    describe('deleting and truncating', () => {
      it('a soft-deleted stream reads as missing, stays in $all, and an append revives it after its last revision', async () => {
        const cat = category();
        const stream = `${cat}-1`;
        await store.appendToStream(stream, events(2));
        await store.deleteStream(stream);
        await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
        expect(await store.streamRevision(stream)).toBeNull();
        expect(await store.readAll({ filter: { categories: [cat] } })).toHaveLength(2);
        await store.appendToStream(stream, [ev('Again')], { expectedRevision: 'no_stream' });
        const read = await store.readStream(stream);
        expect(read.map((e) => [e.type, e.revision])).toEqual([['Again', 2n]]);
      });

      it('truncating hides the events before a revision', async () => {
        const stream = `${category()}-1`;
        await store.appendToStream(stream, events(5));
        await store.truncateStream(stream, 3n);
        expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([3n, 4n]);
        expect(await store.streamRevision(stream)).toBe(4n);
      });
    });
  });
}
