import { ProjectionTable } from '../runner/projection';
import { TableSpec } from '../runner/row-buffer';
import { partiesTable } from '../shared/parties';

export interface GigRow {
  gig_id: string;
  rev: number;
  seller_id: string;
  kind: string;
  status: string;
  title: string;
  description: string;
  category: string;
  keywords: string[];
  /** Title, keywords, category and description without accents, for the full-text index. */
  search_text: string;
  price_cents: number;
  vat_cents: number;
  delivery_days: number;
  extras: unknown[];
  created_at: string;
  published_at: string | null;
  updated_at: string;
  rating_sum: number;
  rating_count: number;
  completed_orders: number;
}

export interface GigOrderRow {
  order_id: string;
  rev: number;
  gig_id: string;
  reviewed: boolean;
  completed: boolean;
}

export const GIGS: TableSpec<GigRow> = {
  table: 'gigs',
  key: 'gig_id',
  columns: [
    'gig_id',
    'rev',
    'seller_id',
    'kind',
    'status',
    'title',
    'description',
    'category',
    'keywords',
    'search_text',
    'price_cents',
    'vat_cents',
    'delivery_days',
    'extras',
    'created_at',
    'published_at',
    'updated_at',
    'rating_sum',
    'rating_count',
    'completed_orders',
  ],
};

export const GIG_ORDERS: TableSpec<GigOrderRow> = {
  table: 'gig_orders',
  key: 'order_id',
  columns: ['order_id', 'rev', 'gig_id', 'reviewed', 'completed'],
};

export const CATALOG_TABLES: readonly ProjectionTable[] = [
  {
    name: 'gigs',
    view: 'rm_gigs',
    ddl: [
      `CREATE TABLE gigs (
         gig_id text PRIMARY KEY, rev bigint NOT NULL, seller_id text NOT NULL, kind text NOT NULL, status text NOT NULL,
         title text NOT NULL, description text NOT NULL, category text NOT NULL, keywords text[] NOT NULL,
         search_text text NOT NULL, price_cents bigint NOT NULL, vat_cents bigint NOT NULL, delivery_days integer NOT NULL,
         extras jsonb NOT NULL, created_at timestamptz NOT NULL, published_at timestamptz, updated_at timestamptz NOT NULL,
         rating_sum bigint NOT NULL, rating_count integer NOT NULL, completed_orders integer NOT NULL,
         rating_avg numeric GENERATED ALWAYS AS
           (CASE WHEN rating_count > 0 THEN round(rating_sum::numeric / rating_count, 2) END) STORED,
         search tsvector GENERATED ALWAYS AS (to_tsvector('french'::regconfig, search_text)) STORED
       )`,
    ],
    indexes: [
      `CREATE INDEX gigs_search ON gigs USING gin (search) WHERE status = 'published'`,
      `CREATE INDEX gigs_category_price ON gigs (category, price_cents) WHERE status = 'published'`,
      `CREATE INDEX gigs_price ON gigs (price_cents) WHERE status = 'published'`,
      `CREATE INDEX gigs_seller ON gigs (seller_id)`,
    ],
  },
  {
    name: 'gig_orders',
    ddl: [
      `CREATE TABLE gig_orders (
         order_id text PRIMARY KEY, rev bigint NOT NULL, gig_id text NOT NULL,
         reviewed boolean NOT NULL, completed boolean NOT NULL
       )`,
    ],
  },
  partiesTable('rm_catalog_parties'),
];

/** Lower case without diacritics, so `création` and `creation` find each other. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
