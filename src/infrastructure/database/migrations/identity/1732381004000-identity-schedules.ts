import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tables fed by the identity reactor from the log (rebuildable): closures awaiting their
 * effective date, and the verification documents staff review.
 */
export class IdentitySchedules1732381004000 implements MigrationInterface {
  name = 'IdentitySchedules1732381004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE account_closures (
        account_id    uuid        PRIMARY KEY,
        requested_at  timestamptz NOT NULL,
        effective_at  timestamptz NOT NULL,
        status        text        NOT NULL CHECK (status IN ('pending', 'closed', 'erased')),
        last_revision bigint      NOT NULL
      )`);
    await q.query(
      `CREATE INDEX account_closures_due ON account_closures (effective_at) WHERE status <> 'erased'`,
    );
    await q.query(`
      CREATE TABLE verification_documents (
        document_id      text        PRIMARY KEY,
        provider_id      uuid        NOT NULL,
        kind             text        NOT NULL,
        upload_ref       text        NOT NULL,
        status           text        NOT NULL,
        submitted_at     timestamptz NOT NULL,
        reviewed_by      text,
        reviewed_at      timestamptz,
        expires_at       timestamptz,
        rejection_reason text,
        last_revision    bigint      NOT NULL
      )`);
    await q.query(
      `CREATE INDEX verification_documents_queue ON verification_documents (status, submitted_at)`,
    );
    await q.query(
      `CREATE INDEX verification_documents_provider ON verification_documents (provider_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE verification_documents`);
    await q.query(`DROP TABLE account_closures`);
  }
}
