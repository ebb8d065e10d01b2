import { ProjectionTable } from '../runner/projection';
import { TableSpec } from '../runner/row-buffer';
import { partiesTable } from '../shared/parties';

export interface OrderRow {
  order_id: string;
  rev: number;
  buyer_id: string;
  seller_id: string;
  escrow_id: string;
  kind: 'catalog' | 'custom';
  gig_id: string | null;
  custom_request_id: string | null;
  title: string;
  amount_cents: number;
  commission_cents: number;
  seller_net_cents: number;
  total_delivery_days: number;
  status: string;
  placed_at: string;
  started_at: string | null;
  delivery_due_at: string | null;
  deadline_applies: boolean;
  late_marked_at: string | null;
  delivered_at: string | null;
  deliveries: number;
  revision_requests: number;
  completed_at: string | null;
  auto_completed: boolean;
  cancellation_requested_by: string | null;
  cancelled_at: string | null;
  cancellation_reason: string | null;
  refunded_cents: number;
  released_cents: number;
  earned_cents: number;
  dispute_id: string | null;
  resolved_at: string | null;
  rating: number | null;
  updated_at: string;
}

export interface CustomRequestRow {
  custom_request_id: string;
  rev: number;
  buyer_id: string;
  title: string;
  category: string;
  proposed_price_cents: number;
  deadline: unknown;
  status: string;
  submitted_at: string;
  invited_seller_ids: string[];
  /** sellerId -> { priceCents, deliveryDays, atBuyerTerms, offeredAt } */
  offers: Record<
    string,
    { priceCents: number; deliveryDays: number; atBuyerTerms: boolean; offeredAt: string }
  >;
  order_id: string | null;
  updated_at: string;
}

export const ORDERS: TableSpec<OrderRow> = {
  table: 'orders',
  key: 'order_id',
  columns: [
    'order_id',
    'rev',
    'buyer_id',
    'seller_id',
    'escrow_id',
    'kind',
    'gig_id',
    'custom_request_id',
    'title',
    'amount_cents',
    'commission_cents',
    'seller_net_cents',
    'total_delivery_days',
    'status',
    'placed_at',
    'started_at',
    'delivery_due_at',
    'deadline_applies',
    'late_marked_at',
    'delivered_at',
    'deliveries',
    'revision_requests',
    'completed_at',
    'auto_completed',
    'cancellation_requested_by',
    'cancelled_at',
    'cancellation_reason',
    'refunded_cents',
    'released_cents',
    'earned_cents',
    'dispute_id',
    'resolved_at',
    'rating',
    'updated_at',
  ],
};

export const CUSTOM_REQUESTS: TableSpec<CustomRequestRow> = {
  table: 'custom_requests',
  key: 'custom_request_id',
  columns: [
    'custom_request_id',
    'rev',
    'buyer_id',
    'title',
    'category',
    'proposed_price_cents',
    'deadline',
    'status',
    'submitted_at',
    'invited_seller_ids',
    'offers',
    'order_id',
    'updated_at',
  ],
};

export const ORDERS_TABLES: readonly ProjectionTable[] = [
  {
    name: 'orders',
    view: 'rm_orders',
    ddl: [
      `CREATE TABLE orders (
         order_id text PRIMARY KEY, rev bigint NOT NULL,
         buyer_id text NOT NULL, seller_id text NOT NULL, escrow_id text NOT NULL,
         kind text NOT NULL, gig_id text, custom_request_id text, title text NOT NULL,
         amount_cents bigint NOT NULL, commission_cents bigint NOT NULL, seller_net_cents bigint NOT NULL,
         total_delivery_days integer NOT NULL, status text NOT NULL,
         placed_at timestamptz NOT NULL, started_at timestamptz, delivery_due_at timestamptz,
         deadline_applies boolean NOT NULL, late_marked_at timestamptz, delivered_at timestamptz,
         deliveries integer NOT NULL, revision_requests integer NOT NULL,
         completed_at timestamptz, auto_completed boolean NOT NULL,
         cancellation_requested_by text, cancelled_at timestamptz, cancellation_reason text,
         refunded_cents bigint NOT NULL, released_cents bigint NOT NULL, earned_cents bigint NOT NULL,
         dispute_id text, resolved_at timestamptz, rating integer, updated_at timestamptz NOT NULL
       )`,
    ],
    indexes: [
      `CREATE INDEX orders_buyer ON orders (buyer_id, placed_at DESC)`,
      `CREATE INDEX orders_seller ON orders (seller_id, status, delivery_due_at)`,
    ],
  },
  {
    name: 'custom_requests',
    view: 'rm_custom_requests',
    ddl: [
      `CREATE TABLE custom_requests (
         custom_request_id text PRIMARY KEY, rev bigint NOT NULL, buyer_id text NOT NULL,
         title text NOT NULL, category text NOT NULL, proposed_price_cents bigint NOT NULL,
         deadline jsonb NOT NULL, status text NOT NULL, submitted_at timestamptz NOT NULL,
         invited_seller_ids text[] NOT NULL, offers jsonb NOT NULL, order_id text, updated_at timestamptz NOT NULL
       )`,
    ],
    indexes: [
      `CREATE INDEX custom_requests_buyer ON custom_requests (buyer_id, submitted_at DESC)`,
    ],
  },
  partiesTable('rm_orders_parties'),
];
