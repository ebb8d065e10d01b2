import {
  AcceptCancellation,
  CancelOrder,
  DeclineCancellation,
  DeclineOrder,
  MarkOrderLate,
  RequestCancellation,
} from './order.commands';
import { OrderErrorCode, forbidden, frozen, refused } from './order.errors';
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

/** The seller turns the order down before starting: free for both, nobody is marked. */
export function declineOrder({ data, meta }: DeclineOrder, state: OrderState): OrderEvent[] {
  const order = placed(state, data.orderId);
  requireSeller(order, meta);
  ensureOpen(order);
  if (order.status !== 'awaiting_start') throw refused(OrderErrorCode.ALREADY_STARTED, order);
  return cancelled(order, 'seller_declined', meta.actorId, null, meta.now);
}

/**
 * The buyer cancels alone: freely before the start, or when the first delivery is late.
 * Neither marks the buyer's profile: marks are for cancelling, by agreement, work already under way.
 */
export function cancelOrder({ data, meta }: CancelOrder, state: OrderState): OrderEvent[] {
  const order = placed(state, data.orderId);
  requireBuyer(order, meta);
  ensureOpen(order);
  if (order.status === 'awaiting_start')
    return cancelled(order, 'buyer_before_start', meta.actorId, null, meta.now);
  if (order.status === 'active' && firstDeliveryLate(order.progress, meta.now)) {
    return cancelled(order, 'late_delivery', meta.actorId, null, meta.now);
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
