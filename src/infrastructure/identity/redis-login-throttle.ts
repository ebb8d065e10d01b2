import type Redis from 'ioredis';
import { LoginThrottleStore, ThrottleState } from '../../application/identity/identity.ports';

/** Throttle state per hashed (login, ip) key, expiring with the window and lockout. */
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
