import type { Address } from '../../domain/identity';
import { ProjectionTable } from '../runner/projection';
import { TableSpec } from '../runner/row-buffer';
import { partiesTable } from '../shared/parties';

export type InvoiceKind = 'invoice' | 'credit_note';
/** A service sold by the seller (issued under the billing mandate) or the platform's commission. */
export type InvoiceSubject = 'service' | 'commission';

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
  order_id: string;
  escrow_id: string;
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
         order_id text NOT NULL, escrow_id text NOT NULL, refers_to_invoice_id text, refers_to_number text,
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
  partiesTable(),
];
