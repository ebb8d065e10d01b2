import { Injectable, Inject } from '@nestjs/common';
import { Pool } from 'pg';
import { Partner, PartnersReader } from '../../application/solidarity/partners.port';
import { PG_POOL } from '../../infrastructure/database/database.tokens';
import { iso } from '../shared/query-helpers';

export interface PublicAssociation {
  associationId: string;
  name: string;
  purpose: string;
  partnerSince: string;
}

const publicView = (r: Record<string, unknown>): PublicAssociation => ({
  associationId: r.association_id as string,
  name: r.partner_name as string,
  purpose: (r.purpose as string | null) ?? '',
  partnerSince: iso(r.partner_since) as string,
});

/** The current partners, by name: the public list. */
export async function currentPartners(pool: Pool) {
  const { rows } = await pool.query(
    `SELECT * FROM rm_solidarity_associations WHERE partner ORDER BY partner_name, association_id`,
  );
  return { items: rows.map(publicView) };
}

/** One current partner, or null when the association is not a partner (or unknown). */
export async function currentPartner(pool: Pool, associationId: string) {
  const { rows } = await pool.query(
    `SELECT * FROM rm_solidarity_associations WHERE association_id = $1 AND partner`,
    [associationId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    ...publicView(r),
    rnaNumber: r.rna_number as string | null,
    city: ((r.address as { city?: string } | null)?.city ?? null) as string | null,
  };
}

/** The partners at an instant: a period granted at or before it and not ended at or before it. */
export async function partnersAt(pool: Pool, at: string): Promise<Partner[]> {
  const { rows } = await pool.query(
    `SELECT p.association_id, p.name, p.granted_at, a.purpose
     FROM rm_solidarity_partnership_periods p
     LEFT JOIN rm_solidarity_associations a USING (association_id)
     WHERE p.granted_at <= $1 AND (p.ended_at IS NULL OR p.ended_at > $1)
     ORDER BY p.name, p.association_id`,
    [at],
  );
  return rows.map((r) => ({
    associationId: r.association_id as string,
    name: r.name as string,
    purpose: (r.purpose as string | null) ?? '',
    partnerSince: iso(r.granted_at) as string,
  }));
}

export interface StaffAssociationFilter {
  verified?: boolean;
  partner?: boolean;
  limit: number;
  offset: number;
}

/** Staff list: every association known to the read model, with its verification and partnership. */
export async function staffAssociations(pool: Pool, filter: StaffAssociationFilter) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.verified !== undefined) {
    params.push(filter.verified);
    where.push(`verified = $${params.length}`);
  }
  if (filter.partner !== undefined) {
    params.push(filter.partner);
    where.push(`partner = $${params.length}`);
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const { rows: counted } = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM rm_solidarity_associations ${clause}`,
    params,
  );
  params.push(filter.limit, filter.offset);
  const { rows } = await pool.query(
    `SELECT * FROM rm_solidarity_associations ${clause}
     ORDER BY updated_at DESC, association_id LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return {
    total: Number(counted[0]?.n ?? 0),
    items: rows.map((r) => {
      const documents = Object.values(
        (r.documents ?? {}) as Record<string, { kind: string; status: string }>,
      );
      return {
        associationId: r.association_id as string,
        officialName: (r.official_name as string | null) ?? null,
        rnaNumber: (r.rna_number as string | null) ?? null,
        siren: (r.siren as string | null) ?? null,
        purpose: (r.purpose as string | null) ?? null,
        registered: r.registered as boolean,
        verified: r.verified as boolean,
        documentsAwaitingReview: documents.filter((d) => d.status === 'submitted').length,
        partner: r.partner as boolean,
        partnerSince: r.partner ? iso(r.partner_since) : null,
        partnerEndedAt: iso(r.partner_ended_at),
        updatedAt: iso(r.updated_at) as string,
      };
    }),
  };
}

/** The partners query's port, on the read model. */
@Injectable()
export class ReadModelPartnersReader extends PartnersReader {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {
    super();
  }

  partnersAt(at: string): Promise<Partner[]> {
    return partnersAt(this.pool, at);
  }
}
