import type { Address } from '../../domain/identity';
import { ProjectionTable } from '../runner/projection';
import { TableSpec } from '../runner/row-buffer';
import { partiesTable } from '../shared/parties';

export type InvoiceKind = 'invoice' | 'credit_note';
/**
 * A service sold by the seller (issued under the billing mandate), the platform's commission, or
 * one of the platform's own sales (docs/plans-billing.md): a subscription period, an hour pack, a
 * fee (tenders, later). Every subject but `service` is numbered in the platform's series.
 */
export type InvoiceSubject = 'service' | 'commission' | PlatformSaleSubject;
export type PlatformSaleSubject = 'subscription' | 'hour_pack' | 'fee';
export const PLATFORM_SALE_SUBJECTS: readonly PlatformSaleSubject[] = [
  'subscription',
  'hour_pack',
  'fee',
];

export interface InvoiceRow {
  invoice_id: string;
  number: string;
  series: string;
  year: number;
  seq: number;
  kind: InvoiceKind;
  subject: InvoiceSubject;
  /** True when the platform issues it in the seller's name and on the seller's behalf. */
  under_mandate: boolean;
  issuer_account_id: string | null;
  issuer_name: string | null;
  issuer_reference: string | null;
  issuer_address: Address | null;
  recipient_account_id: string;
  recipient_name: string | null;
  recipient_reference: string | null;
  recipient_address: Address | null;
  /** The order or mission invoiced; null for the platform's own sales. */
  order_id: string | null;
  escrow_id: string | null;
  /** The platform's own sale invoiced (a subscription's id, an hour pack's id); null for orders and missions. */
  sale_id: string | null;
  refers_to_invoice_id: string | null;
  refers_to_number: string | null;
  issued_at: string;
  issue_date: string;
  description: string;
  quantity: number;
  unit_price_ht_cents: number;
  total_ht_cents: number;
  vat_rate_bp: number;
  vat_cents: number;
  total_ttc_cents: number;
  source_event_id: string;
  log_prepare: number;
}

export interface SeriesRow {
  /** `<series id>:<year>`, e.g. `platform-invoice:2026` or `seller-invoice:<seller id>:2026`. */
  series_key: string;
  prefix: string;
  year: number;
  last_number: number;
}

export interface InvoiceOrderRow {
  order_id: string;
  rev: number;
  escrow_id: string;
  escrow_rev: number;
  buyer_id: string;
  seller_id: string;
  title: string;
  amount_cents: number;
  commission_rate_bp: number;
  /** Paid in but neither invoiced nor refunded: a refund takes from here before any credit note. */
  uninvoiced_cents: number;
  service_invoiced_cents: number;
  commission_invoiced_cents: number;
  last_service_invoice_id: string | null;
  last_service_number: string | null;
  last_commission_invoice_id: string | null;
  last_commission_number: string | null;
}

export const INVOICES = {
  table: 'invoices',
  conflict: 'invoice_id',
  columns: [
    'invoice_id',
    'number',
    'series',
    'year',
    'seq',
    'kind',
    'subject',
    'under_mandate',
    'issuer_account_id',
    'issuer_name',
    'issuer_reference',
    'issuer_address',
    'recipient_account_id',
    'recipient_name',
    'recipient_reference',
    'recipient_address',
    'order_id',
    'escrow_id',
    'sale_id',
    'refers_to_invoice_id',
    'refers_to_number',
    'issued_at',
    'issue_date',
    'description',
    'quantity',
    'unit_price_ht_cents',
    'total_ht_cents',
    'vat_rate_bp',
    'vat_cents',
    'total_ttc_cents',
    'source_event_id',
    'log_prepare',
  ],
} as const;

export const SERIES: TableSpec<SeriesRow> = {
  table: 'invoice_series',
  key: 'series_key',
  columns: ['series_key', 'prefix', 'year', 'last_number'],
};

export const INVOICE_ORDERS: TableSpec<InvoiceOrderRow> = {
  table: 'invoice_orders',
  key: 'order_id',
  columns: [
    'order_id',
    'rev',
    'escrow_id',
    'escrow_rev',
    'buyer_id',
    'seller_id',
    'title',
    'amount_cents',
    'commission_rate_bp',
    'uninvoiced_cents',
    'service_invoiced_cents',
    'commission_invoiced_cents',
    'last_service_invoice_id',
    'last_service_number',
    'last_commission_invoice_id',
    'last_commission_number',
  ],
};

export interface InvoiceEscrowRow {
  escrow_id: string;
  order_id: string;
}

export const INVOICE_ESCROWS: TableSpec<InvoiceEscrowRow> = {
  table: 'invoice_escrows',
  key: 'escrow_id',
  columns: ['escrow_id', 'order_id'],
};

/** One of the platform's own sales, as far as its invoices need: who buys, what, and what was invoiced and credited. */
export interface InvoiceSaleRow {
  /** The subscription's or the hour pack's id, or a project fee's charge id (`plan_*`: the project and its title). */
  sale_id: string;
  kind: 'subscription' | 'hour_pack' | 'fee';
  /** Revision of the sale's stream last applied. */
  rev: number;
  account_id: string;
  plan_id: string;
  plan_name: string;
  service_type_id: string | null;
  minutes: number | null;
  invoiced_ttc_cents: number;
  invoiced_vat_cents: number;
  refunded_ttc_cents: number;
  refunded_vat_cents: number;
  last_invoice_id: string | null;
  last_invoice_number: string | null;
}

