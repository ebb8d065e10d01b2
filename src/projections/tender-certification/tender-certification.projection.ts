import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import type { CertificationEvent, ProjectReviewGiven } from '../../domain/tenders';
import { occurredAt, Projection } from '../runner/projection';
import { isNewer } from '../runner/row-buffer';
import { TENDER_CERTIFICATION_TABLES } from './tender-certification.tables';

const CERTIFICATION_EVENTS: readonly CertificationEvent['type'][] = [
  'CertificationReferenceAdded',
  'CertificationReferenceLinkResent',
  'CertificationReferenceConfirmed',
  'CertificationReferenceDeclined',
  'CertificationReferenceApproved',
  'CertificationReferenceRefused',
  'CertificationReviewCounted',
  'ProviderCertified',
  'ProviderCertificationWithdrawn',
];

/**
 * The certification read model (docs/tenders-certification.md): low volume, plain SQL per event.
 * A certification event applies only when its revision is newer than the provider row's, so a
 * redelivery changes nothing; a review is keyed by project and author.
 */
export class TenderCertificationProjection implements Projection {
  readonly name = 'tender_certification';
  readonly version = 1;
  readonly handles = [...CERTIFICATION_EVENTS, 'ProjectReviewGiven'];
  readonly tables = TENDER_CERTIFICATION_TABLES;

  async handle(events: RecordedEvent[], tx: PoolClient): Promise<void> {
    for (const event of events) {
      if (event.type === 'ProjectReviewGiven') await this.review(event, tx);
      else await this.certification(event, tx);
    }
  }

  private async review(event: RecordedEvent, tx: PoolClient): Promise<void> {
    const d = event.data as ProjectReviewGiven['data'];
    await tx.query(
      `INSERT INTO tender_project_reviews
         (project_id, author, author_id, subject_id, rating, comment, reviewed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [d.projectId, d.author, d.authorId, d.subjectId, d.rating, d.comment, d.reviewedAt],
    );
  }

  private async certification(event: RecordedEvent, tx: PoolClient): Promise<void> {
    const e = { type: event.type, data: event.data } as CertificationEvent;
    const providerId = e.data.providerId;
    const at = occurredAt(event);
    const { rows } = await tx.query<{ rev: string }>(
      'SELECT rev FROM tender_certifications WHERE provider_id = $1 FOR UPDATE',
      [providerId],
    );
    if (rows[0] && !isNewer(event.revision, rows[0].rev)) return;
    await tx.query(
      `INSERT INTO tender_certifications (provider_id, rev, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (provider_id) DO UPDATE SET rev = EXCLUDED.rev, updated_at = EXCLUDED.updated_at`,
      [providerId, event.revision.toString(), at],
    );
    const reference = (sql: string, params: unknown[]) =>
      tx.query(`UPDATE tender_certification_references SET ${sql} WHERE reference_id = $1`, params);
    switch (e.type) {
      case 'CertificationReferenceAdded': {
        const d = e.data;
        await tx.query(
          `INSERT INTO tender_certification_references
             (reference_id, provider_id, reference_name, reference_email, company, work, year,
              status, token_hash, link_expires_at, last_sent_at, added_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'sent', $8, $9, $10, $10)
           ON CONFLICT DO NOTHING`,
          [
            d.referenceId,
            d.providerId,
            d.contact.name,
            d.contact.email,
            d.company,
            d.work,
            d.year,
            d.tokenHash,
            d.linkExpiresAt,
            d.addedAt,
          ],
        );
        return;
      }
      case 'CertificationReferenceLinkResent':
        await reference(
          'token_hash = $2, link_expires_at = $3, last_sent_at = $4, send_count = send_count + 1',
          [e.data.referenceId, e.data.tokenHash, e.data.linkExpiresAt, e.data.resentAt],
        );
        return;
      case 'CertificationReferenceConfirmed':
        await reference(`status = 'confirmed', answer_comment = $2, answered_at = $3`, [
          e.data.referenceId,
          e.data.comment,
          e.data.confirmedAt,
        ]);
        return;
      case 'CertificationReferenceDeclined':
        await reference(`status = 'declined', answer_comment = $2, answered_at = $3`, [
          e.data.referenceId,
          e.data.comment,
          e.data.declinedAt,
        ]);
        return;
      case 'CertificationReferenceApproved':
        await reference(
          `status = 'approved', review_reason = $2, reviewed_by = $3, reviewed_at = $4`,
          [e.data.referenceId, e.data.reason, e.data.approvedBy, e.data.approvedAt],
        );
        return;
      case 'CertificationReferenceRefused':
        await reference(
          `status = 'refused', review_reason = $2, reviewed_by = $3, reviewed_at = $4`,
          [e.data.referenceId, e.data.reason, e.data.refusedBy, e.data.refusedAt],
        );
        return;
      case 'CertificationReviewCounted':
        return;
      case 'ProviderCertified':
        await tx.query(
          `UPDATE tender_certifications SET status = 'certified', basis = $2, certified_at = $3,
             withdrawn_at = NULL, withdrawal_reason = NULL WHERE provider_id = $1`,
          [providerId, e.data.basis, e.data.certifiedAt],
        );
        return;
      case 'ProviderCertificationWithdrawn':
        await tx.query(
          `UPDATE tender_certifications SET status = 'withdrawn', withdrawn_at = $2,
             withdrawal_reason = $3 WHERE provider_id = $1`,
          [providerId, e.data.withdrawnAt, e.data.reason],
        );
        return;
      default:
        e satisfies never;
    }
  }
}
