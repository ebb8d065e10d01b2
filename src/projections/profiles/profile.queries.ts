import { Pool } from 'pg';
import { int, iso, UUID_PATTERN } from '../shared/query-helpers';
import { profileCertification } from '../tender-certification/tender-certification.queries';

/** Seed 002's appreciation scale, as the profile shows it. */
const APPRECIATION_LABELS: Record<number, string> = {
  [-2]: 'Très insatisfait',
  [-1]: 'Insatisfait',
  1: 'Satisfait',
  2: 'Très satisfait',
};

/** Missions on a provider's profile: every cancellation of a mission they had confirmed, and the clients' appreciations. */
async function missionRecord(pool: Pool, accountId: string, recent: number) {
  const [cancellations, cancelCount, appreciations, appreciationStats] = await Promise.all([
    pool.query(
      `SELECT mission_id, cancelled_by, actor_id, from_status, late, fee_cents, cancelled_at
         FROM rm_profile_mission_cancellations WHERE provider_id = $1
        ORDER BY cancelled_at DESC, mission_id LIMIT $2`,
      [accountId, recent],
    ),
    pool.query(
      'SELECT count(*)::int AS n FROM rm_profile_mission_cancellations WHERE provider_id = $1',
      [accountId],
    ),
    pool.query(
      `SELECT mission_id, appreciation, comment, appreciated_at, recommendation, recommended_at
         FROM rm_profile_mission_appreciations WHERE provider_id = $1
        ORDER BY appreciated_at DESC, mission_id LIMIT $2`,
      [accountId, recent],
    ),
    pool.query(
      `SELECT count(*)::int AS n, round(avg(appreciation), 2) AS average,
              count(*) FILTER (WHERE recommended_at IS NOT NULL)::int AS recommendations
         FROM rm_profile_mission_appreciations WHERE provider_id = $1`,
      [accountId],
    ),
  ]);
  const a = appreciationStats.rows[0];
  return {
    missionCancellations: {
      count: cancelCount.rows[0].n as number,
      recent: cancellations.rows.map((r) => ({
        missionId: r.mission_id as string,
        cancelledBy: r.cancelled_by as string,
        byThisAccount: r.actor_id === accountId,
        from: r.from_status as string,
        late: r.late === true,
        feeCents: int(r.fee_cents),
        cancelledAt: iso(r.cancelled_at)!,
      })),
    },
    missionAppreciations: {
      count: a.n as number,
      average: a.average === null ? null : Number(a.average),
      recommendations: a.recommendations as number,
      recent: appreciations.rows.map((r) => ({
        missionId: r.mission_id as string,
        value: int(r.appreciation),
        label: APPRECIATION_LABELS[int(r.appreciation)] ?? String(r.appreciation),
        comment: r.comment as string | null,
        appreciatedAt: iso(r.appreciated_at)!,
        recommendation: r.recommendation as string | null,
        recommendedAt: iso(r.recommended_at),
      })),
    },
  };
}

/**
 * The Pro badge (docs/plans-pro.md): a Pro subscription of the provider runs now. A Pro profile is
 * also featured (shown first among equals in search and flagged `featured` on its gigs).
 */
export async function proStatus(
  pool: Pool,
  accountId: string,
): Promise<{ known: boolean; pro: boolean }> {
  const { rows } = await pool.query<{ pro: boolean }>(
    'SELECT pro FROM rm_profile_pro WHERE account_id = $1',
    [accountId],
  );
  return { known: rows.length > 0, pro: rows[0]?.pro === true };
}

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
  const missions = await missionRecord(pool, accountId, recent);
  const pro = await proStatus(pool, accountId);
  const { known: knownInTenders, ...tenders } = await profileCertification(pool, accountId);
  if (
    !knownInTenders &&
    party.rows.length === 0 &&
    stats.rows.length === 0 &&
    !pro.known &&
    missions.missionCancellations.count === 0 &&
    missions.missionAppreciations.count === 0
  )
    return null;
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
    pro: pro.pro,
    featured: pro.pro,
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
    ...missions,
    ...tenders,
  };
}
