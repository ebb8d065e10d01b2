import type { CreditsEvent } from '../../domain/plans';
import { CREDIT_KINDS, type CreditKind } from '../../domain/plans';
import type {
  CreditAccountRow,
  CreditBalanceRow,
  CreditHistoryEntry,
  CreditHistoryRow,
} from './credits.tables';

/** The rows of one account a batch works on; changed in place. */
export interface CreditLedgerRows {
  account: CreditAccountRow | undefined;
  balances: Partial<Record<CreditKind, CreditBalanceRow>>;
}

export interface CreditEventIn {
  id: string;
  revision: bigint;
  type: string;
  data: unknown;
  actorId: string | null;
}

export const balanceKey = (accountId: string, kind: string): string => `${accountId}|${kind}`;

const blankBalance = (accountId: string, kind: CreditKind, at: string): CreditBalanceRow => ({
  balance_key: balanceKey(accountId, kind),
  account_id: accountId,
  kind,
  balance: 0,
  granted: 0,
  spent: 0,
  refunded: 0,
  forfeited: 0,
  updated_at: at,
});

/**
 * Applies one credits event to its account's rows (mirroring the decider's evolve) and returns
 * the history lines it adds. A revision already applied adds nothing (a redelivery).
 */
export function applyCreditEvent(
  rows: CreditLedgerRows,
  event: CreditEventIn,
  at: string,
): CreditHistoryRow[] {
  const e = event as unknown as CreditsEvent;
  const accountId = e.data.accountId;
  const rev = Number(event.revision);
  if (rows.account && rows.account.rev >= rev) return [];
  const account: CreditAccountRow = rows.account ?? {
    account_id: accountId,
    rev: -1,
    status: 'open',
    frozen_by: [],
    frozen_since: null,
    updated_at: at,
  };
  account.rev = rev;
  account.updated_at = at;
  rows.account = account;
  const balanceOf = (kind: CreditKind): CreditBalanceRow => {
    const row = rows.balances[kind] ?? blankBalance(accountId, kind, at);
    row.updated_at = at;
    rows.balances[kind] = row;
    return row;
  };
  const lines: CreditHistoryRow[] = [];
  const line = (
    entry: CreditHistoryEntry,
    kind: CreditKind | null,
    amount: number,
    extra: Partial<CreditHistoryRow> = {},
  ) =>
    lines.push({
      entry_id: `${event.id}|${kind ?? '-'}`,
      account_id: accountId,
      seq: rev * 4 + (kind ? CREDIT_KINDS.indexOf(kind) + 1 : 0),
      entry,
      kind,
      amount,
      grant_id: null,
      spend_id: null,
      subscription_id: null,
      period: null,
      subject_type: null,
      subject_id: null,
      reason: null,
      note: null,
      actor_id: event.actorId,
      balance_after: kind ? (rows.balances[kind]?.balance ?? 0) : null,
      balances: {},
      occurred_at: at,
      ...extra,
    });
  switch (e.type) {
    case 'CreditsGranted': {
      const d = e.data;
      for (const kind of CREDIT_KINDS) {
        const n = Number(d.credits?.[kind]) || 0;
        if (n === 0) continue;
        const b = balanceOf(kind);
        b.balance += n;
        b.granted += n;
        line(d.source === 'bonus' ? 'bonus' : 'grant', kind, n, {
          grant_id: d.grantId,
          subscription_id: d.subscriptionId,
          period: d.period,
          reason: d.reason,
          actor_id: d.grantedBy,
        });
      }
      break;
    }
    case 'CreditSpent': {
      const d = e.data;
      const b = balanceOf(d.kind);
      b.balance -= 1;
      b.spent += 1;
      line('spend', d.kind, -1, {
        spend_id: d.spendId,
        subject_type: d.subject.type,
        subject_id: d.subject.id,
      });
      break;
    }
    case 'CreditRefunded': {
      const d = e.data;
      const b = balanceOf(d.kind);
      b.balance += 1;
      b.refunded += 1;
      line('refund', d.kind, 1, {
        spend_id: d.spendId,
        subject_type: d.subject.type,
        subject_id: d.subject.id,
        reason: d.reason,
        note: d.note,
        actor_id: d.refundedBy,
      });
      break;
    }
    case 'CreditsFrozen':
      if (!account.frozen_by.includes(e.data.subscriptionId)) {
        account.frozen_by = [...account.frozen_by, e.data.subscriptionId];
        account.frozen_since ??= e.data.frozenAt;
      }
      line('freeze', null, 0, { subscription_id: e.data.subscriptionId, reason: e.data.reason });
      break;
    case 'CreditsUnfrozen':
      account.frozen_by = account.frozen_by.filter((s) => s !== e.data.subscriptionId);
      if (account.frozen_by.length === 0) account.frozen_since = null;
      line('unfreeze', null, 0, { subscription_id: e.data.subscriptionId });
      break;
    case 'CreditsForfeited': {
      account.status = 'closed';
      account.frozen_by = [];
      account.frozen_since = null;
      let any = false;
      for (const kind of CREDIT_KINDS) {
        const n = Number(e.data.credits?.[kind]) || 0;
        if (n === 0) continue;
        any = true;
        const b = balanceOf(kind);
        b.balance -= n;
        b.forfeited += n;
        line('forfeit', kind, -n, { reason: e.data.reason });
      }
      if (!any) line('forfeit', null, 0, { reason: e.data.reason });
      break;
    }
    default:
      e satisfies never;
  }
  const balances = Object.fromEntries(CREDIT_KINDS.map((k) => [k, rows.balances[k]?.balance ?? 0]));
  for (const l of lines) {
    l.balances = balances;
    if (l.kind) l.balance_after = balances[l.kind];
  }
  return lines;
}
