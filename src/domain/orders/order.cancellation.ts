import {
  AcceptCancellation,
  AmendCancellationMark,
  CancelOrder,
  DeclineCancellation,
  DeclineOrder,
  MarkOrderLate,
  RequestCancellation,
} from './order.commands';
import { OrderErrorCode, forbidden, frozen, invalid, refused } from './order.errors';
import { CancellationReason, OrderEvent } from './order.events';
import { PlacedOrder, OrderState, isTerminal } from './order.state';
import {
  ensureOpen,
  firstDeliveryLate,
  partyOf,
  placed,
  reached,
  requireBuyer,
  requireSeller,
  requireSystem,
  requiredText,
} from './order.guards';

function cancelled(
  order: PlacedOrder,
  reason: CancellationReason,
  cancelledBy: string,
  markedOn: string | null,
  now: string,
): OrderEvent[] {
  const { orderId, escrowId, amountCents } = order.order;
  // Every cancellation path refunds the buyer in full; partial refunds only come from a dispute.
  return [
    {
      type: 'OrderCancelled',
      data: {
        orderId,
        escrowId,
        reason,
        cancelledBy,
        refundCents: amountCents,
        markedOn,
        cancelledAt: now,
      },
    },
  ];
}

/** The seller turns the order down before starting: free of charge, marked on the seller's profile. */
export function declineOrder({ data, meta }: DeclineOrder, state: OrderState): OrderEvent[] {
  const order = placed(state, data.orderId);
  requireSeller(order, meta);
  ensureOpen(order);
  if (order.status !== 'awaiting_start') throw refused(OrderErrorCode.ALREADY_STARTED, order);
  return cancelled(order, 'seller_declined', meta.actorId, meta.actorId, meta.now);
}

/**
 * The buyer cancels alone: freely before the start (marked on the buyer's profile, the seed's
 * "à chaque fois que vous annulerez"), or when the first delivery is late (marked on the seller's,
 * whose lateness caused it).
 */
export function cancelOrder({ data, meta }: CancelOrder, state: OrderState): OrderEvent[] {
  const order = placed(state, data.orderId);
  requireBuyer(order, meta);
  ensureOpen(order);
  if (order.status === 'awaiting_start')
    return cancelled(order, 'buyer_before_start', meta.actorId, meta.actorId, meta.now);
  if (order.status === 'active' && firstDeliveryLate(order.progress, meta.now)) {
    return cancelled(order, 'late_delivery', meta.actorId, order.order.sellerId, meta.now);
  }
  throw refused(OrderErrorCode.CANCELLATION_REQUIRES_AGREEMENT, order, {
    deliveryDueAt: order.progress.deliveryDueAt,
  });
}

export function requestCancellation(
  { data, meta }: RequestCancellation,
  state: OrderState,
): OrderEvent[] {
  const order = placed(state, data.orderId);
  partyOf(order, meta);
  ensureOpen(order);
  if (order.status === 'awaiting_start') throw refused(OrderErrorCode.NOT_STARTED, order);
  const pending = order.progress.pendingCancellation;
  if (pending)
    throw refused(OrderErrorCode.CANCELLATION_ALREADY_REQUESTED, order, {
      requestedBy: pending.requestedBy,
    });
  const reason = requiredText(
    data.reason,
    'reason',
    OrderErrorCode.CANCELLATION_REASON_REQUIRED,
    2_000,
  );
  return [
    {
      type: 'OrderCancellationRequested',
      data: {
        orderId: order.order.orderId,
        requestedBy: meta.actorId,
        reason,
        requestedAt: meta.now,
      },
    },
  ];
}

function pendingAnsweredByOtherParty(order: PlacedOrder, actorId: string) {
  const pending = order.progress.pendingCancellation;
  if (!pending) throw refused(OrderErrorCode.NO_PENDING_CANCELLATION, order);
  if (pending.requestedBy === actorId) {
    throw forbidden(
      OrderErrorCode.REQUESTER_CANNOT_ANSWER,
      'Only the other party may answer a cancellation request',
    );
  }
  return pending;
}

