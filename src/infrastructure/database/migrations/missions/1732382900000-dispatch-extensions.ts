import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Postgres contrib extensions the missions dispatch index is built on: `cube` and
 * `earthdistance` (a provider's zone as a point on the Earth, the request's place as a box
 * around it) and `btree_gist` (the service type and the zone in one GiST index; a provider's
 * bookings by period). Dated before the read-model migration, which creates the index's tables.
 */
export class DispatchExtensions1732382900000 implements MigrationInterface {
  name = 'DispatchExtensions1732382900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS cube WITH SCHEMA public`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS earthdistance WITH SCHEMA public`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public`);
  }

  async down(): Promise<void> {
    // Other schemas (every generation of the read model) use them, so the extensions stay.
  }
}
