import { ProjectionTable } from '../runner/projection';
import { TableSpec } from '../runner/row-buffer';

export interface JournalEntryRow {
  /** The event's global log position × 4 + leg: unique, and rising with the log, so inserts land at the end of the index. */
  entry_id: number;
  kind: string;
  description: string;
  event_id: string;
  event_type: string;
  stream_name: string;
  log_commit: string;
  log_prepare: number;
  leg: number;
  occurred_at: string;
  /** `YYYY-MM` of `occurred_at` in Paris: the month revenue is reported in (issue 18). */
  paris_month: string;
  escrow_id: string | null;
  payout_id: string | null;
  total_debit_cents: number;
  total_credit_cents: number;
}

export interface JournalLineRow {
  entry_id: number;
  line_no: number;
  account: string;
  party_id: string | null;
  debit_cents: number;
  credit_cents: number;
}

export interface LedgerEscrowRow {
  escrow_id: string;
  rev: number;
  payer_id: string;
  payee_id: string;
}

/** Which of the wallet and payout events already posted a payout's two movements. */
export interface LedgerPayoutRow {
  payout_id: string;
  provider_id: string;
  amount_cents: number;
  reserved: boolean;
  closed_as: string | null;
}

/** A platform sale the ledger must remember: what an hour pack's refunds reverse, pro rata. */
export interface LedgerSaleRow {
  sale_id: string;
  rev: number;
  ttc_cents: number;
  vat_cents: number;
  refunded_ttc_cents: number;
  refunded_vat_cents: number;
}

export const LEDGER_SALES: TableSpec<LedgerSaleRow> = {
  table: 'ledger_sales',
  key: 'sale_id',
  columns: ['sale_id', 'rev', 'ttc_cents', 'vat_cents', 'refunded_ttc_cents', 'refunded_vat_cents'],
};

export const JOURNAL_ENTRIES = {
  table: 'journal_entries',
  conflict: 'entry_id',
  columns: [
    'entry_id',
    'kind',
    'description',
    'event_id',
    'event_type',
    'stream_name',
    'log_commit',
    'log_prepare',
    'leg',
    'occurred_at',
    'paris_month',
    'escrow_id',
    'payout_id',
    'total_debit_cents',
    'total_credit_cents',
  ],
} as const;

export const JOURNAL_LINES = {
  table: 'journal_lines',
  conflict: 'entry_id, line_no',
  columns: ['entry_id', 'line_no', 'account', 'party_id', 'debit_cents', 'credit_cents'],
} as const;

export const LEDGER_ESCROWS: TableSpec<LedgerEscrowRow> = {
  table: 'ledger_escrows',
  key: 'escrow_id',
  columns: ['escrow_id', 'rev', 'payer_id', 'payee_id'],
};

export const LEDGER_PAYOUTS: TableSpec<LedgerPayoutRow> = {
  table: 'ledger_payouts',
  key: 'payout_id',
  columns: ['payout_id', 'provider_id', 'amount_cents', 'reserved', 'closed_as'],
};

export const LEDGER_TABLES: readonly ProjectionTable[] = [
  {
    name: 'journal_entries',
    view: 'journal_entries',
    ddl: [
      `CREATE TABLE journal_entries (
         entry_id bigint PRIMARY KEY, kind text NOT NULL, description text NOT NULL, event_id text NOT NULL,
         event_type text NOT NULL, stream_name text NOT NULL, log_commit text NOT NULL, log_prepare bigint NOT NULL,
         leg smallint NOT NULL, occurred_at timestamptz NOT NULL, paris_month text NOT NULL, escrow_id text, payout_id text,
         total_debit_cents bigint NOT NULL, total_credit_cents bigint NOT NULL,
         CONSTRAINT journal_entry_balanced CHECK (total_debit_cents = total_credit_cents AND total_debit_cents > 0)
       )`,
    ],
    indexes: [
      `CREATE INDEX journal_entries_order ON journal_entries (log_prepare, leg)`,
      `CREATE INDEX journal_entries_escrow ON journal_entries (escrow_id)`,
      `CREATE INDEX journal_entries_month ON journal_entries (paris_month, kind)`,
    ],
  },
  {
    name: 'journal_lines',
    view: 'journal_lines',
    ddl: [
      `CREATE TABLE journal_lines (
         entry_id bigint NOT NULL, line_no smallint NOT NULL, account text NOT NULL, party_id text,
         debit_cents bigint NOT NULL, credit_cents bigint NOT NULL,
         PRIMARY KEY (entry_id, line_no),
         CONSTRAINT journal_line_one_side CHECK (debit_cents >= 0 AND credit_cents >= 0 AND (debit_cents = 0) <> (credit_cents = 0))
       )`,
    ],
    indexes: [`CREATE INDEX journal_lines_account ON journal_lines (account, party_id)`],
  },
  {
    name: 'ledger_escrows',
    ddl: [
      `CREATE TABLE ledger_escrows (escrow_id text PRIMARY KEY, rev bigint NOT NULL, payer_id text NOT NULL, payee_id text NOT NULL)`,
    ],
  },
  {
    name: 'ledger_sales',
    ddl: [
      `CREATE TABLE ledger_sales (
         sale_id text PRIMARY KEY, rev bigint NOT NULL, ttc_cents bigint NOT NULL, vat_cents bigint NOT NULL,
         refunded_ttc_cents bigint NOT NULL, refunded_vat_cents bigint NOT NULL
       )`,
    ],
  },
  {
    name: 'ledger_payouts',
    ddl: [
      `CREATE TABLE ledger_payouts (
         payout_id text PRIMARY KEY, provider_id text NOT NULL, amount_cents bigint NOT NULL,
         reserved boolean NOT NULL, closed_as text
       )`,
    ],
  },
];
