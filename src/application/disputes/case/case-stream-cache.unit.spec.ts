import { InMemoryEventStore } from '../disputes.fixtures.spec';
import { CaseStreamCache } from './case-stream-cache';

const event = (n: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  type: 'OrderMessagePosted',
  data: { n },
});

describe('case stream cache', () => {
  let store: InMemoryEventStore;
  let now: number;
  const cache = (ttlMs = 30_000, maxEvents = 1_000) =>
    new CaseStreamCache(store, { ttlMs, maxEvents }, () => now);

  beforeEach(async () => {
    store = new InMemoryEventStore();
    now = 0;
    await store.appendToStream('order-a', [event(1), event(2), event(3)]);
  });

  it('asks the log only for what came after the revision it holds, and returns it too', async () => {
    const c = cache();
    expect((await c.read('order-a')).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    await store.appendToStream('order-a', [event(4)]);
    const again = await c.read('order-a');
    expect(again.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
    expect(store.reads).toEqual([{ stream: 'order-a' }, { stream: 'order-a', fromRevision: 3n }]);
  });

  it('reads the whole stream again once the entry is older than the TTL', async () => {
    const c = cache(1_000);
    await c.read('order-a');
    now = 1_000;
    await c.read('order-a');
    expect(store.reads).toEqual([{ stream: 'order-a' }, { stream: 'order-a' }]);
  });

  it('forgets a stream deleted meanwhile', async () => {
    const c = cache();
    await c.read('order-a');
    await store.deleteStream('order-a');
    expect(await c.read('order-a')).toEqual([]);
    expect(await c.read('order-a')).toEqual([]);
    expect(store.reads.slice(1)).toEqual([
      { stream: 'order-a', fromRevision: 3n },
      { stream: 'order-a' },
    ]);
  });

  it('keeps nothing when disabled, and answers a missing stream with no events', async () => {
    const c = cache(0);
    await c.read('order-a');
    await c.read('order-a');
    expect(store.reads).toEqual([{ stream: 'order-a' }, { stream: 'order-a' }]);
    expect(await c.read('order-none')).toEqual([]);
  });

  it('drops the least recently used streams beyond its bound on events', async () => {
    await store.appendToStream('order-b', [event(10), event(11)]);
    const c = cache(30_000, 4);
    await c.read('order-a');
    await c.read('order-b');
    store.reads.length = 0;
    await c.read('order-b');
    await c.read('order-a');
    expect(store.reads).toEqual([{ stream: 'order-b', fromRevision: 2n }, { stream: 'order-a' }]);
  });
});
