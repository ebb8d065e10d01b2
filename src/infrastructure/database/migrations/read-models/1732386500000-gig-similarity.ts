import { MigrationInterface, QueryRunner } from 'typeorm';

/** Trigram similarity, with which a seller's new gig is compared to their own (near-duplicates). */
export class GigSimilarity1732386500000 implements MigrationInterface {
  name = 'GigSimilarity1732386500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
  }

  async down(): Promise<void> {
    // Other schemas may use pg_trgm too, so the extension stays.
  }
}
