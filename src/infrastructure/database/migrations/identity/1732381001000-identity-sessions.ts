import { MigrationInterface, QueryRunner } from 'typeorm';

/** Login sessions and their rotating refresh tokens; only SHA-256 hashes of tokens are stored. */
export class IdentitySessions1732381001000 implements MigrationInterface {
  name = 'IdentitySessions1732381001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE identity_sessions (
        session_id     uuid        PRIMARY KEY,
        account_id     uuid        NOT NULL,
        created_at     timestamptz NOT NULL,
        revoked_at     timestamptz,
        revoked_reason text
      )`);
    await q.query(
      `CREATE INDEX identity_sessions_account ON identity_sessions (account_id) WHERE revoked_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE identity_refresh_tokens (
        token_hash bytea       PRIMARY KEY,
        session_id uuid        NOT NULL REFERENCES identity_sessions (session_id) ON DELETE CASCADE,
        issued_at  timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        rotated_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX identity_refresh_tokens_session ON identity_refresh_tokens (session_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE identity_refresh_tokens`);
    await q.query(`DROP TABLE identity_sessions`);
  }
}
