import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { EVENT_STORE, EventStore } from '../../application/shared/event-store.port';
import { DigestRecipient, TenderDigestReader } from '../../application/tenders/tender-digest.port';
import { isTenderCategory, TENDER_CATEGORIES } from '../../domain/tenders';
import { PG_POOL } from '../../infrastructure/database/database.tokens';
import { occurredAt } from '../runner/projection';
import { int, iso } from '../shared/query-helpers';
import { TenderDigestProjection } from './tender-digest.projection';

const labelOf = (category: string) =>
  isTenderCategory(category) ? TENDER_CATEGORIES[category] : category;

/** A provider's hidden projects, most recently hidden first, with what the list shows of each. */
export async function hiddenProjects(
  pool: Pool,
  providerId: string,
  page: { limit: number; offset: number },
) {
  const [{ rows }, count] = await Promise.all([
    pool.query(
      `SELECT h.project_id, h.hidden_at, p.title, p.category, p.open
         FROM rm_tender_digest_hidden h
         LEFT JOIN rm_tender_digest_projects p USING (project_id)
        WHERE h.provider_id = $1
        ORDER BY h.hidden_at DESC, h.project_id
        LIMIT $2 OFFSET $3`,
      [providerId, page.limit, page.offset],
    ),
    pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM rm_tender_digest_hidden WHERE provider_id = $1`,
      [providerId],
    ),
  ]);
  return {
    total: count.rows[0].n,
    items: rows.map((r) => ({
      projectId: r.project_id as string,
      title: (r.title as string | null) ?? null,
      category: (r.category as string | null) ?? null,
      categoryLabel: r.category ? labelOf(r.category as string) : null,
      open: r.open === true,
      hiddenAt: iso(r.hidden_at) as string,
    })),
  };
}

/**
 * The digest's matches in one query per page of providers: preferences × the window's open
 * projects, minus hidden; each provider's first `maxProjects` sent over, the rest counted.
 */
@Injectable()
export class ReadModelTenderDigestReader extends TenderDigestReader {
  private readonly projection = new TenderDigestProjection();

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    super();
  }

  async recipients(
    window: { from: string; to: string },
    page: { after: string | null; limit: number; maxProjects: number },
  ): Promise<DigestRecipient[]> {
    const { rows } = await this.pool.query(
      `SELECT v.provider_id, count(*)::int AS total,
              (array_agg(json_build_object(
                'projectId', x.project_id, 'title', x.title, 'category', x.category,
                'budgetMinCents', x.budget_min_cents, 'budgetMaxCents', x.budget_max_cents,
                'postedAt', x.posted_at) ORDER BY x.posted_at, x.project_id))[1:$5] AS projects
         FROM rm_tender_digest_providers v
         JOIN rm_tender_digest_projects x
           ON x.open AND x.posted_at > $1 AND x.posted_at <= $2
          AND (cardinality(v.categories) = 0 OR x.category = ANY (v.categories))
          AND (v.min_budget_cents IS NULL OR x.budget_max_cents >= v.min_budget_cents)
          AND (cardinality(v.words) = 0
               OR EXISTS (SELECT 1 FROM unnest(v.words) w WHERE strpos(x.search_text, w) > 0))
        WHERE v.digest AND ($3::text IS NULL OR v.provider_id > $3)
          AND NOT EXISTS (SELECT 1 FROM rm_tender_digest_hidden h
                           WHERE h.provider_id = v.provider_id AND h.project_id = x.project_id)
        GROUP BY v.provider_id
        ORDER BY v.provider_id
        LIMIT $4`,
      [window.from, window.to, page.after, page.limit, page.maxProjects],
    );
    return rows.map((r) => ({
      providerId: r.provider_id as string,
      total: r.total as number,
      projects: (r.projects as Record<string, unknown>[]).map((p) => ({
        projectId: p.projectId as string,
        title: p.title as string,
        category: p.category as string,
        categoryLabel: labelOf(p.category as string),
        budgetMinCents: int(p.budgetMinCents),
        budgetMaxCents: int(p.budgetMaxCents),
        postedAt: iso(p.postedAt) as string,
      })),
    }));
  }

  async behind(before: string): Promise<boolean> {
    const { rows } = await this.pool.query(
      `SELECT commit, prepare FROM projection_checkpoints WHERE name = $1`,
      [this.projection.name],
    );
    const after = rows[0]
      ? { commit: BigInt(rows[0].commit), prepare: BigInt(rows[0].prepare) }
      : undefined;
    const [next] = await this.store.readAll({
      after,
      maxCount: 1,
      filter: { eventTypePrefixes: [...this.projection.handles] },
    });
    return next !== undefined && Date.parse(occurredAt(next)) < Date.parse(before);
  }
}
