import { Pool } from 'pg';
import { iso } from '../shared/query-helpers';

export interface ServiceTypeListItem {
  serviceTypeId: string;
  label: string;
  description: string;
  category: string;
  status: string;
}

const view = (r: Record<string, unknown>): ServiceTypeListItem => ({
  serviceTypeId: r.service_type_id as string,
  label: r.label as string,
  description: r.description as string,
  category: r.category as string,
  status: r.status as string,
});

/** The active types, by category then label (French collation order is left to the front ends). */
export async function activeServiceTypes(pool: Pool, category?: string) {
  const params: unknown[] = [];
  let filter = `status = 'active'`;
  if (category) {
    params.push(category);
    filter += ` AND category = $1`;
  }
  const { rows } = await pool.query(
    `SELECT * FROM rm_service_types WHERE ${filter} ORDER BY category, label, service_type_id`,
    params,
  );
  return { items: rows.map(view) };
}

/** One type, active or retired, with its dates; null when unknown. */
export async function serviceTypeById(pool: Pool, serviceTypeId: string) {
  const { rows } = await pool.query('SELECT * FROM rm_service_types WHERE service_type_id = $1', [
    serviceTypeId,
  ]);
  const r = rows[0];
  if (!r) return null;
  return {
    ...view(r),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    retiredAt: iso(r.retired_at),
  };
}

/** The type whose current label has this slug, other than `exceptId`. */
export async function serviceTypeWithSlug(pool: Pool, slug: string, exceptId: string) {
  const { rows } = await pool.query<{ service_type_id: string }>(
    'SELECT service_type_id FROM rm_service_types WHERE slug = $1 AND service_type_id <> $2 LIMIT 1',
    [slug, exceptId],
  );
  return rows[0]?.service_type_id ?? null;
}
