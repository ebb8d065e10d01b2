import type { Pool } from 'pg';
import type { FilePurpose } from '../../application/files/file-purposes';
import { FileAttachment, FileRecord, FileRecords } from '../../application/files/file-records.port';

interface FileRow {
  file_id: string;
  owner_id: string;
  purpose: FilePurpose;
  size_bytes: string;
  sha256: string;
  content_type: string;
  original_name: string;
  storage_key: string;
  uploaded_at: Date;
  erased_at: Date | null;
}

const toRecord = (r: FileRow): FileRecord => ({
  fileId: r.file_id,
  ownerId: r.owner_id,
  purpose: r.purpose,
  sizeBytes: Number(r.size_bytes),
  sha256: r.sha256,
  contentType: r.content_type,
  originalName: r.original_name,
  storageKey: r.storage_key,
  uploadedAt: r.uploaded_at.toISOString(),
  erasedAt: r.erased_at === null ? null : r.erased_at.toISOString(),
});

/** The `files` and `file_attachments` tables (migration files/1732387000000-files). */
export class PostgresFileRecords extends FileRecords {
  constructor(private readonly pool: Pool) {
    super();
  }

  async insert(r: FileRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO files (file_id, owner_id, purpose, size_bytes, sha256, content_type, original_name, storage_key, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (file_id) DO NOTHING`,
      [
        r.fileId,
        r.ownerId,
        r.purpose,
        r.sizeBytes,
        r.sha256,
        r.contentType,
        r.originalName,
        r.storageKey,
        r.uploadedAt,
      ],
    );
  }

  async get(fileId: string): Promise<FileRecord | null> {
    return (await this.getMany([fileId]))[0] ?? null;
  }

  async getMany(fileIds: string[]): Promise<FileRecord[]> {
    if (fileIds.length === 0) return [];
    const { rows } = await this.pool.query<FileRow>(
      'SELECT * FROM files WHERE file_id = ANY($1::uuid[])',
      [fileIds],
    );
    return rows.map(toRecord);
  }

  async attach(
    fileIds: string[],
    { kind, subjectId }: FileAttachment,
    at: string,
  ): Promise<string[]> {
    const { rows } = await this.pool.query<{ file_id: string }>(
      `INSERT INTO file_attachments (file_id, kind, subject_id, attached_at)
       SELECT unnest($1::uuid[]), $2, $3, $4 ON CONFLICT DO NOTHING RETURNING file_id`,
      [fileIds, kind, subjectId, at],
    );
    return rows.map((r) => r.file_id);
  }

  async detach(fileIds: string[], { kind, subjectId }: FileAttachment): Promise<void> {
    await this.pool.query(
      'DELETE FROM file_attachments WHERE file_id = ANY($1::uuid[]) AND kind = $2 AND subject_id = $3',
      [fileIds, kind, subjectId],
    );
  }

  async attachments(fileId: string): Promise<FileAttachment[]> {
    const { rows } = await this.pool.query<{ kind: string; subject_id: string }>(
      'SELECT kind, subject_id FROM file_attachments WHERE file_id = $1 ORDER BY attached_at',
      [fileId],
    );
    return rows.map((r) => ({ kind: r.kind, subjectId: r.subject_id }));
  }

  async ownedBy(ownerId: string, purposes: readonly FilePurpose[]): Promise<FileRecord[]> {
    const { rows } = await this.pool.query<FileRow>(
      'SELECT * FROM files WHERE owner_id = $1 AND purpose = ANY($2::text[]) AND erased_at IS NULL',
      [ownerId, purposes],
    );
    return rows.map(toRecord);
  }

  async markErased(fileId: string, at: string): Promise<void> {
    await this.pool.query(
      `UPDATE files SET erased_at = $2, original_name = 'erased' WHERE file_id = $1 AND erased_at IS NULL`,
      [fileId, at],
    );
  }
}
