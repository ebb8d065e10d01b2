import type { Pool } from 'pg';
import {
  ClosureDue,
  IdentitySchedules,
  VerificationQueueRow,
} from '../../application/identity/identity.ports';

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

/** The reactor's tables; each write applies only if its stream revision is newer than the row's. */
export class PostgresIdentitySchedules extends IdentitySchedules {
  constructor(private readonly pool: Pool) {
    super();
  }

  async recordClosure(
    accountId: string,
    revision: bigint,
    change: { requestedAt: string; effectiveAt: string } | 'withdrawn' | 'closed' | 'erased',
  ): Promise<void> {
    if (change === 'withdrawn') {
      await this.pool.query(
        'DELETE FROM account_closures WHERE account_id = $1 AND last_revision < $2',
        [accountId, revision.toString()],
      );
      return;
    }
    if (typeof change === 'string') {
      await this.pool.query(
        'UPDATE account_closures SET status = $3, last_revision = $2 WHERE account_id = $1 AND last_revision < $2',
        [accountId, revision.toString(), change],
      );
      return;
    }
    await this.pool.query(
      `INSERT INTO account_closures (account_id, requested_at, effective_at, status, last_revision) VALUES ($1, $2, $3, 'pending', $4)
       ON CONFLICT (account_id) DO UPDATE SET requested_at = excluded.requested_at, effective_at = excluded.effective_at,
         status = 'pending', last_revision = excluded.last_revision
       WHERE account_closures.last_revision < excluded.last_revision`,
      [accountId, change.requestedAt, change.effectiveAt, revision.toString()],
    );
  }

  async dueClosures(now: Date, limit: number): Promise<ClosureDue[]> {
    const { rows } = await this.pool.query<{
      account_id: string;
      effective_at: Date;
      status: 'pending' | 'closed';
    }>(
      `SELECT account_id, effective_at, status FROM account_closures
        WHERE status <> 'erased' AND effective_at <= $1 ORDER BY effective_at LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => ({
      accountId: r.account_id,
      effectiveAt: r.effective_at.toISOString(),
      status: r.status,
    }));
  }

  async recordDocument(row: VerificationQueueRow, revision: bigint): Promise<void> {
    await this.pool.query(
      `INSERT INTO verification_documents (document_id, provider_id, kind, upload_ref, status, submitted_at, reviewed_by,
         reviewed_at, expires_at, rejection_reason, last_revision)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (document_id) DO UPDATE SET status = excluded.status, reviewed_by = excluded.reviewed_by,
         reviewed_at = excluded.reviewed_at, expires_at = excluded.expires_at, rejection_reason = excluded.rejection_reason,
         last_revision = excluded.last_revision
       WHERE verification_documents.last_revision < excluded.last_revision`,
      [
        row.documentId,
        row.providerId,
        row.kind,
        row.uploadRef,
        row.status,
        row.submittedAt,
        row.reviewedBy,
        row.reviewedAt,
        row.expiresAt,
        row.rejectionReason,
        revision.toString(),
      ],
    );
  }

  async queue(filter: {
    status?: string;
    providerId?: string;
    limit: number;
  }): Promise<VerificationQueueRow[]> {
    const { rows } = await this.pool.query<{
      document_id: string;
      provider_id: string;
      kind: string;
      upload_ref: string;
      status: string;
      submitted_at: Date;
      reviewed_by: string | null;
      reviewed_at: Date | null;
      expires_at: Date | null;
      rejection_reason: string | null;
    }>(
      `SELECT * FROM verification_documents
        WHERE ($1::text IS NULL OR status = $1) AND ($2::uuid IS NULL OR provider_id = $2)
        ORDER BY submitted_at LIMIT $3`,
      [filter.status ?? null, filter.providerId ?? null, filter.limit],
    );
    return rows.map((r) => ({
      documentId: r.document_id,
      providerId: r.provider_id,
      kind: r.kind,
      uploadRef: r.upload_ref,
      status: r.status,
      submittedAt: r.submitted_at.toISOString(),
      reviewedBy: r.reviewed_by,
      reviewedAt: iso(r.reviewed_at),
      expiresAt: iso(r.expires_at),
      rejectionReason: r.rejection_reason,
    }));
  }
}
