import { Pool } from 'pg';
import { foldForSearch } from './catalog.tables';
import { int, iso, partyView } from '../shared/query-helpers';

export const GIG_SORTS = ['relevance', 'rating', 'price_asc', 'price_desc', 'newest'] as const;
export type GigSort = (typeof GIG_SORTS)[number];

export interface GigSearch {
  q?: string;
  category?: string;
  minPriceCents?: number;
  maxPriceCents?: number;
  sort: GigSort;
  limit: number;
  offset: number;
}

/**
 * What a running Pro subscription adds to a gig's text rank (`ts_rank`) in the `relevance` sort
 * (docs/plans-pro.md): enough to put a Pro seller first among gigs matching about as well (one
 * more occurrence of a word among two or three), not enough to pass a clearly better match (a
 * word matched in two places rather than one adds about 0.015).
 */
export const PRO_SEARCH_RANK_BOOST = 0.01;

/** The seller runs a Pro subscription (the profiles read model). */
const FEATURED = 'coalesce(pp.pro, false)';

const ORDER_BY: Record<GigSort, string> = {
  relevance: 'rank DESC, g.rating_avg DESC NULLS LAST, g.gig_id',
  rating: 'g.rating_avg DESC NULLS LAST, g.rating_count DESC, g.gig_id',
  price_asc: 'g.price_cents ASC, g.gig_id',
  price_desc: 'g.price_cents DESC, g.gig_id',
  newest: 'g.published_at DESC NULLS LAST, g.gig_id',
};

/** `relevance` without words: by rating, a Pro seller first among equal ratings. */
const RELEVANCE_WITHOUT_WORDS = `g.rating_avg DESC NULLS LAST, ${FEATURED} DESC, g.rating_count DESC, g.gig_id`;

/**
 * Published gigs only, filtered by category, words (French stemming, accents ignored) and TTC
 * price. In the `relevance` sort a Pro seller's gigs get the bounded PRO_SEARCH_RANK_BOOST (first
 * among equal ratings without words); the other sorts never look at Pro. `featured` flags a Pro
 * seller's gigs whatever the sort.
 */
export async function searchGigs(pool: Pool, s: GigSearch) {
  const params: unknown[] = [];
  const where = [`g.status = 'published'`];
  const words = s.q?.trim() ? foldForSearch(s.q.trim()) : null;
  let rank = '0';
  if (words) {
    params.push(words);
    where.push(`g.search @@ websearch_to_tsquery('french', $${params.length})`);
    rank = `ts_rank(g.search, websearch_to_tsquery('french', $${params.length}))`;
    if (s.sort === 'relevance')
      rank = `${rank} + CASE WHEN ${FEATURED} THEN ${PRO_SEARCH_RANK_BOOST} ELSE 0 END`;
  }
  if (s.category) {
    params.push(s.category);
    where.push(`g.category = $${params.length}`);
  }
  if (s.minPriceCents !== undefined) {
    params.push(s.minPriceCents);
    where.push(`g.price_cents >= $${params.length}`);
  }
  if (s.maxPriceCents !== undefined) {
    params.push(s.maxPriceCents);
    where.push(`g.price_cents <= $${params.length}`);
  }
  const filter = where.join(' AND ');
  const total = await pool.query(
    `SELECT count(*)::int AS n FROM rm_gigs g WHERE ${filter}`,
    params,
  );
  params.push(s.limit, s.offset);
  const { rows } = await pool.query(
    `SELECT g.*, ${rank} AS rank, p.display_name, p.provider_reference, p.erased,
            ps.cancellation_marks AS seller_cancellation_marks, ${FEATURED} AS featured,
            tc.status = 'certified' AS seller_certified
       FROM rm_gigs g LEFT JOIN rm_catalog_parties p ON p.account_id = g.seller_id
       LEFT JOIN rm_profile_stats ps ON ps.account_id = g.seller_id
       LEFT JOIN rm_profile_pro pp ON pp.account_id = g.seller_id
       LEFT JOIN rm_tender_certifications tc ON tc.provider_id = g.seller_id
      WHERE ${filter} ORDER BY ${s.sort === 'relevance' && !words ? RELEVANCE_WITHOUT_WORDS : ORDER_BY[s.sort]}
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return {
    total: total.rows[0].n as number,
    limit: s.limit,
    offset: s.offset,
    items: rows.map((r) => ({
      gigId: r.gig_id,
      title: r.title,
      kind: r.kind,
      category: r.category,
      keywords: r.keywords,
      priceCents: int(r.price_cents),
      vatCents: int(r.vat_cents),
      deliveryDays: r.delivery_days,
      rating: {
        average: r.rating_avg === null ? null : Number(r.rating_avg),
        count: r.rating_count,
      },
      completedOrders: r.completed_orders,
      publishedAt: iso(r.published_at),
      seller: partyView(r.seller_id, r.display_name, r.provider_reference, r.erased),
      /** The seller's cancellation marks not withdrawn, as the seller's profile counts them. */
      sellerCancellationMarks: r.seller_cancellation_marks ?? 0,
      /** The seller runs a Pro subscription: a featured result (docs/plans-pro.md). */
      featured: r.featured === true,
      /** The seller holds the "Prestataire Certifié" badge (docs/tenders-certification.md). */
      sellerCertified: r.seller_certified === true,
    })),
  };
}
