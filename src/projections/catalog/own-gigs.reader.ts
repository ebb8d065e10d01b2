import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { OwnGigsPort } from '../../application/catalog/own-gigs.port';
import type { SimilarOwnGig } from '../../domain/catalog';
import { PG_POOL } from '../../infrastructure/database/database.tokens';

/** A gig's title and description as one text, the way the near-duplicate rule compares them. */
const GIG_TEXT = `g.title || ' ' || g.description`;

/** Answers the gig handler from the catalog read model; similarity is pg_trgm's `similarity()`. */
@Injectable()
export class ReadModelOwnGigs extends OwnGigsPort {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {
    super();
  }

  async nonArchivedGigIds(sellerId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ gig_id: string }>(
      `SELECT gig_id FROM rm_gigs WHERE seller_id = $1 AND status <> 'archived' ORDER BY gig_id`,
      [sellerId],
    );
    return rows.map((row) => row.gig_id);
  }

  async publishedGigCount(sellerId: string, exceptGigId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM rm_gigs
        WHERE seller_id = $1 AND status = 'published' AND gig_id <> $2`,
      [sellerId, exceptGigId],
    );
    return rows[0]?.n ?? 0;
  }

  async mostSimilar(
    sellerId: string,
    text: { title: string; description: string },
    exceptGigId: string,
  ): Promise<SimilarOwnGig | null> {
    const { rows } = await this.pool.query<{ gig_id: string; title: string; similarity: number }>(
      `SELECT g.gig_id, g.title, similarity(${GIG_TEXT}, $3)::float8 AS similarity
         FROM rm_gigs g
        WHERE g.seller_id = $1 AND g.status <> 'archived' AND g.gig_id <> $2
        ORDER BY similarity DESC, g.gig_id
        LIMIT 1`,
      [sellerId, exceptGigId, `${text.title.trim()} ${text.description.trim()}`],
    );
    const row = rows[0];
    return row ? { gigId: row.gig_id, title: row.title, similarity: row.similarity } : null;
  }
}
