import { Inject, Injectable, Optional } from '@nestjs/common';
import { Pool } from 'pg';
import type {
  CandidateQuery,
  MissionCandidates,
} from '../../application/missions/mission-candidates.port';
import { Clock } from '../../application/shared/clock';
import { divideHalfEven } from '../../domain/shared/money';
import type { MissionCandidate, MissionPricing } from '../../domain/missions/mission.events';
import { PG_POOL } from '../../infrastructure/database/database.tokens';
import { isSlot, slotRange } from './dispatch.evolve';
import { int4Multirange, parisWeekRanges } from './paris-time';
import { int } from '../shared/query-helpers';

/** The most a ranking bonus (`rank_boost`, km) takes off a provider's distance. */
export const MAX_RANK_BOOST_KM = 5;

/**
 * The km a running Pro subscription adds to a provider's `rank_boost` (MISSION_PRO_RANK_BOOST_KM,
 * docs/plans-pro.md): ahead of providers at a similar distance and price, never of one more than
 * MAX_RANK_BOOST_KM nearer.
 */
export const PRO_RANK_BOOST_KM = Symbol('PRO_RANK_BOOST_KM');
export const DEFAULT_PRO_RANK_BOOST_KM = 2;

interface OfferPriceRow {
  provider_id: string;
  pricing_kind: 'hourly' | 'fixed';
  hourly_rate_cents: string | number | null;
  fixed_price_cents: string | number | null;
}

/** An hourly rate times the duration, half-even to the cent; or the fixed price. */
export function offerPrice(
  row: OfferPriceRow,
  durationMinutes: number,
): {
  pricing: MissionPricing;
  priceCents: number;
} {
  if (row.pricing_kind === 'fixed')
    return { pricing: { kind: 'fixed' }, priceCents: int(row.fixed_price_cents) };
  const hourlyRateCents = int(row.hourly_rate_cents);
  return {
    pricing: { kind: 'hourly', hourlyRateCents },
    priceCents: Number(divideHalfEven(BigInt(hourlyRateCents) * BigInt(durationMinutes), 60n)),
  };
}

/**
 * One query (docs/missions-dispatch.md): offers of the type (not retired) from verified providers
 * whose zone's box holds the place (GiST on `(service_type_id, zone_box)`), within their radius
 * (`earth_distance`), whose weekly Paris hours cover the slot with no `unavailable` exception
 * over it (or an `available` one covering it), with no booking overlapping it (GiST on
 * `(provider_id, period)`); ranked by whole kilometres less the bounded bonus (`rank_boost`, plus
 * $10 km for a running Pro), then price, then exact distance. The difference is not floored at
 * 0 km: a Pro within its bonus of the place still passes an equal provider nearer by less than it.
 */
export const AVAILABLE_SQL = `
  SELECT o.provider_id, o.pricing_kind, o.hourly_rate_cents, o.fixed_price_cents
    FROM rm_dispatch_offers o
   CROSS JOIN LATERAL (SELECT earth_distance(o.earth, ll_to_earth($2, $3)) AS m) d
   WHERE o.service_type_id = $1 AND o.verified AND o.zone_box IS NOT NULL
     AND o.zone_box @> ll_to_earth($2, $3)
     AND EXISTS (SELECT 1 FROM rm_dispatch_service_types s WHERE s.service_type_id = $1 AND NOT s.retired)
     AND (o.verified_until IS NULL OR o.verified_until > $4)
     AND d.m <= o.radius_km * 1000
     AND ((o.week @> $5::int4multirange AND NOT o.unavailable && $6::tstzrange) OR o.extra @> $6::tstzrange)
     AND NOT EXISTS (
           SELECT 1 FROM rm_dispatch_bookings b
            WHERE b.booked AND b.provider_id = o.provider_id AND b.period && $6::tstzrange
              AND b.mission_id IS DISTINCT FROM $7)
   ORDER BY floor(d.m / 1000)
              - least(greatest(o.rank_boost + CASE WHEN o.pro THEN $10::int ELSE 0 END, 0), ${MAX_RANK_BOOST_KM}),
            CASE o.pricing_kind WHEN 'hourly' THEN o.hourly_rate_cents * $8::int / 60.0 ELSE o.fixed_price_cents END,
            d.m, o.provider_id
   LIMIT $9`;

/** The boost of a running Pro as AVAILABLE_SQL binds it: whole km within [0, MAX_RANK_BOOST_KM]. */
export function proBoostKm(km: number): number {
  return Number.isFinite(km) ? Math.min(Math.max(Math.floor(km), 0), MAX_RANK_BOOST_KM) : 0;
}

/** The bound parameters of AVAILABLE_SQL for a query, at `now` (verification lapses). */
export function availableParams(
  query: CandidateQuery,
  now: Date,
  proRankBoostKm = DEFAULT_PRO_RANK_BOOST_KM,
): unknown[] {
  return [
    query.serviceTypeId,
    query.place.lat,
    query.place.lng,
    now.toISOString(),
    int4Multirange(parisWeekRanges(query.startsAt, query.durationMinutes)),
    slotRange(query.startsAt, query.durationMinutes),
    query.ignoreMissionId ?? null,
    query.durationMinutes,
    Math.max(0, Math.floor(query.limit)),
    proBoostKm(proRankBoostKm),
  ];
}

/** MISSION_CANDIDATES, answered from the dispatch read model. */
@Injectable()
export class ReadModelMissionCandidates implements MissionCandidates {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly clock: Clock,
    @Optional()
    @Inject(PRO_RANK_BOOST_KM)
    private readonly proRankBoostKm: number = DEFAULT_PRO_RANK_BOOST_KM,
  ) {}

  async available(query: CandidateQuery): Promise<MissionCandidate[]> {
    // A malformed slot (the callers validate theirs) finds nobody rather than failing.
    if (!(query.limit >= 1) || !isSlot(query.startsAt, query.durationMinutes)) return [];
    // Named: each connection parses and plans it once, which is most of its cost.
    const { rows } = await this.pool.query<OfferPriceRow>({
      name: 'mission_dispatch_available',
      text: AVAILABLE_SQL,
      values: availableParams(query, this.clock.now(), this.proRankBoostKm),
    });
    return rows.map((row, i) => ({
      providerId: row.provider_id,
      rank: i + 1,
      ...offerPrice(row, query.durationMinutes),
    }));
  }

  /** Verified providers only, as for dispatch (only they take paid missions); a type not retired. */
  async direct(providerId: string, query: CandidateQuery): Promise<MissionCandidate | null> {
    if (!isSlot(query.startsAt, query.durationMinutes)) return null;
    const { rows } = await this.pool.query<OfferPriceRow>(
      `SELECT o.provider_id, o.pricing_kind, o.hourly_rate_cents, o.fixed_price_cents
         FROM rm_dispatch_offers o
         JOIN rm_dispatch_service_types s ON s.service_type_id = o.service_type_id AND NOT s.retired
        WHERE o.provider_id = $1 AND o.service_type_id = $2 AND o.verified
          AND (o.verified_until IS NULL OR o.verified_until > $3)`,
      [providerId, query.serviceTypeId, this.clock.now().toISOString()],
    );
    const row = rows[0];
    return row ? { providerId, rank: 1, ...offerPrice(row, query.durationMinutes) } : null;
  }

  async serviceTypeLabel(serviceTypeId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ label: string }>(
      `SELECT label FROM rm_dispatch_service_types WHERE service_type_id = $1 AND NOT retired`,
      [serviceTypeId],
    );
    return rows[0]?.label ?? null;
  }
}
