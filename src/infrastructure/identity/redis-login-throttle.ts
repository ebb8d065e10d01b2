import type Redis from 'ioredis';
import {
  LoginThrottleStore,
  ThrottleState,
  TrustedDevices,
} from '../../application/identity/identity.ports';

/** Throttle state per hashed key, expiring with the window and the longest lockout. */
export class RedisLoginThrottleStore extends LoginThrottleStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    super();
  }

  async get(key: string): Promise<ThrottleState | null> {
    const raw = await this.redis.get(this.key(key));
    if (raw === null) return null;
    try {
      const parsed = JSON.parse(raw) as ThrottleState;
      return Array.isArray(parsed.failures) ? parsed : null;
    } catch {
      return null;
    }
  }

  async set(key: string, state: ThrottleState, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.key(key), JSON.stringify(state), 'EX', ttlSeconds);
  }

  async clear(key: string): Promise<void> {
    await this.redis.del(this.key(key));
  }

  private key(key: string): string {
    return `${this.prefix}:identity:login-throttle:${key}`;
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
