import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { dropRedisPrefix } from '../../../test/support/redis';
import { ThrottleState } from '../../application/identity/identity.ports';
import { RedisLoginThrottleStore } from './redis-login-throttle';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('RedisLoginThrottleStore.update (compare-and-set)', () => {
  const prefix = `mk_test_${randomBytes(4).toString('hex')}`;
  let redis: Redis;
  let store: RedisLoginThrottleStore;
  beforeAll(() => {
    redis = new Redis(REDIS_URL);
    store = new RedisLoginThrottleStore(redis, prefix);
  });
  afterAll(async () => {
    redis.disconnect();
    await dropRedisPrefix(REDIS_URL, prefix);
  });

  const addFailure = (state: ThrottleState | null, at: string) => {
    const next = { failures: [...(state?.failures ?? []), at], lockedUntil: null };
    return { next, result: next.failures.length };
  };

  it('loses no write when 50 updates of one key run at once', async () => {
    const counts = await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.update('k', 60, (s) => addFailure(s, `#${i}`))),
    );
    // Each update saw the ones before it: the counts it answered are 1..50, each once.
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect((await store.get('k'))?.failures).toHaveLength(50);
    expect(await redis.ttl(`${prefix}:identity:login-throttle:k`)).toBeGreaterThan(0);
  });

  it('writes nothing when the change says so, and overwrites an unreadable state', async () => {
    const key = `${prefix}:identity:login-throttle:bad`;
    await redis.set(key, 'not json');
    expect(await store.update('bad', 60, (s) => ({ next: null, result: s }))).toBeNull();
    expect(await redis.get(key)).toBe('not json');
    await store.update('bad', 60, (s) => addFailure(s, 'now'));
    expect(await store.get('bad')).toEqual({ failures: ['now'], lockedUntil: null });
  });
});
