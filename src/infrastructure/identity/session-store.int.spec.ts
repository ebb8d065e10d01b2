import { randomBytes, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { RedisSessionRevocations } from './session-store';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** One application process: its own connection and its own mirror. */
interface Proc {
  redis: Redis;
  revocations: RedisSessionRevocations;
  /** The dedicated subscriber connection, reached into to cut it. */
  subscriber: Redis;
}

async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A session nobody revoked is answered from memory only once the mirror is loaded. */
const isCurrent = (p: Proc) => p.revocations.knownRevoked(randomUUID()) === false;

describe('RedisSessionRevocations (in-memory mirror kept by pub/sub)', () => {
  const prefix = `mk_test_${randomBytes(4).toString('hex')}`;
  const procs: Proc[] = [];
  const key = (sid: string) => `${prefix}:identity:revoked-session:${sid}`;

  async function start(ttlSeconds = 60): Promise<Proc> {
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const revocations = new RedisSessionRevocations(redis, prefix, ttlSeconds);
    const subscriber = (revocations as unknown as { subscriber: Redis }).subscriber;
    const proc = { redis, revocations, subscriber };
    procs.push(proc);
    await until(() => isCurrent(proc), 'the mirror to be loaded');
    return proc;
  }

  afterEach(async () => {
    for (const p of procs.splice(0)) {
      await p.revocations.close();
      await p.redis.quit();
    }
  });
  afterAll(async () => {
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('a mark is seen at once where it was made, and by another process once published, without EXISTS', async () => {
    const a = await start();
    const b = await start();
    const existsA = jest.spyOn(a.redis, 'exists');
    const existsB = jest.spyOn(b.redis, 'exists');
    const sid = randomUUID();

    await a.revocations.mark([sid]);
    expect(a.revocations.knownRevoked(sid)).toBe(true);
    await expect(a.revocations.isRevoked(sid)).resolves.toBe(true);
    // Redis keeps the durable marker, with its TTL.
    const ttl = await a.redis.pttl(key(sid));
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);

    await until(() => b.revocations.knownRevoked(sid) === true, 'B to get the message');
    await expect(b.revocations.isRevoked(sid)).resolves.toBe(true);
    await expect(b.revocations.isRevoked(randomUUID())).resolves.toBe(false);
    expect(existsA).not.toHaveBeenCalled();
    expect(existsB).not.toHaveBeenCalled();
  });

  it('a process started after the mark knows it from its initial scan', async () => {
    const a = await start();
    const sids = Array.from({ length: 3 }, () => randomUUID());
    await a.revocations.mark(sids);

    const c = await start();
    const existsC = jest.spyOn(c.redis, 'exists');
    for (const sid of sids) await expect(c.revocations.isRevoked(sid)).resolves.toBe(true);
    await expect(c.revocations.isRevoked(randomUUID())).resolves.toBe(false);
    expect(existsC).not.toHaveBeenCalled();
  });

  it('falls back to EXISTS while its subscriber is down, and catches up once back', async () => {
    const a = await start();
    const b = await start();
    const existsB = jest.spyOn(b.redis, 'exists');

    b.subscriber.disconnect();
    await until(
      () => b.revocations.knownRevoked(randomUUID()) === undefined,
      'B to know it is stale',
    );
    const missed = randomUUID();
    await a.revocations.mark([missed]);
    // The message went nowhere: only Redis can tell.
    expect(b.revocations.knownRevoked(missed)).toBeUndefined();
    await expect(b.revocations.isRevoked(missed)).resolves.toBe(true);
    await expect(b.revocations.isRevoked(randomUUID())).resolves.toBe(false);
    expect(existsB).toHaveBeenCalledTimes(2);

    await b.subscriber.connect();
    await until(() => isCurrent(b), 'B to subscribe and scan again');
    existsB.mockClear();
    await expect(b.revocations.isRevoked(missed)).resolves.toBe(true);
    await expect(b.revocations.isRevoked(randomUUID())).resolves.toBe(false);
    expect(existsB).not.toHaveBeenCalled();

    // Dropped by the server instead: ioredis reconnects by itself and the mirror reloads.
    let closed = false;
    b.subscriber.once('close', () => (closed = true));
    const { localAddress, localPort } = b.subscriber.stream;
    await a.redis.client('KILL', 'ADDR', `${localAddress}:${localPort}`);
    const meanwhile = randomUUID();
    await a.revocations.mark([meanwhile]);
    await until(() => closed, 'the subscriber to be dropped');
    await until(() => isCurrent(b), 'B to reconnect and scan again');
    existsB.mockClear();
    await expect(b.revocations.isRevoked(meanwhile)).resolves.toBe(true);
    expect(existsB).not.toHaveBeenCalled();
  });

  it('forgets a revocation when its marker expires', async () => {
    const a = await start(1);
    const b = await start(1);
    const sid = randomUUID();
    await a.revocations.mark([sid]);
    await until(() => b.revocations.knownRevoked(sid) === true, 'B to get the message');
    // Loaded from the scan, with the remaining PTTL.
    const c = await start(1);
    expect(c.revocations.knownRevoked(sid)).toBe(true);

    await new Promise((r) => setTimeout(r, 1_100));
    expect(await a.redis.exists(key(sid))).toBe(0);
    for (const p of [a, b, c]) {
      const exists = jest.spyOn(p.redis, 'exists');
      expect(p.revocations.knownRevoked(sid)).toBe(false);
      await expect(p.revocations.isRevoked(sid)).resolves.toBe(false);
      expect(exists).not.toHaveBeenCalled();
    }
  });
});
