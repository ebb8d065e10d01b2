import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import type { Pool, PoolClient } from 'pg';
import {
  IssuedSession,
  RotationResult,
  SessionStore,
} from '../../application/identity/identity.ports';
import { hashSecret, newRefreshToken } from '../../application/identity/secret-tokens';

/**
 * Logout must also kill access tokens already handed out; the guard asks Redis on every
 * request, and a marker lives as long as an access token can. It has the shape of the HTTP
 * layer's `SessionRevocations`, which the identity module binds to it.
 */
export class RedisSessionRevocations {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {}

  async isRevoked(sessionId: string): Promise<boolean> {
    return (await this.redis.exists(this.key(sessionId))) === 1;
  }

  async mark(sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    const multi = this.redis.multi();
    for (const id of sessionIds) multi.set(this.key(id), '1', 'EX', this.ttlSeconds);
    await multi.exec();
  }

  private key(sessionId: string): string {
    return `${this.prefix}:identity:revoked-session:${sessionId}`;
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
