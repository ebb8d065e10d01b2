import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploaded files, written once at upload (files are infrastructure: the domain events hold the
 * references), and where commands attached them (a hint the owning context's policy confirms).
 */
export class Files1732387000000 implements MigrationInterface {
  name = 'Files1732387000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE files (
        file_id       uuid        PRIMARY KEY,
        owner_id      uuid        NOT NULL,
        purpose       text        NOT NULL,
        size_bytes    bigint      NOT NULL CHECK (size_bytes > 0),
        sha256        text        NOT NULL,
        content_type  text        NOT NULL,
        original_name text        NOT NULL,
        storage_key   text        NOT NULL UNIQUE,
        uploaded_at   timestamptz NOT NULL,
        erased_at     timestamptz
      )`);
    await q.query(`CREATE INDEX files_owner ON files (owner_id, purpose) WHERE erased_at IS NULL`);
    await q.query(`
      CREATE TABLE file_attachments (
        file_id     uuid        NOT NULL REFERENCES files (file_id),
        kind        text        NOT NULL,
        subject_id  text        NOT NULL,
        attached_at timestamptz NOT NULL,
        PRIMARY KEY (file_id, kind, subject_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE file_attachments`);
    await q.query(`DROP TABLE files`);
  }
}
