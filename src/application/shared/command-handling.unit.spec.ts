import { randomUUID } from 'node:crypto';
import {
  CommandMeta,
  ConcurrencyError,
  Decider,
  DomainEvent,
  IllegalStateError,
  NotFoundError,
} from '../../domain/shared';
import { MemoryEventStore } from '../orders/marketplace.fixtures.spec';
import { AggregateCache } from './aggregate-cache';
import { IdempotencyConflictError, WrongExpectedVersionError } from './event-store.port';
import { handleCommand, HandleOptions } from './command-handling';

/** A counter: opened once, then incremented; `TopUp` raises it to a floor, a no-op above it. */
type Command =
  | { type: 'Open'; meta: CommandMeta }
  | { type: 'Add'; by: number; meta: CommandMeta }
  | { type: 'TopUp'; floor: number; meta: CommandMeta };
type Event = DomainEvent<'Opened', Record<string, never>> | DomainEvent<'Added', { by: number }>;
type State = { open: boolean; count: number };

const counter: Decider<Command, State, Event> = {
  initialState: () => ({ open: false, count: 0 }),
  evolve: (s, e) =>
    e.type === 'Opened' ? { open: true, count: 0 } : { ...s, count: s.count + e.data.by },
  decide(c, s) {
    if (c.type === 'Open') {
      if (s.open) throw new IllegalStateError('ALREADY_OPEN', 'already open');
      return [{ type: 'Opened', data: {} }];
    }
    if (!s.open) throw new NotFoundError('COUNTER_NOT_FOUND', 'no such counter');
    if (c.type === 'Add') return [{ type: 'Added', data: { by: c.by } }];
    return s.count >= c.floor ? [] : [{ type: 'Added', data: { by: c.floor - s.count } }];
  },
};

const meta: CommandMeta = { now: '2026-11-23T10:00:00.000Z', actorId: 'a1', actorRole: 'client' };
const open: Command = { type: 'Open', meta };
const add = (by: number): Command => ({ type: 'Add', by, meta });
const causation = { correlationId: 'c1' };

