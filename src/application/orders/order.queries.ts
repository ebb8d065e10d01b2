import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  CONTACT_DETAILS_REASON,
  ContactDetailKind,
  ContactDetailSpan,
  DeferredPaymentMethod,
  FundingInstructions,
  ORDER_STATUS_LABELS,
  ORDER_STATUS_SUB_LABELS,
  OrderAwaitingFunds,
  OrderEvent,
  OrderMessagePosted,
  OrderPlaced,
  OrderSource,
  OrderStatus,
  orderDecider,
} from '../../domain/orders';
import { vatIncluded } from '../../domain/shared';
import { AggregateSnapshot, loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { messageTextFor } from './order-message.contract';
import { orderStream } from './order.messages';

/** Who is asking: parties see their own orders, staff see every order, anyone else sees none. */
export interface Viewer {
  accountId: string;
  staff: boolean;
}

export interface OrderView {
  orderId: string;
  escrowId: string;
  buyerId: string;
  sellerId: string;
  status: OrderStatus;
  statusLabel: string;
  statusSubLabel: string | null;
  source: OrderSource;
  amountCents: number;
  vatCents: number;
  commissionRateBp: number;
  commissionCents: number;
  sellerNetCents: number;
  totalDeliveryDays: number;
  placedAt: string;
  startedAt: string | null;
  deliveryDueAt: string | null;
  /** False once the buyer asked for a revision: the delivery deadline no longer applies. */
  deadlineApplies: boolean;
  lateMarkedAt: string | null;
  deliveries: number;
  revisionRequests: number;
  lastDeliveredAt: string | null;
  pendingCancellation: { requestedBy: string; reason: string } | null;
  dispute: { disputeId: string; contestedBy: string } | null;
  completedAt: string | null;
  intellectualPropertyOwner: string | null;
  cancellation: {
    reason: string;
    cancelledBy: string;
    refundCents: number;
    markedOn: string | null;
    cancelledAt: string;
  } | null;
  review: { rating: number; comment: string; reviewedAt: string } | null;
  revision: string;
}

export interface OrderMessageView {
  messageId: string;
  authorId: string;
  text: string;
  fileRefs: string[];
  automatic: boolean;
  postedAt: string;
  /** Contact details were found at posting: the other party reads each as "[masqué]". */
  masked: boolean;
  /** Staff only, on a masked message: what was detected in the text as sent. */
  flag?: {
    reason: typeof CONTACT_DETAILS_REASON;
    detected: { kind: ContactDetailKind; start: number; end: number; value: string }[];
  };
}

/**
 * The author and staff read the text as sent; the other party reads it with its contact details
 * masked, so exchanges stay on the platform. Staff also see what was detected.
 */
export function messageViewFor(data: OrderMessagePosted['data'], viewer: Viewer): OrderMessageView {
  const { messageId, authorId, text, fileRefs, automatic, postedAt } = data;
  const spans: ContactDetailSpan[] = data.contactDetails;
  const masked = spans.length > 0;
  const view: OrderMessageView = {
    messageId,
    authorId,
    text: messageTextFor(data, viewer),
    fileRefs,
    automatic,
    postedAt,
    masked,
  };
  if (masked && viewer.staff)
    view.flag = {
      reason: CONTACT_DETAILS_REASON,
      detected: spans.map((s) => ({ ...s, value: text.slice(s.start, s.end) })),
    };
  return view;
}

async function visibleOrder(
  store: EventStore,
  orderId: string,
  viewer: Viewer,
): Promise<AggregateSnapshot<ReturnType<typeof orderDecider.initialState>> | null> {
  const snapshot = await loadAggregate(store, orderStream(orderId), orderDecider);
  const { state } = snapshot;
  if (state.status === 'none') return null;
  const party =
    viewer.accountId === state.order.buyerId || viewer.accountId === state.order.sellerId;
  return party || viewer.staff ? snapshot : null;
}

/** The order as its stream tells it, or null when it does not exist or the viewer may not see it. */
export class GetOrderQuery extends Query<OrderView | null> {
  constructor(
    readonly orderId: string,
    readonly viewer: Viewer,
  ) {
    super();
  }
}

@QueryHandler(GetOrderQuery)
export class GetOrderHandler implements IQueryHandler<GetOrderQuery, OrderView | null> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ orderId, viewer }: GetOrderQuery): Promise<OrderView | null> {
    const snapshot = await visibleOrder(this.store, orderId, viewer);
    if (!snapshot || snapshot.state.status === 'none') return null;
    const { state } = snapshot;
    const events = snapshot.events as unknown as OrderEvent[];
    const last = <T extends OrderEvent['type']>(type: T) =>
      [...events].reverse().find((e) => e.type === type) as
        Extract<OrderEvent, { type: T }> | undefined;
    const placed = last('OrderPlaced') as OrderPlaced;
    const completed = last('OrderCompleted');
    const cancelled = last('OrderCancelled');
    const reviewed = last('OrderReviewed');
    return {
      orderId,
      escrowId: state.order.escrowId,
      buyerId: state.order.buyerId,
      sellerId: state.order.sellerId,
      status: state.status,
      statusLabel: ORDER_STATUS_LABELS[state.status],
      statusSubLabel: ORDER_STATUS_SUB_LABELS[state.status],
      source: placed.data.source,
      amountCents: state.order.amountCents,
      vatCents: vatIncluded(state.order.amountCents),
      commissionRateBp: placed.data.commissionRateBp,
      commissionCents: state.order.commissionCents,
      sellerNetCents: state.order.sellerNetCents,
      totalDeliveryDays: state.order.totalDeliveryDays,
      placedAt: placed.data.placedAt,
      startedAt: last('OrderStarted')?.data.startedAt ?? null,
      deliveryDueAt: state.progress.deliveryDueAt,
      deadlineApplies: state.progress.deadlineApplies,
      lateMarkedAt: state.progress.lateMarkedAt,
      deliveries: state.progress.deliveries,
      revisionRequests: state.progress.revisionRequests,
      lastDeliveredAt: state.progress.lastDeliveredAt,
      pendingCancellation: state.progress.pendingCancellation,
      dispute:
        state.status === 'contested'
          ? { disputeId: state.dispute.disputeId, contestedBy: state.dispute.contestedBy }
          : null,
      completedAt: completed?.data.completedAt ?? null,
      intellectualPropertyOwner: completed?.data.intellectualPropertyTransferredTo ?? null,
      cancellation: cancelled
        ? {
            reason: cancelled.data.reason,
            cancelledBy: cancelled.data.cancelledBy,
            refundCents: cancelled.data.refundCents,
            markedOn: cancelled.data.markedOn,
            cancelledAt: cancelled.data.cancelledAt,
          }
        : null,
      review: reviewed
        ? {
            rating: reviewed.data.rating,
            comment: reviewed.data.comment,
            reviewedAt: reviewed.data.reviewedAt,
          }
        : null,
      revision: String(snapshot.revision),
    };
  }
}

