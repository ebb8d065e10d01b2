import { Pool } from 'pg';
import { iso } from '../shared/query-helpers';
import type { PlanVersionEntry } from './plans.tables';

export interface PlanListItem {
  planId: string;
  kind: string;
  name: string;
  description: string;
  version: number;
  priceTtcCents: number;
  period: string | null;
  benefits: string[];
  credits: { consultation: number; offer: number; direct_contact: number };
  hourPack: { serviceTypeId: string; minutes: number; validityMonths: number } | null;
  status: string;
}

export interface PlanDetail extends PlanListItem {
  versions: PlanVersionEntry[];
  definedAt: string;
  updatedAt: string;
  retiredAt: string | null;
}

const KIND_ORDER = `CASE kind WHEN 'pro' THEN 0 WHEN 'credits' THEN 1 ELSE 2 END`;

const item = (r: Record<string, unknown>): PlanListItem => {
  const credits = (r.credits ?? {}) as Record<string, number>;
  return {
    planId: r.plan_id as string,
    kind: r.kind as string,
    name: r.name as string,
    description: r.description as string,
    version: Number(r.version),
    priceTtcCents: Number(r.price_ttc_cents),
    period: (r.period as string | null) ?? null,
    benefits: (r.benefits as string[]) ?? [],
    credits: {
      consultation: credits.consultation ?? 0,
      offer: credits.offer ?? 0,
      direct_contact: credits.direct_contact ?? 0,
    },
    hourPack: (r.hour_pack as PlanListItem['hourPack']) ?? null,
    status: r.status as string,
  };
};

/** The plans on sale: Pro first, then credit subscriptions, then hour packs, each by price. */
export async function activePlans(pool: Pool, kind?: string): Promise<PlanListItem[]> {
  const params: unknown[] = [];
  let filter = `status = 'active'`;
  if (kind) {
    params.push(kind);
    filter += ` AND kind = $1`;
  }
  const { rows } = await pool.query(
    `SELECT * FROM rm_plans WHERE ${filter} ORDER BY ${KIND_ORDER}, price_ttc_cents, name, plan_id`,
    params,
  );
  return rows.map(item);
}

/** One plan, active or retired, with the history of its versions; null when unknown. */
export async function planById(pool: Pool, planId: string): Promise<PlanDetail | null> {
  const { rows } = await pool.query('SELECT * FROM rm_plans WHERE plan_id = $1', [planId]);
  const r = rows[0];
  if (!r) return null;
  return {
    ...item(r),
    versions: ((r.versions as PlanVersionEntry[]) ?? []).map((v) => ({
      version: v.version,
      priceTtcCents: v.priceTtcCents,
      period: v.period ?? null,
      effectiveFrom: iso(v.effectiveFrom) ?? v.effectiveFrom,
    })),
    definedAt: iso(r.defined_at) as string,
    updatedAt: iso(r.updated_at) as string,
    retiredAt: iso(r.retired_at),
  };
}
