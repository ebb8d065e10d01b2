import { Pool } from 'pg';
import {
  PROJECT_STATUS_LABELS,
  TENDER_CATEGORIES,
  type ProjectFees,
  type ProjectStatus,
  type ProjectTerms,
  type PendingRevision,
  type TenderCategory,
} from '../../domain/tenders';
import { int, iso } from '../shared/query-helpers';

export interface OpenProjectsFilter {
  /** The provider asking: their hidden projects are left out, their credits spent shown. */
  providerId?: string;
  category?: string;
  minBudgetCents?: number;
  maxBudgetCents?: number;
  /** Instants, inclusive / exclusive. */
  postedFrom?: string;
  postedBefore?: string;
  /** Words, every one must match (French stemming). */
  q?: string;
  limit: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

export interface CreditsSpentOnProject {
  consultation: boolean;
  offer: boolean;
  directContact: boolean;
}

export interface ProjectBriefView {
  projectId: string;
  title: string;
  description: string;
  category: string;
  categoryLabel: string;
  budgetMinCents: number;
  budgetMaxCents: number;
  wishedDeadline: string;
  attachmentCount: number;
  postedAt: string;
  status: ProjectStatus;
  statusLabel: string;
}

export interface OpenProjectView extends ProjectBriefView {
  /** For a provider: the credits they spent on it; null for anyone else. */
  creditsSpent: CreditsSpentOnProject | null;
}

export interface ClientProjectView extends ProjectBriefView {
  clientId: string;
  attachmentFileIds: string[];
  providerId: string | null;
  offerId: string | null;
  terms: ProjectTerms | null;
  fees: ProjectFees | null;
  pendingRevision: PendingRevision | null;
  selectedAt: string | null;
  signedAt: string | null;
  finishedAt: string | null;
  withdrawnAt: string | null;
}

const COLUMNS = `p.project_id, p.client_id, p.title, p.description, p.category, p.budget_min_cents,
  p.budget_max_cents, p.wished_deadline::text AS wished_day, p.attachment_file_ids, p.posted_at,
  p.status`;

const brief = (r: Record<string, unknown>): ProjectBriefView => ({
  projectId: r.project_id as string,
  title: r.title as string,
  description: r.description as string,
  category: r.category as string,
  categoryLabel: TENDER_CATEGORIES[r.category as TenderCategory] ?? (r.category as string),
  budgetMinCents: int(r.budget_min_cents),
  budgetMaxCents: int(r.budget_max_cents),
  wishedDeadline: r.wished_day as string,
  attachmentCount: (r.attachment_file_ids as string[]).length,
  postedAt: iso(r.posted_at) as string,
  status: r.status as ProjectStatus,
  statusLabel: PROJECT_STATUS_LABELS[r.status as ProjectStatus] ?? (r.status as string),
});

const encodeCursor = (postedAt: string, projectId: string) =>
  Buffer.from(JSON.stringify([postedAt, projectId])).toString('base64url');

/** Exactly what `encodeCursor` writes: anything else would reach Postgres as a bad timestamp. */
const isIsoInstant = (value: string) => {
  const at = new Date(value);
  return !Number.isNaN(at.getTime()) && at.toISOString() === value;
};

export function decodeCursor(cursor: string): [string, string] | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      isIsoInstant(value[0]) &&
      typeof value[1] === 'string'
    )
      return [value[0], value[1]];
  } catch {
    // not one of ours
  }
  return null;
}

/**
 * "Projets disponibles": open projects, newest first, keyset-paginated. The budget filter keeps
 * projects whose range overlaps [min, max]; `q` is a French full-text search over title and
 * description (every word must match, stemmed). For a provider, their hidden projects are left
 * out and each row says which credits they spent on it.
 */
