import { ProjectionTable } from '../runner/projection';
import { TableSpec } from '../runner/row-buffer';

/** Where a subscription stands for finance: renewing, in payment incident, suspended, paused, cancelled. */
export type FinanceSubscriptionStatus =
  'active' | 'incident' | 'suspended' | 'paused' | 'cancelled';

export interface FinanceSubscriptionRow {
  subscription_id: string;
  rev: number;
  account_id: string;
  plan_id: string;
  plan_name: string;
  plan_kind: string;
  billing_period: string;
  status: FinanceSubscriptionStatus;
  /** The paid period running (or last run). */
  period: number;
  price_ttc_cents: number;
  period_ends_at: string;
  /** A scheduled pause ("mettre en suspens") from this period's end: no renewal then. */
  pause_from: string | null;
  resumes_at: string | null;
  cancelled_at: string | null;
  /** When the benefits stop after a cancellation. */
  ends_at: string | null;
  /** The renewal charge refused ("incident de paiement"): the period it would start, attempts so far, what is owed, since when. */
  incident_period: number | null;
  incident_attempts: number;
  incident_amount_cents: number;
  incident_since: string | null;
  next_attempt_at: string | null;
  failure_code: string | null;
  suspended_at: string | null;
  updated_at: string;
}

export type FinanceChargeKind = 'subscription' | 'hour_pack' | 'hour_pack_refund';

/** One charge of a plan or one refund, with its VAT split, in the Paris month it happened. */
export interface FinanceChargeRow {
  /** The event's id: one row per charge or refund. */
  charge_id: string;
  kind: FinanceChargeKind;
  /** `pro` or `credits` for subscriptions; `hour_pack` for packs and their refunds. */
  plan_kind: string;
  plan_id: string;
  sale_id: string;
  account_id: string;
  ttc_cents: number;
  ht_cents: number;
  vat_cents: number;
  charged_at: string;
  paris_month: string;
}

/** A plan's current terms: the price the next renewal is charged at. */
export interface FinancePlanRow {
  plan_id: string;
  rev: number;
  kind: string;
  name: string;
  version: number;
  price_ttc_cents: number;
}

/** What an hour pack's refunds reverse, pro rata. */
export interface FinancePackRow {
  pack_id: string;
  rev: number;
  plan_id: string;
  account_id: string;
  ttc_cents: number;
  vat_cents: number;
  refunded_ttc_cents: number;
}

export const FINANCE_SUBSCRIPTIONS: TableSpec<FinanceSubscriptionRow> = {
  table: 'plan_finance_subscriptions',
  key: 'subscription_id',
  columns: [
    'subscription_id',
    'rev',
    'account_id',
    'plan_id',
    'plan_name',
    'plan_kind',
    'billing_period',
    'status',
    'period',
    'price_ttc_cents',
    'period_ends_at',
    'pause_from',
    'resumes_at',
    'cancelled_at',
    'ends_at',
    'incident_period',
    'incident_attempts',
    'incident_amount_cents',
    'incident_since',
    'next_attempt_at',
    'failure_code',
    'suspended_at',
    'updated_at',
  ],
};

export const FINANCE_CHARGES = {
  table: 'plan_finance_charges',
  conflict: 'charge_id',
  columns: [
    'charge_id',
    'kind',
    'plan_kind',
    'plan_id',
    'sale_id',
    'account_id',
    'ttc_cents',
    'ht_cents',
    'vat_cents',
    'charged_at',
    'paris_month',
  ],
} as const;

export const FINANCE_PLANS: TableSpec<FinancePlanRow> = {
  table: 'plan_finance_plans',
  key: 'plan_id',
  columns: ['plan_id', 'rev', 'kind', 'name', 'version', 'price_ttc_cents'],
};

export const FINANCE_PACKS: TableSpec<FinancePackRow> = {
  table: 'plan_finance_packs',
  key: 'pack_id',
  columns: [
    'pack_id',
    'rev',
    'plan_id',
    'account_id',
    'ttc_cents',
    'vat_cents',
    'refunded_ttc_cents',
  ],
};

export const PLAN_FINANCE_TABLES: readonly ProjectionTable[] = [
  {
    name: 'plan_finance_subscriptions',
    view: 'plan_finance_subscriptions',
    ddl: [
      `CREATE TABLE plan_finance_subscriptions (
         subscription_id text PRIMARY KEY, rev bigint NOT NULL, account_id text NOT NULL, plan_id text NOT NULL,
         plan_name text NOT NULL, plan_kind text NOT NULL, billing_period text NOT NULL, status text NOT NULL,
         period integer NOT NULL, price_ttc_cents bigint NOT NULL, period_ends_at timestamptz NOT NULL,
         pause_from timestamptz, resumes_at timestamptz, cancelled_at timestamptz, ends_at timestamptz,
         incident_period integer, incident_attempts integer NOT NULL, incident_amount_cents bigint NOT NULL,
         incident_since timestamptz, next_attempt_at timestamptz, failure_code text, suspended_at timestamptz,
         updated_at timestamptz NOT NULL
       )`,
    ],
    indexes: [
      `CREATE INDEX plan_finance_renewals ON plan_finance_subscriptions (period_ends_at) WHERE status = 'active' AND cancelled_at IS NULL AND pause_from IS NULL`,
      `CREATE INDEX plan_finance_incidents ON plan_finance_subscriptions (incident_since) WHERE status IN ('incident', 'suspended')`,
    ],
  },
  {
    name: 'plan_finance_charges',
    view: 'plan_finance_charges',
    ddl: [
      `CREATE TABLE plan_finance_charges (
         charge_id text PRIMARY KEY, kind text NOT NULL, plan_kind text NOT NULL, plan_id text NOT NULL,
         sale_id text NOT NULL, account_id text NOT NULL, ttc_cents bigint NOT NULL, ht_cents bigint NOT NULL,
         vat_cents bigint NOT NULL, charged_at timestamptz NOT NULL, paris_month text NOT NULL,
         CHECK (ttc_cents = ht_cents + vat_cents AND ttc_cents > 0)
       )`,
    ],
    indexes: [
      `CREATE INDEX plan_finance_charges_month ON plan_finance_charges (paris_month, kind)`,
    ],
  },
  {
    name: 'plan_finance_plans',
    view: 'plan_finance_plans',
    ddl: [
      `CREATE TABLE plan_finance_plans (
         plan_id text PRIMARY KEY, rev bigint NOT NULL, kind text NOT NULL, name text NOT NULL,
         version integer NOT NULL, price_ttc_cents bigint NOT NULL
       )`,
    ],
  },
  {
    name: 'plan_finance_packs',
    ddl: [
      `CREATE TABLE plan_finance_packs (
         pack_id text PRIMARY KEY, rev bigint NOT NULL, plan_id text NOT NULL, account_id text NOT NULL,
         ttc_cents bigint NOT NULL, vat_cents bigint NOT NULL, refunded_ttc_cents bigint NOT NULL
       )`,
    ],
  },
];