describe('handleCommand with an aggregate cache', () => {
  let store: MemoryEventStore;
  let cache: AggregateCache;
  let reads: jest.SpyInstance;
  const run = (stream: string, command: Command, options: HandleOptions = {}) =>
    handleCommand(store, stream, counter, command, causation, { cache, ...options });

  beforeEach(() => {
    store = new MemoryEventStore();
    cache = new AggregateCache({ maxEntries: 100, maxAgeMs: 60_000 });
    reads = jest.spyOn(store, 'readStream');
  });

  it('creates a stream and then decides on the state it appended, without reading the stream', async () => {
    const stream = `counter-${randomUUID()}`;
    await run(stream, open);
    await run(stream, add(2));
    const result = await run(stream, add(3));

    expect(reads).not.toHaveBeenCalled();
    expect(result.state).toEqual({ open: true, count: 5 });
    expect(result.nextExpectedRevision).toBe(2n);
    expect((await store.readStream(stream)).map((e) => e.type)).toEqual([
      'Opened',
      'Added',
      'Added',
    ]);
  });

  it('decides again on a fresh read when another writer moved the stream on, without using up a retry', async () => {
    const stream = `counter-${randomUUID()}`;
    await run(stream, open);
    await store.appendToStream(stream, [{ id: randomUUID(), type: 'Added', data: { by: 10 } }]);

    const result = await run(stream, add(1), { maxRetries: 0 });

    expect(result.state.count).toBe(11);
    expect(result.nextExpectedRevision).toBe(2n);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('never answers a refusal decided on a guess: a stream it has not seen is read before refusing', async () => {
    const stream = `counter-${randomUUID()}`;
    // Opened by another process: this one holds nothing, so its guess is "no such counter".
    await store.appendToStream(stream, [{ id: randomUUID(), type: 'Opened', data: {} }]);

    const result = await run(stream, add(4));

    expect(result.state.count).toBe(4);
    await expect(run(`counter-${randomUUID()}`, add(1))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('never answers a no-op decided on a stale guess', async () => {
    const stream = `counter-${randomUUID()}`;
    await run(stream, open);
    await run(stream, add(5));
    // Another process brings the counter down to 1 behind this one's back.
    await store.appendToStream(stream, [{ id: randomUUID(), type: 'Added', data: { by: -4 } }]);

    const result = await run(stream, { type: 'TopUp', floor: 3, meta });

    expect(result.events).toEqual([{ type: 'Added', data: { by: 2 } }]);
    expect(result.state.count).toBe(3);
  });

  it('reads the stream when If-Match names another revision than the cached one, and still answers 409 when stale', async () => {
    const stream = `counter-${randomUUID()}`;
    await run(stream, open);
    await store.appendToStream(stream, [{ id: randomUUID(), type: 'Added', data: { by: 1 } }]);

    const result = await run(stream, add(1), { expectedRevision: 1n });
    expect(result.nextExpectedRevision).toBe(2n);

    await expect(run(stream, add(1), { expectedRevision: 1n })).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
  });

  it('decides again on a read when a guessed creation collides with ids already written', async () => {
    const stream = `counter-${randomUUID()}`;
    await store.appendToStream(stream, [{ id: randomUUID(), type: 'Opened', data: {} }]);
    const append = store.appendToStream.bind(store);
    jest
      .spyOn(store, 'appendToStream')
      .mockImplementationOnce(() => Promise.reject(new IdempotencyConflictError(stream, 'e1')))
      .mockImplementation(append);

    // Not cached here: "Open" is guessed on the initial state; the real state refuses it.
    await expect(run(stream, open)).rejects.toBeInstanceOf(IllegalStateError);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('keeps refusing what the real state refuses', async () => {
    const stream = `counter-${randomUUID()}`;
    await run(stream, open);
    cache.clear();
    await expect(run(stream, open)).rejects.toBeInstanceOf(IllegalStateError);
    expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['Opened']);
  });

  it('reads every time without a cache', async () => {
    const stream = `counter-${randomUUID()}`;
    await handleCommand(store, stream, counter, open, causation);
    await handleCommand(store, stream, counter, add(1), causation);
    expect(reads).toHaveBeenCalledTimes(2);
  });
});

describe('AggregateCache', () => {
  it('forgets the least recently used stream first, and entries past their age', () => {
    const owner = {};
    const cache = new AggregateCache({ maxEntries: 2, maxAgeMs: 1_000 });
    cache.set(owner, 'a', 'A', 0n, 0);
    cache.set(owner, 'b', 'B', 0n, 0);
    expect(cache.get(owner, 'a', 10)?.state).toBe('A');
    cache.set(owner, 'c', 'C', 0n, 10);
    expect(cache.get(owner, 'b', 10)).toBeUndefined();
    expect(cache.get(owner, 'a', 10)?.state).toBe('A');
    expect(cache.get(owner, 'c', 2_000)).toBeUndefined();
  });

  it('keeps one state per stream and folding function', () => {
    const cache = new AggregateCache({ maxEntries: 10, maxAgeMs: 1_000 });
    cache.set(counter, 'a', 'A', 0n);
    expect(cache.get({}, 'a')).toBeUndefined();
  });
});

describe('handleCommand: what a handler adds to the one loop', () => {
  let store: MemoryEventStore;
  beforeEach(() => {
    store = new MemoryEventStore();
  });

  it('answers the ids the events were stored under, and none for a no-op', async () => {
    const stream = `counter-${randomUUID()}`;
    await handleCommand(store, stream, counter, open, causation);

    const result = await handleCommand(store, stream, counter, add(2), causation);
    const noop = await handleCommand(
      store,
      stream,
      counter,
      { type: 'TopUp', floor: 1, meta },
      causation,
    );

    const stored = await store.readStream(stream);
    expect(result.eventIds).toEqual([stored[1].id]);
    expect(noop.eventIds).toEqual([]);
  });

  it('runs an async builder on the state it decides on, again after a conflict', async () => {
    const stream = `counter-${randomUUID()}`;
    await handleCommand(store, stream, counter, open, causation);
    const seen: number[] = [];
    let raced = false;

    const result = await handleCommand(
      store,
      stream,
      counter,
      async (state): Promise<Command> => {
        seen.push(state.count);
        // Another writer lands between this read and the append, once.
        if (!raced) {
          raced = true;
          await store.appendToStream(stream, [
            { id: randomUUID(), type: 'Added', data: { by: 5 } },
          ]);
        }
        return { type: 'TopUp', floor: 8, meta };
      },
      causation,
    );

    expect(seen).toEqual([0, 5]);
    expect(result.events).toEqual([{ type: 'Added', data: { by: 3 } }]);
    expect(result.state.count).toBe(8);
  });

  it("answers the builder's refusal before a stale If-Match, so an outsider learns no revision", async () => {
    const stream = `counter-${randomUUID()}`;
    await handleCommand(store, stream, counter, open, causation);
    const outsider = () => {
      throw new NotFoundError('COUNTER_NOT_FOUND', 'no such counter');
    };

    await expect(
      handleCommand(store, stream, counter, outsider, causation, { expectedRevision: 7n }),
    ).rejects.toMatchObject({ code: 'COUNTER_NOT_FOUND' });
    await expect(
      handleCommand(store, stream, counter, () => add(1), causation, { expectedRevision: 7n }),
    ).rejects.toMatchObject({ code: 'CONCURRENT_MODIFICATION' });
  });

  it('retries the whole decision when the before-append hook loses a race on its own stream', async () => {
    const stream = `counter-${randomUUID()}`;
    const index = `counter_index-${randomUUID()}`;
    await handleCommand(store, stream, counter, open, causation);
    let calls = 0;
    const takeIndexSlot = async () => {
      calls++;
      const revision = calls === 1 ? 'no_stream' : 0n;
      // The first attempt's expected revision is already out of date.
      if (calls === 1)
        await store.appendToStream(index, [{ id: randomUUID(), type: 'X', data: {} }]);
      await store.appendToStream(index, [{ id: randomUUID(), type: 'Taken', data: {} }], {
        expectedRevision: revision,
      });
    };

    const result = await handleCommand(store, stream, counter, add(1), causation, {
      beforeAppend: takeIndexSlot,
    });

    expect(calls).toBe(2);
    expect(result.state.count).toBe(1);
    expect((await store.readStream(index)).map((e) => e.type)).toEqual(['X', 'Taken']);
  });

  it("names the hook's stream when its conflict outlasts the retries, and appends nothing", async () => {
    const stream = `counter-${randomUUID()}`;
    await handleCommand(store, stream, counter, open, causation);
    const conflict = async () => {
      throw new WrongExpectedVersionError('counter_index-1', 0n, 3n);
    };

    await expect(
      handleCommand(store, stream, counter, add(1), causation, {
        beforeAppend: conflict,
        maxRetries: 1,
      }),
    ).rejects.toMatchObject({
      code: 'CONCURRENT_MODIFICATION',
      message: 'counter_index-1 was modified concurrently; reload and retry',
      details: { expectedRevision: '0', actualRevision: '3' },
    });
    expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['Opened']);
  });
});