/** Mutual cancellation: full refund, marked on the profile of the party who asked. */
export function acceptCancellation(
  { data, meta }: AcceptCancellation,
  state: OrderState,
): OrderEvent[] {
  const order = placed(state, data.orderId);
  partyOf(order, meta);
  ensureOpen(order);
  const pending = pendingAnsweredByOtherParty(order, meta.actorId);
  return cancelled(order, 'mutual', pending.requestedBy, pending.requestedBy, meta.now);
}

export function declineCancellation(
  { data, meta }: DeclineCancellation,
  state: OrderState,
): OrderEvent[] {
  const order = placed(state, data.orderId);
  partyOf(order, meta);
  ensureOpen(order);
  const pending = pendingAnsweredByOtherParty(order, meta.actorId);
  return [
    {
      type: 'OrderCancellationDeclined',
      data: {
        orderId: order.order.orderId,
        requestedBy: pending.requestedBy,
        declinedBy: meta.actorId,
        declinedAt: meta.now,
      },
    },
  ];
}

/**
 * Records that the first delivery missed its deadline. A worker may deliver the job twice or after
 * the order moved on, so a moot deadline (already marked, delivered, lifted by a revision, order
 * closed) yields no event.
 */
export function markOrderLate({ data, meta }: MarkOrderLate, state: OrderState): OrderEvent[] {
  requireSystem(meta);
  const order = placed(state, data.orderId);
  if (order.status === 'contested') throw frozen(order);
  if (isTerminal(order.status) || order.status === 'delivered' || order.status === 'in_revision')
    return [];
  if (order.status === 'awaiting_start') throw refused(OrderErrorCode.NOT_STARTED, order);
  const { deliveryDueAt, lateMarkedAt, deliveries, deadlineApplies } = order.progress;
  if (lateMarkedAt !== null || deliveries > 0 || !deadlineApplies || deliveryDueAt === null)
    return [];
  if (!reached(meta.now, deliveryDueAt))
    throw refused(OrderErrorCode.NOT_YET_LATE, order, { deliveryDueAt });
  return [
    {
      type: 'OrderDeliveryLate',
      data: { orderId: order.order.orderId, dueAt: deliveryDueAt, markedAt: meta.now },
    },
  ];
}

export const CANCELLATION_MARK_COMMENT_MAX_LENGTH = 2_000;

/**
 * The party not marked answers the mark once: the seed's "le vendeur pourra alors la modifier".
 * The marked party cannot answer its own mark, nor can an outsider.
 */
export function amendCancellationMark(
  { data, meta }: AmendCancellationMark,
  state: OrderState,
): OrderEvent[] {
  const order = placed(state, data.orderId);
  partyOf(order, meta);
  const mark = order.status === 'cancelled' ? order.progress.cancellationMark : null;
  if (!mark) throw refused(OrderErrorCode.NO_CANCELLATION_MARK, order);
  if (mark.markedOn === meta.actorId)
    throw forbidden(
      OrderErrorCode.NOT_THE_OTHER_PARTY,
      'Only the other party may amend the cancellation mark on this profile',
      { markedOn: mark.markedOn },
    );
  if (mark.answered) throw refused(OrderErrorCode.CANCELLATION_MARK_ALREADY_AMENDED, order);
  if (data.action !== 'amend' && data.action !== 'withdraw')
    throw invalid(OrderErrorCode.CANCELLATION_MARK_INVALID_ACTION, 'action', {
      allowed: ['amend', 'withdraw'],
    });
  let comment: string | null = null;
  let rating: number | null = null;
  if (data.action === 'amend') {
    comment = requiredText(
      data.comment,
      'comment',
      OrderErrorCode.CANCELLATION_MARK_COMMENT_REQUIRED,
      CANCELLATION_MARK_COMMENT_MAX_LENGTH,
    );
    const r = data.rating ?? null;
    if (r !== null && (typeof r !== 'number' || !Number.isInteger(r) || r < 1 || r > 5))
      throw invalid(OrderErrorCode.REVIEW_INVALID_RATING, 'rating', { value: r, min: 1, max: 5 });
    rating = r;
  }
  return [
    {
      type: 'OrderCancellationMarkAmended',
      data: {
        orderId: order.order.orderId,
        markedOn: mark.markedOn,
        amendedBy: meta.actorId,
        action: data.action === 'amend' ? 'amended' : 'withdrawn',
        comment,
        rating,
        amendedAt: meta.now,
      },
    },
  ];
}
