import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import type { SubscriptionDirectory } from '../../application/plans/subscription-directory.port';
import type { ExistingSubscription, SubscriptionStatus } from '../../domain/plans';
import { PG_POOL } from '../../infrastructure/database/database.tokens';

/** Answers staff's subscription list from the `subscriptions` read model. */
@Injectable()
export class ReadModelSubscriptionDirectory implements SubscriptionDirectory {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async list(filter: {
    accountId?: string;
    status?: SubscriptionStatus;
    limit: number;
    offset: number;
  }): Promise<{ items: { state: ExistingSubscription; revision: bigint }[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.accountId) {
      params.push(filter.accountId);
      where.push(`account_id = $${params.length}`);
    }
    if (filter.status) {
      params.push(filter.status);
      where.push(`status = $${params.length}`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const { rows } = await this.pool.query<{
      state: ExistingSubscription;
      rev: string;
      total: string;
    }>(
      `SELECT state, rev, count(*) OVER () AS total FROM rm_subscriptions ${clause}
        ORDER BY started_at DESC, subscription_id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return {
      items: rows.map((r) => ({ state: r.state, revision: BigInt(r.rev) })),
      total: rows.length ? Number(rows[0].total) : await this.count(clause, params),
    };
  }

  /** A page past the end still tells how many there are. */
  private async count(clause: string, params: unknown[]): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM rm_subscriptions ${clause}`,
      params,
    );
    return Number(rows[0].n);
  }
}
