import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { DATA_KEY_BYTES, unwrapKey, wrapKey } from './personal-data-cipher';

/** Per-person data keys; `null` means the person has been erased (or never had data). */
export interface PersonalDataKeyring {
  /** The key to encrypt with, created on first use; null once the owner's key was destroyed. */
  encryptionKey(ownerId: string): Promise<Buffer | null>;
  /** The key to decrypt with; null when destroyed. */
  decryptionKey(ownerId: string): Promise<Buffer | null>;
  /** Crypto-shredding: the key is gone for good and never re-created. */
  destroy(ownerId: string): Promise<void>;
}

interface CacheEntry {
  key: Buffer | null;
  loadedAt: number;
}

/**
 * Every keyring on the same pool shares one cache, so `destroy` in one place evicts the key
 * for the whole process; other processes drop it after `CACHE_TTL_MS`.
 */
const caches = new WeakMap<object, Map<string, CacheEntry>>();
const CACHE_TTL_MS = 30_000;
const CACHE_MAX = 10_000;

export class PostgresPersonalDataKeyring implements PersonalDataKeyring {
  private readonly masterKey: Buffer;
  private readonly cache: Map<string, CacheEntry>;

  constructor(
    private readonly pool: Pool,
    masterKeyBase64: string,
  ) {
    this.masterKey = Buffer.from(masterKeyBase64, 'base64');
    if (this.masterKey.length !== 32)
      throw new Error('PERSONAL_DATA_MASTER_KEY must be 32 bytes (base64)');
    let cache = caches.get(pool);
    if (!cache) caches.set(pool, (cache = new Map()));
    this.cache = cache;
  }

  async encryptionKey(ownerId: string): Promise<Buffer | null> {
    const cached = this.cached(ownerId);
    if (cached !== undefined) return cached;
    const wrapped = wrapKey(this.masterKey, randomBytes(DATA_KEY_BYTES), ownerId);
    // Two concurrent first writes agree on whichever key landed first.
    await this.pool.query(
      'INSERT INTO personal_data_keys (owner_id, wrapped_key) VALUES ($1, $2) ON CONFLICT (owner_id) DO NOTHING',
      [ownerId, wrapped],
    );
    return this.load(ownerId);
  }

  async decryptionKey(ownerId: string): Promise<Buffer | null> {
    const cached = this.cached(ownerId);
    return cached !== undefined ? cached : this.load(ownerId);
  }

  async destroy(ownerId: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO personal_data_keys (owner_id, wrapped_key, destroyed_at) VALUES ($1, NULL, now())
       ON CONFLICT (owner_id) DO UPDATE SET wrapped_key = NULL, destroyed_at = coalesce(personal_data_keys.destroyed_at, now())`,
      [ownerId],
    );
    this.remember(ownerId, null);
  }

  private cached(ownerId: string): Buffer | null | undefined {
    const entry = this.cache.get(ownerId);
    if (!entry || Date.now() - entry.loadedAt > CACHE_TTL_MS) return undefined;
    return entry.key;
  }

  private async load(ownerId: string): Promise<Buffer | null> {
    const { rows } = await this.pool.query<{ wrapped_key: Buffer | null }>(
      'SELECT wrapped_key FROM personal_data_keys WHERE owner_id = $1',
      [ownerId],
    );
    const wrapped = rows[0]?.wrapped_key ?? null;
    const key = wrapped === null ? null : unwrapKey(this.masterKey, wrapped, ownerId);
    // A key never created is not cached: the first write creates it.
    if (rows.length > 0) this.remember(ownerId, key);
    return key;
  }

  private remember(ownerId: string, key: Buffer | null): void {
    if (this.cache.size >= CACHE_MAX) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(ownerId, { key, loadedAt: Date.now() });
  }
}
