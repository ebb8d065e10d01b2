import type { OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import type { Pool, PoolClient } from 'pg';
import {
  IssuedSession,
  RotationResult,
  SessionStore,
} from '../../application/identity/identity.ports';
import { hashSecret, newRefreshToken } from '../../application/identity/secret-tokens';

/** How often expired entries are dropped and the subscriber connection is checked. */
const HEARTBEAT_MS = 5_000;
/** Delay before loading the markers again after a failed load. */
const RELOAD_DELAY_MS = 1_000;
const SCAN_COUNT = 1_000;

/** What `mark` publishes: the revoked sessions and how long their markers live. */
interface RevocationMessage {
  ids: string[];
  ttlMs: number;
}

/** Escapes the glob characters of a literal for SCAN MATCH. */
const globEscape = (s: string): string => s.replace(/[*?[\]\\]/g, '\\$&');

/**
 * Logout must also kill access tokens already handed out; a marker in Redis lives as long as an
 * access token can. Each process mirrors the markers in memory, loaded with SCAN whenever its
 * subscriber connection (re)subscribes and kept current by what `mark` publishes, so the guard
 * answers without a round trip. While the mirror may have missed a message (not loaded yet,
 * subscriber down or reconnecting) a session it does not know is looked up in Redis instead.
 * It has the shape of the HTTP layer's `SessionRevocations`, which the identity module binds to it.
 */
export class RedisSessionRevocations implements OnModuleDestroy {
  /** Revoked session id -> epoch ms at which its marker expires in Redis. */
  private readonly mirror = new Map<string, number>();
  private readonly subscriber: Redis;
  private readonly channel: string;
  private readonly keyPrefix: string;
  private readonly timer: NodeJS.Timeout;
  /** Bumped on every (dis)connection of the subscriber: a load from an older one is void. */
  private epoch = 0;
  /** The mirror holds every marker: loaded since the subscriber last (re)subscribed. */
  private current = false;
  private pinging = false;
  private closed = false;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly ttlSeconds: number,
  ) {
    this.keyPrefix = `${prefix}:identity:revoked-session:`;
    this.channel = `${prefix}:identity:revocations`;
    // Subscribing again is the load's job, so that it knows when the subscription holds.
    this.subscriber = redis.duplicate({ autoResubscribe: false });
    this.subscriber.on('ready', () => {
      this.pinging = false;
      void this.load(++this.epoch);
    });
    this.subscriber.on('close', () => this.invalidate());
    this.subscriber.on('message', (_channel: string, payload: string) => this.receive(payload));
    // A lost connection shows as 'close' and sends lookups to Redis; nothing else to report.
    this.subscriber.on('error', () => undefined);
    this.timer = setInterval(() => this.heartbeat(), HEARTBEAT_MS).unref();
  }

  /** From memory when that is safe, without I/O; `undefined` when only Redis can tell. */
  knownRevoked(sessionId: string): boolean | undefined {
    const expiresAt = this.mirror.get(sessionId);
    if (expiresAt !== undefined) {
      if (expiresAt > Date.now()) return true;
      this.mirror.delete(sessionId);
    }
    return this.current ? false : undefined;
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    return this.knownRevoked(sessionId) ?? (await this.redis.exists(this.key(sessionId))) === 1;
  }

  async mark(sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    const ttlMs = this.ttlSeconds * 1000;
    // This process knows at once; the others when the message arrives.
    this.remember(sessionIds, Date.now() + ttlMs);
    const message: RevocationMessage = { ids: sessionIds, ttlMs };
    const multi = this.redis.multi();
    for (const id of sessionIds) multi.set(this.key(id), '1', 'EX', this.ttlSeconds);
    multi.publish(this.channel, JSON.stringify(message));
    await multi.exec();
  }

  async onModuleDestroy(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    this.invalidate();
    // Connecting or waiting to reconnect, there is nothing to flush.
    if (this.subscriber.status !== 'ready') this.subscriber.disconnect();
    else await this.subscriber.quit().catch(() => undefined);
  }

  /**
   * Subscribes, then loads every marker: one set before the subscription took hold is found by
   * the scan, a later one arrives as a message.
   */
  private async load(epoch: number): Promise<void> {
    try {
      await this.subscriber.subscribe(this.channel);
      const pattern = `${globEscape(this.keyPrefix)}*`;
      let cursor = '0';
      do {
        if (epoch !== this.epoch) return;
        const [next, keys] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', SCAN_COUNT);
        cursor = next;
        if (keys.length === 0) continue;
        const pipeline = this.redis.pipeline();
        for (const key of keys) pipeline.pttl(key);
        const replies = (await pipeline.exec()) ?? [];
        const now = Date.now();
        keys.forEach((key, i) => {
          const [error, ms] = replies[i] ?? [new Error('no reply')];
          if (error) throw error;
          // -2: expired since the scan; -1: a marker without expiry stays until deleted.
          if (ms === -2) return;
          this.remember(
            [key.slice(this.keyPrefix.length)],
            ms === -1 ? Infinity : now + Number(ms),
          );
        });
      } while (cursor !== '0');
      if (epoch === this.epoch) this.current = true;
    } catch {
      if (epoch !== this.epoch || this.closed) return;
      setTimeout(() => {
        if (epoch === this.epoch && !this.closed) void this.load(epoch);
      }, RELOAD_DELAY_MS).unref();
    }
  }

  private receive(payload: string): void {
    let message: RevocationMessage | undefined;
    try {
      message = JSON.parse(payload) as RevocationMessage;
    } catch {
      message = undefined;
    }
    if (!Array.isArray(message?.ids) || typeof message.ttlMs !== 'number') {
      // Unreadable, so possibly a revocation missed: load everything again.
      this.invalidate();
      void this.load(this.epoch);
      return;
    }
    this.remember(message.ids, Date.now() + message.ttlMs);
  }

  private remember(sessionIds: string[], expiresAt: number): void {
    for (const id of sessionIds) {
      if ((this.mirror.get(id) ?? 0) < expiresAt) this.mirror.set(id, expiresAt);
    }
  }

  private invalidate(): void {
    this.epoch++;
    this.current = false;
  }

  /** Drops expired entries; a PING unanswered for a period means a connection dead but open. */
  private heartbeat(): void {
    const now = Date.now();
    for (const [id, expiresAt] of this.mirror) if (expiresAt <= now) this.mirror.delete(id);
    if (this.subscriber.status !== 'ready') return;
    if (this.pinging) {
      this.invalidate();
      this.subscriber.disconnect(true);
      return;
    }
    this.pinging = true;
    this.subscriber.ping().then(
      () => {
        this.pinging = false;
      },
      () => undefined,
    );
  }

  private key(sessionId: string): string {
    return `${this.keyPrefix}${sessionId}`;
  }
}

