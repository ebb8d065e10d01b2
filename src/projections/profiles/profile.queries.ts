import { Pool } from 'pg';
import { int, iso, UUID_PATTERN } from '../shared/query-helpers';

/** A public profile by account id or provider reference (`PR-7K3Q9`); null when nobody matches. */
export async function providerProfile(pool: Pool, idOrReference: string, recent = 10) {
  const byReference = !UUID_PATTERN.test(idOrReference);
  const key = byReference ? idOrReference.trim().toUpperCase() : idOrReference.toLowerCase();
  const party = await pool.query(
    `SELECT * FROM rm_profile_parties WHERE ${byReference ? 'provider_reference' : 'account_id'} = $1 LIMIT 1`,
    [key],
  );
  const accountId: string = party.rows[0]?.account_id ?? (byReference ? null : key);
  if (!accountId) return null;
  const stats = await pool.query('SELECT * FROM rm_profile_stats WHERE account_id = $1', [
    accountId,
  ]);
  if (party.rows.length === 0 && stats.rows.length === 0) return null;
  const p = party.rows[0];
  const s = stats.rows[0];
  const reviews = await pool.query(
    'SELECT order_id, rating, comment, reviewed_at FROM rm_profile_reviews WHERE seller_id = $1 ORDER BY reviewed_at DESC, order_id LIMIT $2',
    [accountId, recent],
  );
  const marks = await pool.query(
    `SELECT order_id, reason, cancelled_by, cancelled_at, amendment, amended_by, amended_comment, amended_rating, amended_at
       FROM rm_cancellation_marks WHERE account_id = $1 AND amendment IS DISTINCT FROM 'withdrawn'
      ORDER BY cancelled_at DESC, order_id LIMIT $2`,
    [accountId, recent],
  );
  return {
    accountId,
    displayName: p?.display_name ?? null,
    providerReference: p?.provider_reference ?? null,
    erased: p?.erased === true,
    rating: {
      average: s?.rating_avg == null ? null : Number(s.rating_avg),
      count: s?.rating_count ?? 0,
    },
    completedOrders: s?.completed_orders ?? 0,
    cancellationMarks: s?.cancellation_marks ?? 0,
    recentReviews: reviews.rows.map((r) => ({
      orderId: r.order_id,
      rating: int(r.rating),
      comment: r.comment,
      reviewedAt: iso(r.reviewed_at),
    })),
    recentCancellations: marks.rows.map((r) => ({
      orderId: r.order_id,
      reason: r.reason,
      byThisAccount: r.cancelled_by === accountId,
      cancelledAt: iso(r.cancelled_at),
      amendment:
        r.amendment === 'amended'
          ? {
              by: r.amended_by,
              comment: r.amended_comment,
              rating: r.amended_rating === null ? null : int(r.amended_rating),
              amendedAt: iso(r.amended_at),
            }
          : null,
    })),
  };
}
