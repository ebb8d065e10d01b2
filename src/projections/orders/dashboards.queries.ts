import { Pool } from 'pg';
import {
  CUSTOM_REQUEST_STATUS_LABELS,
  ORDER_STATUS_LABELS,
  ORDER_STATUS_SUB_LABELS,
  type CustomRequestStatus,
  type OrderStatus,
} from '../../domain/orders';
import { int, iso, PartyView, partyView } from '../shared/query-helpers';

export interface DashboardOrder {
  orderId: string;
  title: string;
  kind: string;
  status: string;
  statusLabel: string;
  statusSubLabel: string | null;
  amountCents: number;
  sellerNetCents: number;
  placedAt: string;
  startedAt: string | null;
  deliveryDueAt: string | null;
  /** Past its delivery deadline (marked by the worker, or due and not delivered while the deadline applies). */
  late: boolean;
  deliveredAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  refundedCents: number;
  rating: number | null;
  buyer: PartyView;
  seller: PartyView;
}

export interface StatusCount {
  status: string;
  label: string;
  subLabel: string | null;
  count: number;
}

const label = (status: string) => ORDER_STATUS_LABELS[status as OrderStatus] ?? status;

const ORDER_SELECT = `
  SELECT o.*, coalesce(o.status = 'active' AND (o.late_marked_at IS NOT NULL OR
              (o.deadline_applies AND o.delivery_due_at < $2::timestamptz)), false) AS late,
         b.display_name AS b_name, b.provider_reference AS b_ref, b.erased AS b_erased,
         s.display_name AS s_name, s.provider_reference AS s_ref, s.erased AS s_erased
    FROM rm_orders o
    LEFT JOIN rm_orders_parties b ON b.account_id = o.buyer_id
    LEFT JOIN rm_orders_parties s ON s.account_id = o.seller_id`;

function toOrder(r: Record<string, any>): DashboardOrder {
  return {
    orderId: r.order_id,
    title: r.title,
    kind: r.kind,
    status: r.status,
    statusLabel: label(r.status),
    statusSubLabel: ORDER_STATUS_SUB_LABELS[r.status as OrderStatus] ?? null,
    amountCents: int(r.amount_cents),
    sellerNetCents: int(r.seller_net_cents),
    placedAt: iso(r.placed_at)!,
    startedAt: iso(r.started_at),
    deliveryDueAt: iso(r.delivery_due_at),
    late: r.late === true,
    deliveredAt: iso(r.delivered_at),
    completedAt: iso(r.completed_at),
    cancelledAt: iso(r.cancelled_at),
    refundedCents: int(r.refunded_cents),
    rating: r.rating === null ? null : int(r.rating),
    buyer: partyView(r.buyer_id, r.b_name, r.b_ref, r.b_erased),
    seller: partyView(r.seller_id, r.s_name, r.s_ref, r.s_erased),
  };
}

async function statusCounts(
  pool: Pool,
  column: 'buyer_id' | 'seller_id',
  accountId: string,
): Promise<StatusCount[]> {
  const { rows } = await pool.query(
    `SELECT status, count(*)::int AS n FROM rm_orders WHERE ${column} = $1 GROUP BY status`,
    [accountId],
  );
  const counts = new Map(rows.map((r) => [r.status as string, r.n as number]));
  return (Object.keys(ORDER_STATUS_LABELS) as OrderStatus[]).map((status) => ({
    status,
    label: label(status),
    subLabel: ORDER_STATUS_SUB_LABELS[status],
    count: counts.get(status) ?? 0,
  }));
}

/** "Mes commandes": every order of the buyer by status with the seed's labels, and the requests awaiting an answer. */
export async function buyerDashboard(
  pool: Pool,
  buyerId: string,
  options: { status?: string; limit: number; now: Date },
) {
  const params: unknown[] = [buyerId, options.now, options.limit];
  let where = 'WHERE o.buyer_id = $1';
  if (options.status) {
    params.push(options.status);
    where += ` AND o.status = $${params.length}`;
  }
  const orders = await pool.query(
    `${ORDER_SELECT} ${where} ORDER BY o.placed_at DESC, o.order_id LIMIT $3`,
    params,
  );
  const requests = await pool.query(
    `SELECT * FROM rm_custom_requests WHERE buyer_id = $1 AND status = 'open' ORDER BY submitted_at DESC LIMIT $2`,
    [buyerId, options.limit],
  );
  return {
    buyerId,
    statuses: await statusCounts(pool, 'buyer_id', buyerId),
    orders: orders.rows.map(toOrder),
    openCustomRequests: requests.rows.map((r) => ({
      customRequestId: r.custom_request_id,
      title: r.title,
      category: r.category,
      status: r.status,
      statusLabel: CUSTOM_REQUEST_STATUS_LABELS[r.status as CustomRequestStatus] ?? r.status,
      proposedPriceCents: int(r.proposed_price_cents),
      deadline: r.deadline,
      submittedAt: iso(r.submitted_at),
      invitedSellers: (r.invited_seller_ids as string[]).length,
      offers: Object.entries(
        r.offers as Record<
          string,
          { priceCents: number; deliveryDays: number; atBuyerTerms: boolean }
        >,
      ).map(([sellerId, o]) => ({ sellerId, ...o })),
    })),
  };
}

/** The seller's desk: orders to start, orders due (late ones flagged), and what the work has earned. */
export async function sellerDashboard(
  pool: Pool,
  sellerId: string,
  options: { limit: number; now: Date },
) {
  const toStart = await pool.query(
    `${ORDER_SELECT} WHERE o.seller_id = $1 AND o.status = 'awaiting_start' ORDER BY o.placed_at LIMIT $3`,
    [sellerId, options.now, options.limit],
  );
  const due = await pool.query(
    `${ORDER_SELECT} WHERE o.seller_id = $1 AND o.status IN ('active', 'in_revision', 'delivered', 'contested')
      ORDER BY o.delivery_due_at NULLS LAST, o.placed_at LIMIT $3`,
    [sellerId, options.now, options.limit],
  );
  const earnings = await pool.query(
    `SELECT coalesce(sum(earned_cents) FILTER (WHERE status IN ('completed', 'resolved')), 0) AS earned,
            coalesce(sum(released_cents - earned_cents) FILTER (WHERE status IN ('completed', 'resolved')), 0) AS commission,
            coalesce(sum(seller_net_cents) FILTER (WHERE status NOT IN ('completed', 'resolved', 'cancelled')), 0) AS pending,
            count(*) FILTER (WHERE status = 'completed')::int AS completed
       FROM rm_orders WHERE seller_id = $1`,
    [sellerId],
  );
  const dueOrders = due.rows.map(toOrder);
  const e = earnings.rows[0];
  return {
    sellerId,
    statuses: await statusCounts(pool, 'seller_id', sellerId),
    toStart: toStart.rows.map(toOrder),
    due: dueOrders,
    late: dueOrders.filter((o) => o.late),
    earnings: {
      earnedCents: int(e.earned),
      commissionCents: int(e.commission),
      pendingCents: int(e.pending),
      completedOrders: e.completed,
    },
  };
}