interface TokenRow {
  session_id: string;
  account_id: string;
  expires_at: Date;
  rotated_at: Date | null;
  revoked_at: Date | null;
}

/** Sessions and refresh-token families in Postgres; tokens are kept as SHA-256 hashes only. */
export class PostgresSessionStore extends SessionStore {
  constructor(
    private readonly pool: Pool,
    private readonly revocations: RedisSessionRevocations,
    private readonly refreshTtlDays: number,
  ) {
    super();
  }

  async open(accountId: string, now: Date): Promise<IssuedSession> {
    const sessionId = randomUUID();
    return this.transaction(async (c) => {
      await c.query(
        'INSERT INTO identity_sessions (session_id, account_id, created_at) VALUES ($1, $2, $3)',
        [sessionId, accountId, now],
      );
      return this.issue(c, sessionId, now);
    });
  }

  async rotate(refreshToken: string, now: Date): Promise<RotationResult> {
    const hash = Buffer.from(hashSecret(refreshToken), 'hex');
    const outcome = await this.transaction(async (c): Promise<RotationResult> => {
      const { rows } = await c.query<TokenRow>(
        `SELECT t.session_id, s.account_id, t.expires_at, t.rotated_at, s.revoked_at
           FROM identity_refresh_tokens t JOIN identity_sessions s USING (session_id)
          WHERE t.token_hash = $1 FOR UPDATE OF t, s`,
        [hash],
      );
      const row = rows[0];
      if (!row) return { ok: false, reason: 'REFRESH_TOKEN_INVALID' };
      if (row.revoked_at !== null)
        return { ok: false, reason: 'SESSION_REVOKED', sessionId: row.session_id };
      if (row.rotated_at !== null) {
        // A spent token came back: someone holds a copy, so the whole family goes.
        await c.query(
          `UPDATE identity_sessions SET revoked_at = $2, revoked_reason = 'refresh_token_reused' WHERE session_id = $1`,
          [row.session_id, now],
        );
        return { ok: false, reason: 'REFRESH_TOKEN_REUSED', sessionId: row.session_id };
      }
      if (row.expires_at.getTime() <= now.getTime())
        return { ok: false, reason: 'REFRESH_TOKEN_EXPIRED', sessionId: row.session_id };
      await c.query('UPDATE identity_refresh_tokens SET rotated_at = $2 WHERE token_hash = $1', [
        hash,
        now,
      ]);
      return { ok: true, accountId: row.account_id, ...(await this.issue(c, row.session_id, now)) };
    });
    if (!outcome.ok && outcome.reason === 'REFRESH_TOKEN_REUSED' && outcome.sessionId)
      await this.revocations.mark([outcome.sessionId]);
    return outcome;
  }

