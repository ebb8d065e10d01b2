import type Redis from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  LoginThrottleStore,
  ThrottleChange,
  ThrottleState,
  TrustedDevices,
} from '../../application/identity/identity.ports';

/**
 * Sets KEYS[1] to ARGV[2] for ARGV[3] seconds only if it still holds ARGV[1] ('' for absent);
 * a script rather than WATCH/MULTI, which would need a connection of its own per login.
 */
const COMPARE_AND_SET = `
local current = redis.call('GET', KEYS[1])
if current == false then current = '' end
if current ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
return 1`;

/** Writers on one key are few (only reservations while places are free, and settlements). */
const MAX_CONFLICTS = 100;

/** Throttle state per hashed key, expiring with the window and the longest lockout. */
export class RedisLoginThrottleStore extends LoginThrottleStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    super();
  }

  async get(key: string): Promise<ThrottleState | null> {
    return parsed(await this.redis.get(this.key(key)));
  }

  async update<T>(
    key: string,
    ttlSeconds: number,
    change: (state: ThrottleState | null) => ThrottleChange<T>,
  ): Promise<T> {
    const redisKey = this.key(key);
    for (let conflicts = 0; conflicts < MAX_CONFLICTS; conflicts++) {
      const raw = await this.redis.get(redisKey);
      const { next, result } = change(parsed(raw));
      if (next === null) return result;
      const stored = await this.redis.eval(
        COMPARE_AND_SET,
        1,
        redisKey,
        raw ?? '',
        JSON.stringify(next),
        String(ttlSeconds),
      );
      if (stored === 1) return result;
      // A short random pause after the first conflicts, so a crowd of writers spreads out.
      if (conflicts >= 2) await sleep(Math.random() * Math.min(2 ** conflicts, 50));
    }
    throw new Error(`login throttle key kept changing over ${MAX_CONFLICTS} tries`);
  }

  private key(key: string): string {
    return `${this.prefix}:identity:login-throttle:${key}`;
  }
}

/** A stored state, or none when absent or unreadable (it is then overwritten). */
function parsed(raw: string | null): ThrottleState | null {
  if (raw === null) return null;
  try {
    const state = JSON.parse(raw) as ThrottleState;
    const attemptsOk = state.attempts === undefined || Array.isArray(state.attempts);
    return Array.isArray(state.failures) && attemptsOk ? state : null;
  } catch {
    return null;
  }
}

/** Trusted device tokens by hash, each expiring on its own. */
export class RedisTrustedDevices extends TrustedDevices {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    super();
  }

  async remember(tokenHash: string, loginHash: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.key(tokenHash), loginHash, 'EX', ttlSeconds);
  }

  loginOf(tokenHash: string): Promise<string | null> {
    return this.redis.get(this.key(tokenHash));
  }

  async forget(tokenHash: string): Promise<void> {
    await this.redis.del(this.key(tokenHash));
  }

  private key(tokenHash: string): string {
    return `${this.prefix}:identity:trusted-device:${tokenHash}`;
  }
}
