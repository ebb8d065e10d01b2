import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One AES-256 data key per person, wrapped with the master key. Erasure sets `wrapped_key` to
 * NULL and keeps the row as a tombstone, so no new key is ever made for an erased person.
 */
export class PersonalDataKeys1732381002000 implements MigrationInterface {
  name = 'PersonalDataKeys1732381002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE personal_data_keys (
        owner_id     text        PRIMARY KEY,
        wrapped_key  bytea,
        created_at   timestamptz NOT NULL DEFAULT now(),
        destroyed_at timestamptz,
        CONSTRAINT personal_data_keys_destroyed CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE personal_data_keys`);
  }
}
