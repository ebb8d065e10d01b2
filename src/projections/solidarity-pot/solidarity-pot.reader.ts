import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import type { SolidarityPotFacts } from '../../application/solidarity/pot.port';
import { EVENT_STORE, EventStore } from '../../application/shared/event-store.port';
import { PG_POOL } from '../../infrastructure/database/database.tokens';
import { LedgerProjection } from '../ledger/ledger.projection';
import { occurredAt } from '../runner/projection';
import {
  currentPartners,
  monthsKeptInWallet,
  potRevenueOfMonth,
  voterQualifiedAt,
} from './solidarity-pot.queries';
import { SolidarityPotProjection } from './solidarity-pot.projection';

/** SOLIDARITY_POT_FACTS from the ledger and the pot's own read model. */
@Injectable()
export class ReadModelSolidarityPotFacts implements SolidarityPotFacts {
  private readonly watched = [new LedgerProjection(), new SolidarityPotProjection()];

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  voterQualifiedAt(accountId: string) {
    return voterQualifiedAt(this.pool, accountId);
  }

  async partner(associationId: string) {
    return (await currentPartners(this.pool, associationId))[0] ?? null;
  }

  partners() {
    return currentPartners(this.pool);
  }

  monthRevenue(month: string) {
    return potRevenueOfMonth(this.pool, month);
  }

  sharesKeptInWallet(associationId: string) {
    return monthsKeptInWallet(this.pool, associationId);
  }

  /** A read model is behind when the first event it has not applied happened before `before`. */
  async readModelsBehind(before: string): Promise<string[]> {
    const behind: string[] = [];
    for (const projection of this.watched) {
      const { rows } = await this.pool.query(
        `SELECT commit, prepare FROM projection_checkpoints WHERE name = $1`,
        [projection.name],
      );
      const after = rows[0]
        ? { commit: BigInt(rows[0].commit), prepare: BigInt(rows[0].prepare) }
        : undefined;
      const [next] = await this.store.readAll({
        after,
        maxCount: 1,
        filter: { eventTypePrefixes: [...projection.handles] },
      });
      if (next && Date.parse(occurredAt(next)) < Date.parse(before)) behind.push(projection.name);
    }
    return behind;
  }
}