export async function openProjects(
  pool: Pool,
  filter: OpenProjectsFilter,
): Promise<{ items: OpenProjectView[]; nextCursor: string | null }> {
  const params: unknown[] = [];
  const where = [`p.status = 'open'`];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.category) where.push(`p.category = ${param(filter.category)}`);
  if (filter.minBudgetCents !== undefined)
    where.push(`p.budget_max_cents >= ${param(filter.minBudgetCents)}`);
  if (filter.maxBudgetCents !== undefined)
    where.push(`p.budget_min_cents <= ${param(filter.maxBudgetCents)}`);
  if (filter.postedFrom) where.push(`p.posted_at >= ${param(filter.postedFrom)}`);
  if (filter.postedBefore) where.push(`p.posted_at < ${param(filter.postedBefore)}`);
  if (filter.q && filter.q.trim() !== '') {
    // With a category, the words and the category lexeme are one GIN lookup (tables.ts).
    const words = `plainto_tsquery('french'::regconfig, ${param(filter.q)})`;
    where.push(
      filter.category
        ? `p.search @@ (${words} && quote_literal('c_' || ${param(filter.category)}::text)::tsquery)`
        : `p.search @@ ${words}`,
    );
  }
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : null;
  if (cursor)
    where.push(
      `(p.posted_at, p.project_id) < (${param(cursor[0])}::timestamptz, ${param(cursor[1])})`,
    );
  let join = '';
  let marks = `NULL::boolean AS consulted, NULL::boolean AS offered, NULL::boolean AS contacted`;
  if (filter.providerId) {
    join = `LEFT JOIN rm_tender_provider_marks m
      ON m.provider_id = ${param(filter.providerId)} AND m.project_id = p.project_id`;
    where.push(`m.hidden IS NOT TRUE`);
    marks = `COALESCE(m.consulted, false) AS consulted, COALESCE(m.offered, false) AS offered,
      COALESCE(m.contacted, false) AS contacted`;
  }
  const limit = param(filter.limit + 1);
  const { rows } = await pool.query(
    `SELECT ${COLUMNS}, ${marks} FROM rm_tender_projects p ${join}
     WHERE ${where.join(' AND ')}
     ORDER BY p.posted_at DESC, p.project_id DESC LIMIT ${limit}`,
    params,
  );
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      ...brief(r),
      creditsSpent: filter.providerId
        ? {
            consultation: r.consulted === true,
            offer: r.offered === true,
            directContact: r.contacted === true,
          }
        : null,
    })),
    nextCursor:
      rows.length > filter.limit && last
        ? encodeCursor(iso(last.posted_at) as string, last.project_id as string)
        : null,
  };
}

/** One project's row, any status (the controller decides who may see what). */
export async function projectById(
  pool: Pool,
  projectId: string,
): Promise<ClientProjectView | null> {
  const { rows } = await pool.query(
    `SELECT ${COLUMNS}, p.provider_id, p.offer_id, p.terms, p.fees, p.pending_revision,
       p.selected_at, p.signed_at, p.finished_at, p.withdrawn_at
     FROM rm_tender_projects p WHERE p.project_id = $1`,
    [projectId],
  );
  return rows[0] ? clientView(rows[0]) : null;
}

/** The credits a provider spent on a project (all false when none). */
export async function creditsSpentOn(
  pool: Pool,
  providerId: string,
  projectId: string,
): Promise<CreditsSpentOnProject & { hidden: boolean }> {
  const { rows } = await pool.query(
    `SELECT consulted, offered, contacted, hidden FROM rm_tender_provider_marks
     WHERE provider_id = $1 AND project_id = $2`,
    [providerId, projectId],
  );
  const r = rows[0];
  return {
    consultation: r?.consulted === true,
    offer: r?.offered === true,
    directContact: r?.contacted === true,
    hidden: r?.hidden === true,
  };
}

/** The client's own projects, newest first, every status. */
export async function clientProjects(
  pool: Pool,
  clientId: string,
  limit: number,
): Promise<{ items: ClientProjectView[] }> {
  const { rows } = await pool.query(
    `SELECT ${COLUMNS}, p.provider_id, p.offer_id, p.terms, p.fees, p.pending_revision,
       p.selected_at, p.signed_at, p.finished_at, p.withdrawn_at
     FROM rm_tender_projects p WHERE p.client_id = $1
     ORDER BY p.posted_at DESC, p.project_id DESC LIMIT $2`,
    [clientId, limit],
  );
  return { items: rows.map(clientView) };
}

function clientView(r: Record<string, unknown>): ClientProjectView {
  return {
    ...brief(r),
    clientId: r.client_id as string,
    attachmentFileIds: r.attachment_file_ids as string[],
    providerId: (r.provider_id as string | null) ?? null,
    offerId: (r.offer_id as string | null) ?? null,
    terms: (r.terms as ProjectTerms | null) ?? null,
    fees: (r.fees as ProjectFees | null) ?? null,
    pendingRevision: (r.pending_revision as PendingRevision | null) ?? null,
    selectedAt: iso(r.selected_at),
    signedAt: iso(r.signed_at),
    finishedAt: iso(r.finished_at),
    withdrawnAt: iso(r.withdrawn_at),
  };
}
