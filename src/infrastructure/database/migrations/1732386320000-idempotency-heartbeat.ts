import { MigrationInterface, QueryRunner } from 'typeorm';

/** A running request renews its claim; a claim not renewed within the lease is taken over. */
export class IdempotencyHeartbeat1732386320000 implements MigrationInterface {
  name = 'IdempotencyHeartbeat1732386320000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE http_idempotency ADD COLUMN renewed_at timestamptz NOT NULL DEFAULT now()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE http_idempotency DROP COLUMN renewed_at`);
  }
}
