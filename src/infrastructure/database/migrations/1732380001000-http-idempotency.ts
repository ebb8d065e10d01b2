import { MigrationInterface, QueryRunner } from 'typeorm';

export class HttpIdempotency1732380001000 implements MigrationInterface {
  name = 'HttpIdempotency1732380001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE http_idempotency (
        scope        text        NOT NULL,
        key          text        NOT NULL,
        fingerprint  text        NOT NULL,
        status_code  integer,
        body         jsonb,
        created_at   timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (scope, key)
      )`);
    // Old keys are purged by age; the index keeps that purge cheap.
    await q.query(`CREATE INDEX http_idempotency_created_at ON http_idempotency (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE http_idempotency`);
  }
}
