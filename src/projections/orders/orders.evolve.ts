import { orderStatusAfter } from '../../domain/orders';
import type { CustomRequestEvent, OrderEvent, OrderStatus } from '../../domain/orders';
import { CustomRequestRow, OrderRow } from './orders.tables';

/**
 * Applies one order event to its row, in place (the batch owns its rows, and copying wide rows per
 * event dominated rebuild time); mirrors the order's own evolve, including its ignored cases.
 */
export function evolveOrderRow(
  row: OrderRow | undefined,
  event: OrderEvent,
  rev: number,
  at: string,
): OrderRow | undefined {
  if (event.type === 'OrderPlaced') {
    if (row) {
      row.rev = rev;
      return row;
    }
    const d = event.data;
    const catalog = d.source.kind === 'catalog' ? d.source : null;
    const custom = d.source.kind === 'custom' ? d.source : null;
    return {
      order_id: d.orderId,
      rev,
      buyer_id: d.buyerId,
      seller_id: d.sellerId,
      escrow_id: d.escrowId,
      kind: d.source.kind,
      gig_id: catalog?.gigId ?? null,
      custom_request_id: custom?.customRequestId ?? null,
      title: catalog ? catalog.gigTitle : (custom?.title ?? ''),
      amount_cents: d.amountCents,
      commission_cents: d.commissionCents,
      seller_net_cents: d.sellerNetCents,
      total_delivery_days: d.totalDeliveryDays,
      status: 'awaiting_start',
      placed_at: d.placedAt,
      started_at: null,
      delivery_due_at: null,
      deadline_applies: true,
      late_marked_at: null,
      delivered_at: null,
      deliveries: 0,
      revision_requests: 0,
      completed_at: null,
      auto_completed: false,
      cancellation_requested_by: null,
      cancelled_at: null,
      cancellation_reason: null,
      refunded_cents: 0,
      released_cents: 0,
      earned_cents: 0,
      dispute_id: null,
      resolved_at: null,
      rating: null,
      updated_at: at,
    };
  }
  if (!row) return undefined;
  const next = row;
  next.rev = rev;
  next.updated_at = at;
  // The domain's status rules decide whether the event applies and where it leads.
  const status = orderStatusAfter(row.status as OrderStatus, event);
  if (status === null) return next;
  next.status = status;
  switch (event.type) {
    case 'OrderStarted':
      next.started_at = event.data.startedAt;
      next.delivery_due_at = event.data.deliveryDueAt;
      return next;
    case 'OrderDeliveryLate':
      next.late_marked_at = event.data.markedAt;
      return next;
    case 'OrderDelivered':
      next.delivered_at = event.data.deliveredAt;
      next.deliveries = row.deliveries + 1;
      return next;
    case 'OrderRevisionRequested':
      next.deadline_applies = false;
      next.revision_requests = row.revision_requests + 1;
      return next;
    case 'OrderCompleted':
      next.completed_at = event.data.completedAt;
      next.auto_completed = event.data.auto;
      next.released_cents = event.data.amountCents;
      next.earned_cents = event.data.sellerNetCents;
      next.cancellation_requested_by = null;
      return next;
    case 'OrderReviewed':
      next.rating = event.data.rating;
      return next;
    case 'OrderCancellationRequested':
      next.cancellation_requested_by = event.data.requestedBy;
      return next;
    case 'OrderCancellationDeclined':
      next.cancellation_requested_by = null;
      return next;
    case 'OrderCancelled':
      next.cancelled_at = event.data.cancelledAt;
      next.cancellation_reason = event.data.reason;
      next.refunded_cents = event.data.refundCents;
      next.cancellation_requested_by = null;
      return next;
    case 'OrderContested':
      next.dispute_id = event.data.disputeId;
      next.cancellation_requested_by = null;
      return next;
    case 'OrderResolved':
      next.resolved_at = event.data.resolvedAt;
      next.refunded_cents = event.data.refundedCents;
      next.released_cents = event.data.releasedCents;
      next.earned_cents = event.data.sellerNetCents;
      return next;
    case 'OrderContestWithdrawn': // the status alone changes
    case 'OrderCancellationMarkAmended': // shown on profiles, not on the order's row
    case 'OrderMessagePosted':
    case 'OrderPlacementAbandoned': // only on a stream without an order: no row to change
    case 'OrderAwaitingFunds': // before the order exists
    case 'OrderFundsExpired':
      return next;
    default:
      // Exhaustive at compile time; an unknown stored type leaves the row as it is.
      event satisfies never;
      return next;
  }
}

export function evolveCustomRequestRow(
  row: CustomRequestRow | undefined,
  event: CustomRequestEvent,
  rev: number,
  at: string,
): CustomRequestRow | undefined {
  if (event.type === 'CustomRequestSubmitted') {
    if (row) {
      row.rev = rev;
      return row;
    }
    const d = event.data;
    return {
      custom_request_id: d.customRequestId,
      rev,
      buyer_id: d.buyerId,
      title: d.title,
      category: d.category,
      proposed_price_cents: d.proposedPriceCents,
      deadline: d.deadline,
      status: 'open',
      submitted_at: d.submittedAt,
      invited_seller_ids: [],
      offers: {},
      order_id: null,
      updated_at: at,
    };
  }
  if (!row) return undefined;
  const next = row;
  next.rev = rev;
  next.updated_at = at;
  switch (event.type) {
    case 'CustomRequestSellerInvited':
      if (!row.invited_seller_ids.includes(event.data.sellerId))
        next.invited_seller_ids = [...row.invited_seller_ids, event.data.sellerId];
      return next;
    case 'CustomRequestAcceptedBySeller':
    case 'CustomRequestCounterOffered': {
      const { sellerId, priceCents, deliveryDays, offeredAt } = event.data;
      const atBuyerTerms = event.type === 'CustomRequestAcceptedBySeller';
      next.offers = {
        ...row.offers,
        [sellerId]: { priceCents, deliveryDays, atBuyerTerms, offeredAt },
      };
      return next;
    }
    case 'CustomRequestInvitationExpired':
      return next;
    case 'CustomRequestConvertedToOrder':
      next.status = 'converted';
      next.order_id = event.data.orderId;
      return next;
    case 'CustomRequestCancelled':
      next.status = 'cancelled';
      return next;
    default:
      event satisfies never;
      return next;
  }
}
