import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uniqueness lookups of the identity context. E-mails are kept only as a keyed hash (HMAC) of
 * the normalised address, so the table never holds a readable address.
 */
export class IdentityLookups1732381000000 implements MigrationInterface {
  name = 'IdentityLookups1732381000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE account_emails (
        email_hmac bytea       PRIMARY KEY,
        account_id uuid        NOT NULL UNIQUE,
        claimed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE provider_references (
        reference  text        PRIMARY KEY,
        account_id uuid        NOT NULL UNIQUE,
        claimed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE provider_references`);
    await q.query(`DROP TABLE account_emails`);
  }
}
