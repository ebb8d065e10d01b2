import type { OrderEvent } from '../../../domain/orders';
import {
  ORDER_STATUS_LABELS,
  OrderStatus,
  orderStatusAfter,
} from '../../orders/order-status.contract';

/**
 * A read-only fold of an order stream for case history and for the dispute flow: the
 * disputes context never runs the orders decider, it folds the published events with the
 * status rules the orders context publishes.
 */
export type OrderViewStatus = 'none' | OrderStatus;

/** The orders context's user-facing names of each status. */
export const ORDER_VIEW_STATUS_LABELS: Readonly<Record<OrderStatus, string>> = ORDER_STATUS_LABELS;

export interface OrderView {
  status: OrderViewStatus;
  orderId: string;
  escrowId: string;
  buyerId: string;
  sellerId: string;
  title: string;
  sourceKind: 'catalog' | 'custom' | null;
  amountCents: number;
  commissionRateBp: number;
  commissionCents: number;
  sellerNetCents: number;
  placedAt: string | null;
  deliveryDueAt: string | null;
  deliveries: number;
  revisionRequests: number;
  messages: number;
  pendingCancellationBy: string | null;
  /** The dispute freezing the order, while it is contested. */
  contest: { disputeId: string; contestedBy: string; previousStatus: string } | null;
  /** Every dispute that ever froze this order, oldest first. */
  disputeIds: string[];
  resolution: {
    disputeId: string;
    refundedCents: number;
    releasedCents: number;
    commissionCents: number;
    sellerNetCents: number;
  } | null;
  /** Stream revision of the last event folded, or null before the first. */
  revision: number | null;
}

export const emptyOrderView = (): OrderView => ({
  status: 'none',
  orderId: '',
  escrowId: '',
  buyerId: '',
  sellerId: '',
  title: '',
  sourceKind: null,
  amountCents: 0,
  commissionRateBp: 0,
  commissionCents: 0,
  sellerNetCents: 0,
  placedAt: null,
  deliveryDueAt: null,
  deliveries: 0,
  revisionRequests: 0,
  messages: 0,
  pendingCancellationBy: null,
  contest: null,
  disputeIds: [],
  resolution: null,
  revision: null,
});

/** Folds one raw event; unknown types and events that do not apply leave the view as it was. */
export function foldOrderView(
  view: OrderView,
  raw: { type: string; data: unknown },
  revision?: number,
): OrderView {
  const next = applyOrderEvent(view, raw as OrderEvent);
  return revision === undefined ? next : { ...next, revision };
}

function applyOrderEvent(view: OrderView, event: OrderEvent): OrderView {
  if (event.type === 'OrderPlaced') {
    if (view.status !== 'none') return view;
    const d = event.data;
    return {
      ...view,
      status: 'awaiting_start',
      orderId: d.orderId,
      escrowId: d.escrowId,
      buyerId: d.buyerId,
      sellerId: d.sellerId,
      title: d.source.kind === 'catalog' ? d.source.gigTitle : d.source.title,
      sourceKind: d.source.kind,
      amountCents: d.amountCents,
      commissionRateBp: d.commissionRateBp,
      commissionCents: d.commissionCents,
      sellerNetCents: d.sellerNetCents,
      placedAt: d.placedAt,
    };
  }
  if (view.status === 'none') return view;
  if (event.type === 'OrderMessagePosted') return { ...view, messages: view.messages + 1 };
  // The orders context's status rules decide whether the event applies and where it leads.
  const status = orderStatusAfter(view.status, event);
  if (status === null) return view;
  switch (event.type) {
    case 'OrderStarted':
      return { ...view, status, deliveryDueAt: event.data.deliveryDueAt };
    case 'OrderDelivered':
      return { ...view, status, deliveries: view.deliveries + 1 };
    case 'OrderRevisionRequested':
      return { ...view, status, revisionRequests: view.revisionRequests + 1 };
    case 'OrderCompleted':
      return { ...view, status, pendingCancellationBy: null };
    case 'OrderCancellationRequested':
      return { ...view, pendingCancellationBy: event.data.requestedBy };
    case 'OrderCancellationDeclined':
      return { ...view, pendingCancellationBy: null };
    case 'OrderCancelled':
      return { ...view, status, pendingCancellationBy: null };
    case 'OrderContested':
      return {
        ...view,
        status,
        pendingCancellationBy: null,
        contest: {
          disputeId: event.data.disputeId,
          contestedBy: event.data.contestedBy,
          previousStatus: event.data.previousStatus,
        },
        disputeIds: [...view.disputeIds, event.data.disputeId],
      };
    case 'OrderContestWithdrawn':
      return { ...view, status, contest: null };
    case 'OrderResolved': {
      const { disputeId, refundedCents, releasedCents, commissionCents, sellerNetCents } =
        event.data;
      return {
        ...view,
        status,
        contest: null,
        resolution: { disputeId, refundedCents, releasedCents, commissionCents, sellerNetCents },
      };
    }
    case 'OrderDeliveryLate':
    case 'OrderReviewed':
    case 'OrderCancellationMarkAmended':
    case 'OrderPlacementAbandoned': // only on a stream without an order, left as it was above
    case 'OrderAwaitingFunds': // before the order exists
    case 'OrderFundsExpired':
      return view;
    default:
      // Exhaustive at compile time; a stored type this view does not know leaves it as it was.
      event satisfies never;
      return view;
  }
}

export function isOrderParty(view: OrderView, accountId: string): boolean {
  return view.status !== 'none' && (view.buyerId === accountId || view.sellerId === accountId);
}
