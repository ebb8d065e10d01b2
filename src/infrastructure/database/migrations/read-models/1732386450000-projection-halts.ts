import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event each projection stopped on because it could not apply it for good. Kept in the
 * database so a restarted process reports the stop and does not skip the event, until an
 * operator retries the projection.
 */
export class ProjectionHalts1732386450000 implements MigrationInterface {
  name = 'ProjectionHalts1732386450000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projection_halts (
        name             text        PRIMARY KEY,
        event_id         text        NOT NULL,
        event_type       text        NOT NULL,
        stream_name      text        NOT NULL,
        position_commit  text        NOT NULL,
        position_prepare text        NOT NULL,
        error_code       text,
        error_message    text        NOT NULL,
        halted_at        timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE projection_halts`);
  }
}
