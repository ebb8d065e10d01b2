import { ProjectionTable } from '../runner/projection';
import { TableSpec } from '../runner/row-buffer';

export interface WalletRow {
  provider_id: string;
  /** Revision of `wallet-<provider>` applied; -1 while only escrows mention the provider. */
  wallet_rev: number;
  credited_cents: number;
  available_cents: number;
  in_transit_cents: number;
  paid_out_cents: number;
  held_in_escrow_cents: number;
  updated_at: string;
}

export interface EscrowRow {
  escrow_id: string;
  rev: number;
  subject_kind: string;
  subject_id: string;
  payer_id: string;
  payee_id: string;
  commission_rate_bp: number;
  funded_cents: number;
  released_cents: number;
  refunded_cents: number;
  held_cents: number;
  commission_cents: number;
  payee_net_cents: number;
  frozen_by: string | null;
  updated_at: string;
}

export interface PayoutRow {
  payout_id: string;
  provider_id: string;
  payout_rev: number;
  amount_cents: number;
  status: string | null;
  wallet_status: string | null;
  account_kind: string | null;
  account_hint: string | null;
  failure_code: string | null;
  updated_at: string;
}

export const WALLETS: TableSpec<WalletRow> = {
  table: 'wallets',
  key: 'provider_id',
  columns: [
    'provider_id',
    'wallet_rev',
    'credited_cents',
    'available_cents',
    'in_transit_cents',
    'paid_out_cents',
    'held_in_escrow_cents',
    'updated_at',
  ],
};

export const ESCROWS: TableSpec<EscrowRow> = {
  table: 'escrows',
  key: 'escrow_id',
  columns: [
    'escrow_id',
    'rev',
    'subject_kind',
    'subject_id',
    'payer_id',
    'payee_id',
    'commission_rate_bp',
    'funded_cents',
    'released_cents',
    'refunded_cents',
    'held_cents',
    'commission_cents',
    'payee_net_cents',
    'frozen_by',
    'updated_at',
  ],
};

export const PAYOUTS: TableSpec<PayoutRow> = {
  table: 'payouts',
  key: 'payout_id',
  columns: [
    'payout_id',
    'provider_id',
    'payout_rev',
    'amount_cents',
    'status',
    'wallet_status',
    'account_kind',
    'account_hint',
    'failure_code',
    'updated_at',
  ],
};

export const WALLETS_TABLES: readonly ProjectionTable[] = [
  {
    name: 'wallets',
    view: 'rm_wallets',
    ddl: [
      `CREATE TABLE wallets (
         provider_id text PRIMARY KEY, wallet_rev bigint NOT NULL, credited_cents bigint NOT NULL,
         available_cents bigint NOT NULL, in_transit_cents bigint NOT NULL, paid_out_cents bigint NOT NULL,
         held_in_escrow_cents bigint NOT NULL, updated_at timestamptz NOT NULL
       )`,
    ],
  },
  {
    name: 'escrows',
    view: 'rm_escrows',
    ddl: [
      `CREATE TABLE escrows (
         escrow_id text PRIMARY KEY, rev bigint NOT NULL, subject_kind text NOT NULL, subject_id text NOT NULL,
         payer_id text NOT NULL, payee_id text NOT NULL, commission_rate_bp integer NOT NULL,
         funded_cents bigint NOT NULL, released_cents bigint NOT NULL, refunded_cents bigint NOT NULL,
         held_cents bigint NOT NULL, commission_cents bigint NOT NULL, payee_net_cents bigint NOT NULL,
         frozen_by text, updated_at timestamptz NOT NULL,
         CHECK (funded_cents = released_cents + refunded_cents + held_cents AND held_cents >= 0)
       )`,
    ],
    indexes: [
      `CREATE INDEX escrows_payee ON escrows (payee_id) WHERE held_cents > 0`,
      `CREATE INDEX escrows_subject ON escrows (subject_id)`,
    ],
  },
  {
    name: 'payouts',
    view: 'rm_payouts',
    ddl: [
      `CREATE TABLE payouts (
         payout_id text PRIMARY KEY, provider_id text NOT NULL, payout_rev bigint NOT NULL, amount_cents bigint NOT NULL,
         status text, wallet_status text, account_kind text, account_hint text, failure_code text,
         updated_at timestamptz NOT NULL
       )`,
    ],
    indexes: [`CREATE INDEX payouts_provider ON payouts (provider_id, updated_at DESC)`],
  },
];
