import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { ServiceTypeLabels } from '../../application/missions/service-type-labels.port';
import { PG_POOL } from '../../infrastructure/database/database.tokens';
import { serviceTypeWithSlug } from './service-types.queries';

/** Answers the service-type handler's label check from the read model. */
@Injectable()
export class ReadModelServiceTypeLabels extends ServiceTypeLabels {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {
    super();
  }

  holderOf(slug: string, exceptId: string): Promise<string | null> {
    return serviceTypeWithSlug(this.pool, slug, exceptId);
  }
}
