import { Pool } from 'pg';
import { LEDGER_ACCOUNTS, LEDGER_ACCOUNT_CODES, LedgerAccount } from '../ledger/ledger.accounts';
import { int, iso } from '../shared/query-helpers';
import type { ShareStatus } from './solidarity-pot.tables';

/**
 * The accounts of the pot's revenue (docs/solidarity-pot.md): every revenue account of the
 * ledger (commissions, instant payout fees, subscriptions, hour packs; HT, VAT is a liability),
 * net of its reversals, less the `hour_pack_missions` expense (the providers' money a pack
 * carries, which the platform pays out for the client).
 */
export const POT_REVENUE_ACCOUNTS: readonly LedgerAccount[] = [
  ...LEDGER_ACCOUNT_CODES.filter((code) => LEDGER_ACCOUNTS[code].nature === 'revenue'),
  'hour_pack_missions',
];

export async function potRevenueOfMonth(pool: Pool, month: string) {
  const { rows } = await pool.query(
    `SELECT l.account, sum(l.credit_cents) - sum(l.debit_cents) AS net
       FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.entry_id
      WHERE e.paris_month = $1 AND l.account = ANY($2::text[])
      GROUP BY l.account ORDER BY l.account`,
    [month, POT_REVENUE_ACCOUNTS],
  );
  const lines = rows.map((r) => ({ account: String(r.account), netCents: int(r.net) }));
  return { month, revenueCents: lines.reduce((s, l) => s + l.netCents, 0), lines };
}

export interface ReportShareView {
  associationId: string;
  name: string;
  votes: number;
  amountCents: number;
  status: ShareStatus;
  /** True once the payout to the association's account was sent. */
  paid: boolean;
}

export interface MonthlyReportView {
  month: string;
  revenueCents: number;
  rateBp: number;
  potCents: number;
  carriedInCents: number;
  distributedCents: number;
  carriedOverCents: number;
  rule: string;
  votesCounted: number;
  votesVoid: number;
  closedAt: string;
  associations: ReportShareView[];
}

function reportOf(r: Record<string, unknown>, shares: ReportShareView[]): MonthlyReportView {
  return {
    month: String(r.month),
    revenueCents: int(r.revenue_cents),
    rateBp: int(r.rate_bp),
    potCents: int(r.pot_cents),
    carriedInCents: int(r.carried_in_cents),
    distributedCents: int(r.distributed_cents),
    carriedOverCents: int(r.carried_over_cents),
    rule: String(r.rule),
    votesCounted: int(r.votes_counted),
    votesVoid: int(r.votes_void),
    closedAt: iso(r.closed_at) ?? '',
    associations: shares,
  };
}

async function sharesOf(pool: Pool, months: string[]) {
  const { rows } = await pool.query(
    `SELECT month, association_id, name, votes, amount_cents, status
       FROM rm_solidarity_pot_report_shares WHERE month = ANY($1::text[])
      ORDER BY month, votes DESC, association_id`,
    [months],
  );
  const byMonth = new Map<string, ReportShareView[]>();
  for (const r of rows) {
    const list = byMonth.get(r.month) ?? [];
    list.push({
      associationId: r.association_id,
      name: r.name,
      votes: int(r.votes),
      amountCents: int(r.amount_cents),
      status: r.status as ShareStatus,
      paid: r.status === 'paid',
    });
    byMonth.set(r.month, list);
  }
  return byMonth;
}

/** The published reports, newest month first. */
export async function monthlyReports(pool: Pool, limit: number, offset: number) {
  const { rows } = await pool.query(
    `SELECT *, count(*) OVER () AS total FROM rm_solidarity_pot_reports ORDER BY month DESC LIMIT $1 OFFSET $2`,
    [limit, offset],
  );
  const shares = await sharesOf(
    pool,
    rows.map((r) => r.month),
  );
  return {
    items: rows.map((r) => reportOf(r, shares.get(r.month) ?? [])),
    total: rows.length > 0 ? int(rows[0].total) : 0,
  };
}

export async function monthlyReport(pool: Pool, month: string): Promise<MonthlyReportView | null> {
  const { rows } = await pool.query(`SELECT * FROM rm_solidarity_pot_reports WHERE month = $1`, [
    month,
  ]);
  if (rows.length === 0) return null;
  const shares = await sharesOf(pool, [month]);
  return reportOf(rows[0], shares.get(month) ?? []);
}

export async function voteOf(pool: Pool, month: string, voterId: string) {
  const { rows } = await pool.query(
    `SELECT v.association_id, v.cast_at, p.name
       FROM rm_solidarity_pot_votes v LEFT JOIN rm_solidarity_pot_partners p USING (association_id)
      WHERE v.month = $1 AND v.voter_id = $2`,
    [month, voterId],
  );
  const r = rows[0];
  return r
    ? {
        associationId: String(r.association_id),
        associationName: r.name ?? null,
        castAt: iso(r.cast_at),
      }
    : null;
}

export async function voterQualifiedAt(pool: Pool, accountId: string): Promise<string | null> {
  const { rows } = await pool.query(
    `SELECT qualified_at FROM rm_solidarity_pot_voters WHERE account_id = $1`,
    [accountId],
  );
  return rows[0] ? iso(rows[0].qualified_at) : null;
}

export async function currentPartners(pool: Pool, associationId?: string) {
  const { rows } = await pool.query(
    `SELECT association_id, name FROM rm_solidarity_pot_partners
      WHERE partner AND ($1::text IS NULL OR association_id = $1) ORDER BY association_id`,
    [associationId ?? null],
  );
  return rows.map((r) => ({ associationId: String(r.association_id), name: String(r.name) }));
}

export async function monthsKeptInWallet(pool: Pool, associationId: string): Promise<string[]> {
  const { rows } = await pool.query(
    `SELECT month FROM rm_solidarity_pot_report_shares
      WHERE association_id = $1 AND status = 'in_wallet' AND amount_cents > 0 ORDER BY month`,
    [associationId],
  );
  return rows.map((r) => String(r.month));
}