/** The order's conversation, oldest first; null when the order is not visible to the viewer. */
export class ListOrderMessagesQuery extends Query<OrderMessageView[] | null> {
  constructor(
    readonly orderId: string,
    readonly viewer: Viewer,
  ) {
    super();
  }
}

@QueryHandler(ListOrderMessagesQuery)
export class ListOrderMessagesHandler implements IQueryHandler<
  ListOrderMessagesQuery,
  OrderMessageView[] | null
> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ orderId, viewer }: ListOrderMessagesQuery): Promise<OrderMessageView[] | null> {
    const snapshot = await visibleOrder(this.store, orderId, viewer);
    if (!snapshot) return null;
    return snapshot.events
      .filter((e) => e.type === 'OrderMessagePosted')
      .map((e) => messageViewFor(e.data as OrderMessagePosted['data'], viewer));
  }
}

/** Where a transfer or PayPal payment stands: awaited, expired, or received (then the order is placed). */
export interface OrderFundingView {
  orderId: string;
  status: 'awaiting_funds' | 'payment_expired' | 'funds_received';
  statusLabel: string;
  paymentMethod: DeferredPaymentMethod;
  amountCents: number;
  fundingInstructions: FundingInstructions;
  fundsDueAt: string;
  requestedAt: string;
}

export const FUNDING_STATUS_LABELS: Record<OrderFundingView['status'], string> = {
  awaiting_funds: 'En attente de paiement',
  payment_expired: 'Paiement expiré',
  funds_received: 'Paiement reçu',
};

/** The payment of an order placed by transfer or PayPal; null for a card order or another viewer. */
export class GetOrderFundingQuery extends Query<OrderFundingView | null> {
  constructor(
    readonly orderId: string,
    readonly viewer: Viewer,
  ) {
    super();
  }
}

@QueryHandler(GetOrderFundingQuery)
export class GetOrderFundingHandler implements IQueryHandler<
  GetOrderFundingQuery,
  OrderFundingView | null
> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ orderId, viewer }: GetOrderFundingQuery): Promise<OrderFundingView | null> {
    const { events } = await loadAggregate(this.store, orderStream(orderId), orderDecider);
    const types = new Set(events.map((e) => e.type));
    const awaited = (events as unknown as OrderEvent[]).find(
      (e): e is OrderAwaitingFunds => e.type === 'OrderAwaitingFunds',
    );
    if (!awaited) return null;
    const { data } = awaited;
    const party = viewer.accountId === data.buyerId || viewer.accountId === data.sellerId;
    if (!party && !viewer.staff) return null;
    const status: OrderFundingView['status'] = types.has('OrderPlaced')
      ? 'funds_received'
      : types.has('OrderFundsExpired')
        ? 'payment_expired'
        : 'awaiting_funds';
    return {
      orderId,
      status,
      statusLabel: FUNDING_STATUS_LABELS[status],
      paymentMethod: data.paymentMethod,
      amountCents: data.amountCents,
      fundingInstructions: data.instructions,
      fundsDueAt: data.fundsDueAt,
      requestedAt: data.requestedAt,
    };
  }
}
