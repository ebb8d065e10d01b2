import { Pool } from 'pg';
import { CERTIFICATION_STATUS_LABELS, REFERENCE_STATUS_LABELS } from '../../domain/tenders';
import type { ReferenceStatus } from '../../domain/tenders';
import { int, iso } from '../shared/query-helpers';

const UNDEFINED_TABLE = '42P01';

/** Reads that other contexts' queries join: absent tables (a test database holding only some read models) read as empty. */
async function tolerant<T>(run: () => Promise<T>, empty: T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if ((error as { code?: string }).code === UNDEFINED_TABLE) return empty;
    throw error;
  }
}

/** The reference a link's token (by its hash) belongs to, or null. */
export async function referenceByTokenHash(pool: Pool, tokenHash: string) {
  const { rows } = await pool.query(
    'SELECT reference_id, provider_id FROM rm_tender_certification_references WHERE token_hash = $1',
    [tokenHash],
  );
  const r = rows[0];
  return r ? { referenceId: r.reference_id as string, providerId: r.provider_id as string } : null;
}

export async function providerOfReference(pool: Pool, referenceId: string): Promise<string | null> {
  const { rows } = await pool.query(
    'SELECT provider_id FROM rm_tender_certification_references WHERE reference_id = $1',
    [referenceId],
  );
  return (rows[0]?.provider_id as string | undefined) ?? null;
}

/** The SCP's queue: references in a state (default `confirmed`, awaiting review), oldest answer first. */
export async function staffReferences(
  pool: Pool,
  filter: { state?: ReferenceStatus; limit: number; offset: number },
) {
  const state = filter.state ?? 'confirmed';
  const [{ rows: counted }, { rows }] = await Promise.all([
    pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM rm_tender_certification_references WHERE status = $1',
      [state],
    ),
    pool.query(
      `SELECT r.*, c.status AS certification_status
         FROM rm_tender_certification_references r
         LEFT JOIN rm_tender_certifications c USING (provider_id)
        WHERE r.status = $1
        ORDER BY r.answered_at NULLS LAST, r.added_at, r.reference_id LIMIT $2 OFFSET $3`,
      [state, filter.limit, filter.offset],
    ),
  ]);
  return {
    total: counted[0]?.n ?? 0,
    items: rows.map((r) => ({
      referenceId: r.reference_id as string,
      providerId: r.provider_id as string,
      providerCertified: r.certification_status === 'certified',
      name: r.reference_name as string,
      email: r.reference_email as string,
      company: r.company as string,
      work: r.work as string,
      year: int(r.year),
      status: r.status as ReferenceStatus,
      statusLabel: REFERENCE_STATUS_LABELS[r.status as ReferenceStatus],
      answerComment: (r.answer_comment as string | null) ?? null,
      answeredAt: iso(r.answered_at),
      reviewReason: (r.review_reason as string | null) ?? null,
      reviewedBy: (r.reviewed_by as string | null) ?? null,
      reviewedAt: iso(r.reviewed_at),
      addedAt: iso(r.added_at) as string,
    })),
  };
}

/** A provider's project reviews written by clients, newest first, with their count and average. */
export async function providerProjectReviews(
  pool: Pool,
  providerId: string,
  page: { limit: number; offset: number },
) {
  const [{ rows: stats }, { rows }] = await Promise.all([
    pool.query(
      `SELECT count(*)::int AS n, round(avg(rating), 2) AS average FROM rm_tender_project_reviews
        WHERE subject_id = $1 AND author = 'client'`,
      [providerId],
    ),
    pool.query(
      `SELECT project_id, rating, comment, reviewed_at FROM rm_tender_project_reviews
        WHERE subject_id = $1 AND author = 'client'
        ORDER BY reviewed_at DESC, project_id LIMIT $2 OFFSET $3`,
      [providerId, page.limit, page.offset],
    ),
  ]);
  return {
    providerId,
    count: stats[0].n as number,
    average: stats[0].average === null ? null : Number(stats[0].average),
    items: rows.map((r) => ({
      projectId: r.project_id as string,
      rating: int(r.rating),
      comment: (r.comment as string | null) ?? null,
      reviewedAt: iso(r.reviewed_at) as string,
    })),
  };
}

/**
 * What a public profile shows of tenders: the badge and the clients' project reviews; `known`
 * when the provider has a certification stream or a review (a profile then exists).
 */
export function profileCertification(pool: Pool, accountId: string) {
  const none = {
    known: false,
    certified: false,
    certifiedLabel: null as string | null,
    projectReviews: { count: 0, average: null as number | null },
  };
  return tolerant(async () => {
    // One indexed read: the certification row by its key, the clients' reviews by subject.
    const { rows } = await pool.query<{ status: string | null; n: number; average: string | null }>(
      `SELECT c.status, r.n, r.average
         FROM (SELECT count(*)::int AS n, round(avg(rating), 2) AS average
                 FROM rm_tender_project_reviews WHERE subject_id = $1 AND author = 'client') r
         LEFT JOIN rm_tender_certifications c ON c.provider_id = $1`,
      [accountId],
    );
    const { status, n, average } = rows[0];
    const is = status === 'certified';
    return {
      known: status !== null || n > 0,
      certified: is,
      certifiedLabel: is ? CERTIFICATION_STATUS_LABELS.certified : null,
      projectReviews: { count: n, average: average === null ? null : Number(average) },
    };
  }, none);
}
