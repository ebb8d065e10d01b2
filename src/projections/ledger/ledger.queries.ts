import { Pool } from 'pg';
import { int, iso } from '../shared/query-helpers';
import { LEDGER_ACCOUNT_CODES, LEDGER_ACCOUNTS, LedgerAccount } from './ledger.accounts';

/**
 * Sums per account and their total. Every entry balances, so the total balance is zero;
 * `unbalancedEntries` re-checks that from the lines themselves rather than trusting the entries.
 */
export async function trialBalance(pool: Pool, asOf?: Date) {
  const params: unknown[] = [];
  let join = '';
  if (asOf) {
    params.push(asOf);
    join = 'JOIN journal_entries e ON e.entry_id = l.entry_id AND e.occurred_at <= $1';
  }
  const sums = await pool.query(
    `SELECT l.account, sum(l.debit_cents) AS d, sum(l.credit_cents) AS c FROM journal_lines l ${join} GROUP BY l.account`,
    params,
  );
  const checks = await pool.query(
    `SELECT (SELECT count(*) FROM journal_entries)::bigint AS entries,
            (SELECT count(*) FROM (SELECT entry_id FROM journal_lines GROUP BY entry_id
                                    HAVING sum(debit_cents) <> sum(credit_cents)) x)::bigint AS unbalanced`,
  );
  const byAccount = new Map(sums.rows.map((r) => [r.account as string, r]));
  const accounts = LEDGER_ACCOUNT_CODES.map((code: LedgerAccount) => {
    const r = byAccount.get(code);
    const debitCents = int(r?.d);
    const creditCents = int(r?.c);
    return {
      account: code,
      label: LEDGER_ACCOUNTS[code].label,
      nature: LEDGER_ACCOUNTS[code].nature,
      debitCents,
      creditCents,
      balanceCents: debitCents - creditCents,
    };
  });
  const debitCents = accounts.reduce((s, a) => s + a.debitCents, 0);
  const creditCents = accounts.reduce((s, a) => s + a.creditCents, 0);
  return {
    asOf: asOf ? asOf.toISOString() : null,
    accounts,
    totals: { debitCents, creditCents, balanceCents: debitCents - creditCents },
    balanced: debitCents === creditCents && int(checks.rows[0].unbalanced) === 0,
    entries: int(checks.rows[0].entries),
    unbalancedEntries: int(checks.rows[0].unbalanced),
  };
}

/** The newest journal entries with their lines, for audit. */
export async function journal(
  pool: Pool,
  options: { limit: number; escrowId?: string; payoutId?: string },
) {
  const params: unknown[] = [options.limit];
  const where: string[] = [];
  if (options.escrowId) {
    params.push(options.escrowId);
    where.push(`escrow_id = $${params.length}`);
  }
  if (options.payoutId) {
    params.push(options.payoutId);
    where.push(`payout_id = $${params.length}`);
  }
  const entries = await pool.query(
    `SELECT * FROM journal_entries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY log_prepare DESC, leg DESC LIMIT $1`,
    params,
  );
  const ids = entries.rows.map((e) => e.entry_id);
  const lines = await pool.query(
    'SELECT * FROM journal_lines WHERE entry_id = ANY($1::bigint[]) ORDER BY entry_id, line_no',
    [ids],
  );
  const byEntry = new Map<string, unknown[]>();
  for (const l of lines.rows) {
    const list = byEntry.get(l.entry_id) ?? [];
    list.push({
      account: l.account,
      partyId: l.party_id,
      debitCents: int(l.debit_cents),
      creditCents: int(l.credit_cents),
    });
    byEntry.set(l.entry_id, list);
  }
  return {
    entries: entries.rows.map((e) => ({
      entryId: String(e.entry_id),
      kind: e.kind,
      description: e.description,
      eventId: e.event_id,
      eventType: e.event_type,
      occurredAt: iso(e.occurred_at),
      escrowId: e.escrow_id,
      payoutId: e.payout_id,
      totalCents: int(e.total_debit_cents),
      lines: byEntry.get(e.entry_id) ?? [],
    })),
  };
}

/** The platform's revenue accounts (and the VAT it collects), month by month. */
export const REVENUE_ACCOUNTS: readonly LedgerAccount[] = LEDGER_ACCOUNT_CODES.filter(
  (code) => LEDGER_ACCOUNTS[code].nature === 'revenue' || code === 'vat_collected',
);

/**
 * Per Paris month (`YYYY-MM`, inclusive bounds) and revenue account: credits, debits and the net
 * (credits − debits, what was earned). Revenue is recognised when charged (docs/plans-billing.md),
 * so a subscription period or an hour pack counts in the month it was charged; a pack refund
 * reduces the month it was refunded in.
 */
export async function revenueByMonth(pool: Pool, from: string, to: string) {
  const { rows } = await pool.query(
    `SELECT e.paris_month AS month, l.account, sum(l.debit_cents) AS d, sum(l.credit_cents) AS c
       FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.entry_id
      WHERE e.paris_month BETWEEN $1 AND $2 AND l.account = ANY($3::text[])
      GROUP BY e.paris_month, l.account ORDER BY e.paris_month, l.account`,
    [from, to, REVENUE_ACCOUNTS],
  );
  return rows.map((r) => ({
    month: r.month as string,
    account: r.account as LedgerAccount,
    debitCents: int(r.d),
    creditCents: int(r.c),
    netCents: int(r.c) - int(r.d),
  }));
}
