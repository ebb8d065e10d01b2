import { ProjectionTable } from '../runner/projection';
import { TableSpec } from '../runner/row-buffer';

/** One provider's ledger: whether it is frozen or closed, and the stream revision applied. */
export interface CreditAccountRow {
  account_id: string;
  rev: number;
  status: 'open' | 'closed';
  /** Subscriptions whose payment incident froze the credits. */
  frozen_by: string[];
  frozen_since: string | null;
  updated_at: string;
}

/** Balance and totals of one kind on one account: `balance = granted − spent + refunded − forfeited`. */
export interface CreditBalanceRow {
  /** `<accountId>|<kind>` */
  balance_key: string;
  account_id: string;
  kind: string;
  balance: number;
  granted: number;
  spent: number;
  refunded: number;
  forfeited: number;
  updated_at: string;
}

export type CreditHistoryEntry =
  'grant' | 'bonus' | 'spend' | 'refund' | 'freeze' | 'unfreeze' | 'forfeit';

/** One line of the provider's history: a kind's movement, or a freeze that concerns every kind. */
export interface CreditHistoryRow {
  /** `<eventId>|<kind or ->` */
  entry_id: string;
  account_id: string;
  /** Orders an account's lines: stream revision × 4 + the kind's place (newest first in reads). */
  seq: number;
  entry: CreditHistoryEntry;
  kind: string | null;
  /** Signed: + granted or refunded, − spent or forfeited, 0 for a freeze. */
  amount: number;
  grant_id: string | null;
  spend_id: string | null;
  subscription_id: string | null;
  period: number | null;
  subject_type: string | null;
  subject_id: string | null;
  /** The bonus reason, the refund reason code, `payment_incident` or `account_closed`. */
  reason: string | null;
  note: string | null;
  actor_id: string | null;
  /** The kind's balance after this line; null for lines without a kind. */
  balance_after: number | null;
  /** Every kind's balance after this line. */
  balances: Record<string, number>;
  occurred_at: string;
}

export const CREDIT_ACCOUNTS: TableSpec<CreditAccountRow> = {
  table: 'credit_accounts',
  key: 'account_id',
  columns: ['account_id', 'rev', 'status', 'frozen_by', 'frozen_since', 'updated_at'],
};

export const CREDIT_BALANCES: TableSpec<CreditBalanceRow> = {
  table: 'credit_balances',
  key: 'balance_key',
  columns: [
    'balance_key',
    'account_id',
    'kind',
    'balance',
    'granted',
    'spent',
    'refunded',
    'forfeited',
    'updated_at',
  ],
};

export const CREDIT_HISTORY_COLUMNS = [
  'entry_id',
  'account_id',
  'seq',
  'entry',
  'kind',
  'amount',
  'grant_id',
  'spend_id',
  'subscription_id',
  'period',
  'subject_type',
  'subject_id',
  'reason',
  'note',
  'actor_id',
  'balance_after',
  'balances',
  'occurred_at',
] as const satisfies readonly (keyof CreditHistoryRow)[];

export const CREDIT_LEDGER_TABLES: readonly ProjectionTable[] = [
  {
    name: 'credit_accounts',
    view: 'rm_credit_accounts',
    ddl: [
      `CREATE TABLE credit_accounts (
         account_id text PRIMARY KEY, rev bigint NOT NULL, status text NOT NULL,
         frozen_by jsonb NOT NULL DEFAULT '[]'::jsonb, frozen_since timestamptz, updated_at timestamptz NOT NULL
       )`,
    ],
  },
  {
    name: 'credit_balances',
    view: 'rm_credit_balances',
    ddl: [
      `CREATE TABLE credit_balances (
         balance_key text PRIMARY KEY, account_id text NOT NULL, kind text NOT NULL,
         balance bigint NOT NULL, granted bigint NOT NULL, spent bigint NOT NULL,
         refunded bigint NOT NULL, forfeited bigint NOT NULL, updated_at timestamptz NOT NULL,
         CHECK (balance >= 0 AND balance = granted - spent + refunded - forfeited)
       )`,
    ],
    indexes: [`CREATE INDEX credit_balances_account ON credit_balances (account_id)`],
  },
  {
    name: 'credit_history',
    view: 'rm_credit_history',
    ddl: [
      `CREATE TABLE credit_history (
         entry_id text PRIMARY KEY, account_id text NOT NULL, seq bigint NOT NULL, entry text NOT NULL,
         kind text, amount integer NOT NULL, grant_id text, spend_id text, subscription_id text,
         period integer, subject_type text, subject_id text, reason text, note text, actor_id text,
         balance_after bigint, balances jsonb NOT NULL, occurred_at timestamptz NOT NULL
       )`,
    ],
    indexes: [
      `CREATE INDEX credit_history_account ON credit_history (account_id, seq DESC)`,
      `CREATE INDEX credit_history_spend ON credit_history (spend_id) WHERE spend_id IS NOT NULL`,
    ],
  },
];