  async reissue(sessionId: string, accountId: string, now: Date): Promise<IssuedSession | null> {
    return this.transaction(async (c) => {
      const { rows } = await c.query(
        'SELECT 1 FROM identity_sessions WHERE session_id = $1 AND account_id = $2 AND revoked_at IS NULL FOR UPDATE',
        [sessionId, accountId],
      );
      if (rows.length === 0) return null;
      await c.query(
        'UPDATE identity_refresh_tokens SET rotated_at = $2 WHERE session_id = $1 AND rotated_at IS NULL',
        [sessionId, now],
      );
      return this.issue(c, sessionId, now);
    });
  }

  async revoke(sessionId: string, reason: string, now: Date): Promise<void> {
    await this.pool.query(
      'UPDATE identity_sessions SET revoked_at = $2, revoked_reason = $3 WHERE session_id = $1 AND revoked_at IS NULL',
      [sessionId, now, reason],
    );
    await this.revocations.mark([sessionId]);
  }

  async revokeAll(accountId: string, reason: string, now: Date, except?: string): Promise<void> {
    const { rows } = await this.pool.query<{ session_id: string }>(
      `UPDATE identity_sessions SET revoked_at = $2, revoked_reason = $3
        WHERE account_id = $1 AND revoked_at IS NULL AND session_id IS DISTINCT FROM $4::uuid
        RETURNING session_id`,
      [accountId, now, reason, except ?? null],
    );
    await this.revocations.mark(rows.map((r) => r.session_id));
  }

  private async issue(c: PoolClient, sessionId: string, now: Date): Promise<IssuedSession> {
    const { token, tokenHash } = newRefreshToken();
    const refreshExpiresAt = new Date(now.getTime() + this.refreshTtlDays * 86_400_000);
    await c.query(
      'INSERT INTO identity_refresh_tokens (token_hash, session_id, issued_at, expires_at) VALUES ($1, $2, $3, $4)',
      [Buffer.from(tokenHash, 'hex'), sessionId, now, refreshExpiresAt],
    );
    return { sessionId, refreshToken: token, refreshExpiresAt };
  }

  private async transaction<T>(work: (c: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
