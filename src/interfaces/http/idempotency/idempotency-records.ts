import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { APP_CONFIG, AppConfig } from '../../../infrastructure/config/config';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';

export type Claim =
  /** This request runs; `token` names its claim, so only it completes or releases it. */
  | { kind: 'claimed'; token: string }
  | { kind: 'answered'; statusCode: number; body: unknown }
  /** Another attempt holds the key; its claim lapses in `retryAfterSeconds` unless renewed. */
  | { kind: 'in_progress'; retryAfterSeconds: number }
  | { kind: 'other_request' };

/**
 * The `http_idempotency` table: one row per caller and key, claimed before the command runs and
 * completed with its answer. The running request renews its claim (`renew`, a heartbeat); a claim
 * whose request died with its process (never completed, released nor renewed) is taken over by a
 * retry of the same request once `IDEMPOTENCY_CLAIM_LEASE_SECONDS` have passed since its last
 * renewal; every command is safe to run again (its ids derive from the key), so the retry resumes
 * where the dead one stopped instead of answering "in progress" for long.
 */
@Injectable()
export class IdempotencyRecords {
  private readonly logger = new Logger('Idempotency');

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async claim(scope: string, key: string, fingerprint: string): Promise<Claim> {
    // One statement: a new key is inserted; an abandoned claim of the same request is renewed
    // (the row lock makes two concurrent retries agree on one winner).
    const claimed = await this.pool.query<{ token: string }>(
      `INSERT INTO http_idempotency (scope, key, fingerprint) VALUES ($1, $2, $3)
       ON CONFLICT (scope, key) DO UPDATE SET created_at = now(), renewed_at = now()
        WHERE http_idempotency.status_code IS NULL
          AND http_idempotency.fingerprint = excluded.fingerprint
          AND http_idempotency.renewed_at < now() - make_interval(secs => $4)
       RETURNING created_at::text AS token`,
      [scope, key, fingerprint, this.config.IDEMPOTENCY_CLAIM_LEASE_SECONDS],
    );
    if (claimed.rows[0]) return { kind: 'claimed', token: claimed.rows[0].token };
    const { rows } = await this.pool.query<{
      fingerprint: string;
      status_code: number | null;
      body: unknown;
      lapses_in: number;
    }>(
      `SELECT fingerprint, status_code, body,
              GREATEST(1, ceil(extract(epoch FROM renewed_at + make_interval(secs => $3) - now())))::int AS lapses_in
         FROM http_idempotency WHERE scope = $1 AND key = $2`,
      [scope, key, this.config.IDEMPOTENCY_CLAIM_LEASE_SECONDS],
    );
    const row = rows[0];
    // Released (or purged) in between: try again.
    if (!row) return this.claim(scope, key, fingerprint);
    if (row.fingerprint !== fingerprint) return { kind: 'other_request' };
    if (row.status_code === null) return { kind: 'in_progress', retryAfterSeconds: row.lapses_in };
    return { kind: 'answered', statusCode: row.status_code, body: row.body };
  }

  /** Seconds a claim lives without renewal; the holder renews it well within that. */
  get leaseSeconds(): number {
    return this.config.IDEMPOTENCY_CLAIM_LEASE_SECONDS;
  }

  /** Keeps a running request's claim; false once it was taken over or answered. */
  async renew(scope: string, key: string, token: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE http_idempotency SET renewed_at = now()
        WHERE scope = $1 AND key = $2 AND created_at = $3::timestamptz AND status_code IS NULL`,
      [scope, key, token],
    );
    return (rowCount ?? 0) > 0;
  }

  /**
   * Stores the answer, unless the claim was taken over meanwhile (the new holder answers). The
   * command already happened, so when Postgres is out of reach the answer is stored once it is
   * back (a retry meanwhile hears "in progress"), and the caller still gets it now.
   */
  async complete(scope: string, key: string, token: string, status: number, body: unknown): Promise<void> {
    const run = () =>
      this.pool.query(
        `UPDATE http_idempotency SET status_code = $4, body = $5::jsonb, completed_at = now()
          WHERE scope = $1 AND key = $2 AND created_at = $3::timestamptz AND status_code IS NULL`,
        [scope, key, token, status, JSON.stringify(body ?? null)],
      );
    await run().catch((error: unknown) => this.retryLater('store the answer of', key, run, error));
  }

  /**
   * A failed attempt leaves nothing behind, so the client may retry with the same key; when the
   * failure was a lost connection the claim is released as soon as Postgres answers again,
   * instead of blocking the key until the lease runs out.
   */
  async release(scope: string, key: string, token: string): Promise<void> {
    const run = () =>
      this.pool.query(
        `DELETE FROM http_idempotency
          WHERE scope = $1 AND key = $2 AND created_at = $3::timestamptz AND status_code IS NULL`,
        [scope, key, token],
      );
    await run().catch((error: unknown) => this.retryLater('release', key, run, error));
  }

  /** Retries `run` in the background with capped backoff, for at most the claim lease. */
  private retryLater(what: string, key: string, run: () => Promise<unknown>, first: unknown): void {
    const giveUpAt = Date.now() + this.config.IDEMPOTENCY_CLAIM_LEASE_SECONDS * 1000;
    this.logger.warn(`Could not ${what} Idempotency-Key ${key}, retrying: ${String(first)}`);
    const attempt = (delayMs: number) => {
      const timer = setTimeout(() => {
        run().then(
          () => undefined,
          (error: unknown) => {
            if (Date.now() + delayMs < giveUpAt) attempt(Math.min(delayMs * 2, 5_000));
            else this.logger.error(`Gave up trying to ${what} Idempotency-Key ${key}: ${String(error)}`);
          },
        );
      }, delayMs);
      timer.unref();
    };
    attempt(200);
  }

  /** GDPR erasure: the answers replayed to this account repeat what the person sent. */
  async forgetAccount(accountId: string): Promise<void> {
    await this.pool.query(`DELETE FROM http_idempotency WHERE scope = $1`, [accountId]);
  }

  /** Forgets keys older than `IDEMPOTENCY_RETENTION_HOURS`; returns how many. */
  async purge(batch = 10_000): Promise<number> {
    let total = 0;
    for (;;) {
      const { rowCount } = await this.pool.query(
        `DELETE FROM http_idempotency WHERE ctid = ANY (ARRAY(
           SELECT ctid FROM http_idempotency
            WHERE created_at < now() - make_interval(hours => $1) LIMIT $2))`,
        [this.config.IDEMPOTENCY_RETENTION_HOURS, batch],
      );
      total += rowCount ?? 0;
      if ((rowCount ?? 0) < batch) return total;
    }
  }
}

const PURGE_INTERVAL_MS = 10 * 60_000;

/** In worker processes: purges expired idempotency keys at start and every 10 minutes. */
@Injectable()
export class IdempotencyPurge implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('IdempotencyPurge');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly records: IdempotencyRecords,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.PROCESS_ROLES.includes('workers')) return;
    this.timer = setInterval(() => this.runOnce(), PURGE_INTERVAL_MS);
    this.timer.unref();
    this.runOnce();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private runOnce(): void {
    this.running ??= this.records
      .purge()
      .then(
        (n) => void (n > 0 && this.logger.log(`Purged ${n} expired idempotency keys`)),
        (error: unknown) => this.logger.warn(`Purge failed, will retry: ${String(error)}`),
      )
      .finally(() => (this.running = null));
  }
}