export const INVOICE_SALES: TableSpec<InvoiceSaleRow> = {
  table: 'invoice_sales',
  key: 'sale_id',
  columns: [
    'sale_id',
    'kind',
    'rev',
    'account_id',
    'plan_id',
    'plan_name',
    'service_type_id',
    'minutes',
    'invoiced_ttc_cents',
    'invoiced_vat_cents',
    'refunded_ttc_cents',
    'refunded_vat_cents',
    'last_invoice_id',
    'last_invoice_number',
  ],
};

/** Service type labels, for hour-pack descriptions ("Pack 10 h — Ménage"). */
export interface InvoiceServiceTypeRow {
  service_type_id: string;
  rev: number;
  label: string;
}

export const INVOICE_SERVICE_TYPES: TableSpec<InvoiceServiceTypeRow> = {
  table: 'invoice_service_types',
  key: 'service_type_id',
  columns: ['service_type_id', 'rev', 'label'],
};

export const INVOICES_TABLES: readonly ProjectionTable[] = [
  {
    name: 'invoices',
    view: 'invoices',
    ddl: [
      `CREATE TABLE invoices (
         invoice_id text PRIMARY KEY, number text NOT NULL UNIQUE, series text NOT NULL, year integer NOT NULL,
         seq integer NOT NULL, kind text NOT NULL, subject text NOT NULL, under_mandate boolean NOT NULL,
         issuer_account_id text, issuer_name text, issuer_reference text, issuer_address jsonb,
         recipient_account_id text NOT NULL, recipient_name text, recipient_reference text, recipient_address jsonb,
         order_id text, escrow_id text, sale_id text, refers_to_invoice_id text, refers_to_number text,
         issued_at timestamptz NOT NULL, issue_date date NOT NULL, description text NOT NULL, quantity integer NOT NULL,
         unit_price_ht_cents bigint NOT NULL, total_ht_cents bigint NOT NULL, vat_rate_bp integer NOT NULL,
         vat_cents bigint NOT NULL, total_ttc_cents bigint NOT NULL, source_event_id text NOT NULL, log_prepare bigint NOT NULL,
         UNIQUE (series, year, seq),
         CHECK (total_ttc_cents = total_ht_cents + vat_cents AND total_ht_cents = unit_price_ht_cents * quantity)
       )`,
    ],
    indexes: [
      `CREATE INDEX invoices_issuer ON invoices (issuer_account_id, issued_at DESC)`,
      `CREATE INDEX invoices_recipient ON invoices (recipient_account_id, issued_at DESC)`,
      `CREATE INDEX invoices_order ON invoices (order_id)`,
      `CREATE INDEX invoices_sale ON invoices (sale_id) WHERE sale_id IS NOT NULL`,
    ],
  },
  {
    name: 'invoice_series',
    view: 'invoice_series',
    ddl: [
      `CREATE TABLE invoice_series (series_key text PRIMARY KEY, prefix text NOT NULL, year integer NOT NULL, last_number integer NOT NULL)`,
    ],
  },
  {
    name: 'invoice_orders',
    ddl: [
      `CREATE TABLE invoice_orders (
         order_id text PRIMARY KEY, rev bigint NOT NULL, escrow_id text NOT NULL, escrow_rev bigint NOT NULL,
         buyer_id text NOT NULL, seller_id text NOT NULL, title text NOT NULL, amount_cents bigint NOT NULL,
         commission_rate_bp integer NOT NULL, uninvoiced_cents bigint NOT NULL, service_invoiced_cents bigint NOT NULL,
         commission_invoiced_cents bigint NOT NULL, last_service_invoice_id text, last_service_number text,
         last_commission_invoice_id text, last_commission_number text
       )`,
    ],
  },
  {
    name: 'invoice_escrows',
    ddl: [`CREATE TABLE invoice_escrows (escrow_id text PRIMARY KEY, order_id text NOT NULL)`],
  },
  {
    name: 'invoice_sales',
    ddl: [
      `CREATE TABLE invoice_sales (
         sale_id text PRIMARY KEY, kind text NOT NULL, rev bigint NOT NULL, account_id text NOT NULL,
         plan_id text NOT NULL, plan_name text NOT NULL, service_type_id text, minutes integer,
         invoiced_ttc_cents bigint NOT NULL, invoiced_vat_cents bigint NOT NULL,
         refunded_ttc_cents bigint NOT NULL, refunded_vat_cents bigint NOT NULL,
         last_invoice_id text, last_invoice_number text
       )`,
    ],
  },
  {
    name: 'invoice_service_types',
    ddl: [
      `CREATE TABLE invoice_service_types (service_type_id text PRIMARY KEY, rev bigint NOT NULL, label text NOT NULL)`,
    ],
  },
  partiesTable(),
];
