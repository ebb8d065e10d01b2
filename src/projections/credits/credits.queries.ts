import { Pool } from 'pg';
import {
  CREDIT_KIND_LABELS,
  CREDIT_KINDS,
  zeroCredits,
  type CreditAllowance,
  type CreditKind,
} from '../../domain/plans';
import {
  CREDITS_CARRY_OVER_NOTICE,
  kindViews,
  type CreditLedgerView,
} from '../../application/plans/credits.query';
import { int, iso } from '../shared/query-helpers';

export const CREDIT_ENTRY_LABELS: Record<string, string> = {
  grant: 'Crédits de la période',
  bonus: 'Crédits offerts',
  spend: 'Crédit utilisé',
  refund: 'Crédit remboursé',
  freeze: 'Crédits gelés (incident de paiement)',
  unfreeze: 'Crédits dégelés',
  forfeit: 'Crédits annulés (clôture du compte)',
};

/** A provider's credits from the `credit_ledger` read model (zeros before anything happened). */
export async function creditLedger(
  pool: Pool,
  accountId: string,
): Promise<CreditLedgerView & { updatedAt: string | null }> {
  const [account, balances] = await Promise.all([
    pool.query('SELECT * FROM rm_credit_accounts WHERE account_id = $1', [accountId]),
    pool.query('SELECT * FROM rm_credit_balances WHERE account_id = $1', [accountId]),
  ]);
  const a = account.rows[0];
  const totals = {
    balance: zeroCredits(),
    granted: zeroCredits(),
    spent: zeroCredits(),
    refunded: zeroCredits(),
    forfeited: zeroCredits(),
  };
  for (const r of balances.rows) {
    const kind = r.kind as CreditKind;
    if (!CREDIT_KINDS.includes(kind)) continue;
    for (const field of ['balance', 'granted', 'spent', 'refunded', 'forfeited'] as const)
      totals[field][kind] = int(r[field]);
  }
  const frozenBy: unknown[] = Array.isArray(a?.frozen_by) ? a.frozen_by : [];
  return {
    accountId,
    balance: totals.balance,
    frozen: a?.status === 'open' && frozenBy.length > 0,
    frozenSince: iso(a?.frozen_since),
    closed: a?.status === 'closed',
    totals: {
      granted: totals.granted,
      spent: totals.spent,
      refunded: totals.refunded,
      forfeited: totals.forfeited,
    },
    kinds: kindViews(totals),
    carryOver: CREDITS_CARRY_OVER_NOTICE,
    updatedAt: iso(a?.updated_at),
  };
}

export interface CreditHistoryItem {
  entryId: string;
  entry: string;
  label: string;
  kind: CreditKind | null;
  kindLabel: string | null;
  amount: number;
  balanceAfter: number | null;
  balances: CreditAllowance;
  source: 'subscription' | 'bonus' | null;
  grantId: string | null;
  spendId: string | null;
  subscriptionId: string | null;
  period: number | null;
  subject: { type: string; id: string } | null;
  reason: string | null;
  note: string | null;
  occurredAt: string;
}

/**
 * Newest first; `kind` keeps that kind's lines and the freezes (which hold every kind); `cursor`
 * is the `nextCursor` of the page before.
 */
export async function creditHistory(
  pool: Pool,
  accountId: string,
  page: { kind?: CreditKind; limit: number; cursor?: string },
): Promise<{ items: CreditHistoryItem[]; nextCursor: string | null }> {
  const params: unknown[] = [accountId, page.limit + 1];
  let where = 'account_id = $1';
  if (page.kind) {
    params.push(page.kind);
    where += ` AND (kind = $${params.length} OR kind IS NULL)`;
  }
  if (page.cursor) {
    params.push(page.cursor);
    where += ` AND seq < $${params.length}::bigint`;
  }
  const { rows } = await pool.query(
    `SELECT * FROM rm_credit_history WHERE ${where} ORDER BY seq DESC LIMIT $2`,
    params,
  );
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  return {
    items: shown.map((r): CreditHistoryItem => {
      const kind = (r.kind as CreditKind | null) ?? null;
      const balances = zeroCredits();
      for (const k of CREDIT_KINDS) balances[k] = int(r.balances?.[k]);
      return {
        entryId: r.entry_id,
        entry: r.entry,
        label: CREDIT_ENTRY_LABELS[r.entry] ?? r.entry,
        kind,
        kindLabel: kind ? (CREDIT_KIND_LABELS[kind] ?? kind) : null,
        amount: int(r.amount),
        balanceAfter: r.balance_after === null ? null : int(r.balance_after),
        balances,
        source: r.entry === 'grant' ? 'subscription' : r.entry === 'bonus' ? 'bonus' : null,
        grantId: r.grant_id,
        spendId: r.spend_id,
        subscriptionId: r.subscription_id,
        period: r.period === null ? null : int(r.period),
        subject: r.subject_type ? { type: r.subject_type, id: r.subject_id } : null,
        reason: r.reason,
        note: r.note,
        occurredAt: iso(r.occurred_at) as string,
      };
    }),
    nextCursor: more ? String(shown[shown.length - 1].seq) : null,
  };
}
