import { MigrationInterface, QueryRunner } from 'typeorm';

export class SubscriptionCheckpoints1732380002000 implements MigrationInterface {
  name = 'SubscriptionCheckpoints1732380002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE subscription_checkpoints (
        name       text PRIMARY KEY,
        commit     text        NOT NULL,
        prepare    bigint      NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE subscription_checkpoints`);
  }
}
