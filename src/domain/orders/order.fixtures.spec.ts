// Shared given/when builders for the order specs; the `.spec.ts` suffix keeps them out of the
// build.
import { DeciderSpecification } from '../../../test/support/decider-spec';
import { ActorRole, CommandMeta } from '../shared';
import {
  OrderCancelled,
  OrderCompleted,
  OrderDelivered,
  OrderEvent,
  OrderPlaced,
  OrderResolved,
  OrderRevisionRequested,
  OrderStarted,
} from './order.events';
import { OrderStatus } from './order.state';
import { orderDecider } from './index';

export const spec = DeciderSpecification.for(orderDecider);

export const ids = {
  orderId: 'order-1',
  escrowId: 'escrow-1',
  buyerId: 'buyer-1',
  sellerId: 'seller-1',
  gigId: 'gig-1',
  disputeId: 'dispute-1',
} as const;
const { orderId, escrowId, buyerId, sellerId, disputeId } = ids;

export const times = {
  placedAt: '2025-06-01T08:00:00.000Z',
  startedAt: '2025-06-02T08:00:00.000Z',
  /** startedAt + 4 days (5 gig days, −2 express, +1 slides). */
  dueAt: '2025-06-06T08:00:00.000Z',
  deliveredAt: '2025-06-04T08:00:00.000Z',
  revisionAt: '2025-06-04T12:00:00.000Z',
  /** The fixed `now` of most specs: after the first delivery, before the due date. */
  now: '2025-06-05T08:00:00.000Z',
  afterDue: '2025-06-07T08:00:00.000Z',
} as const;

export const metaOf = (
  actorId: string,
  actorRole: ActorRole,
  now: string = times.now,
): CommandMeta => ({ now, actorId, actorRole });
export const as = {
  buyer: (now?: string) => metaOf(buyerId, 'client', now),
  seller: (now?: string) => metaOf(sellerId, 'provider', now),
  outsider: (now?: string) => metaOf('someone-else', 'client', now),
  system: (now?: string) => metaOf('scheduler', 'system', now),
  mediator: (now?: string) => metaOf('mediator-1', 'mediator', now),
  admin: (now?: string) => metaOf('admin-1', 'admin', now),
  finance: (now?: string) => metaOf('finance-1', 'finance', now),
};

/** 12 345 + 2 000 + 1 500 = 15 845; 10 % = 1 584.5, rounded half-even to 1 584. */
export const amounts = {
  amountCents: 15_845,
  commissionCents: 1_584,
  sellerNetCents: 14_261,
} as const;

export const catalogSource = {
  kind: 'catalog' as const,
  gigId: ids.gigId,
  gigTitle: 'Business plan review',
  gigKind: 'package' as const,
  unitPriceCents: 12_345,
  deliveryDays: 5,
  extras: [
    { extraId: 'x-fast', name: 'Express', priceCents: 2_000, deltaDays: -2 },
    { extraId: 'x-slides', name: '5 more slides', priceCents: 1_500, deltaDays: 1 },
  ],
};

export const placed: OrderPlaced = {
  type: 'OrderPlaced',
  data: {
    orderId,
    escrowId,
    buyerId,
    sellerId,
    source: catalogSource,
    ...amounts,
    commissionRateBp: 1_000,
    totalDeliveryDays: 4,
    placedAt: times.placedAt,
  },
};
export const started: OrderStarted = {
  type: 'OrderStarted',
  data: {
    orderId,
    sellerId,
    startedAt: times.startedAt,
    deliveryDueAt: times.dueAt,
    totalDeliveryDays: 4,
  },
};
export const delivered: OrderDelivered = {
  type: 'OrderDelivered',
  data: {
    orderId,
    deliveryId: 'delivery-1',
    message: 'Here it is',
    fileRefs: ['files/plan.pdf'],
    deliveredAt: times.deliveredAt,
    late: false,
    revisionRound: 0,
  },
};
export const revisionRequested: OrderRevisionRequested = {
  type: 'OrderRevisionRequested',
  data: {
    orderId,
    instructions: 'Add a cash-flow table',
    revisionRound: 1,
    requestedAt: times.revisionAt,
  },
};
export const completed: OrderCompleted = {
  type: 'OrderCompleted',
  data: {
    orderId,
    escrowId,
    buyerId,
    sellerId,
    completedAt: times.now,
    auto: false,
    ...amounts,
    intellectualPropertyTransferredTo: buyerId,
  },
};
export const contestedFrom = (
  previousStatus: 'active' | 'delivered' | 'in_revision',
  contestedBy: string = buyerId,
): OrderEvent => ({
  type: 'OrderContested',
  data: {
    orderId,
    disputeId,
    contestedBy,
    reason: 'Not what was ordered',
    previousStatus,
    contestedAt: times.now,
  },
});
export const resolved: OrderResolved = {
  type: 'OrderResolved',
  data: {
    orderId,
    escrowId,
    disputeId,
    refundedCents: 15_845,
    releasedCents: 0,
    commissionCents: 0,
    sellerNetCents: 0,
    resolvedBy: 'mediator-1',
    resolvedAt: times.now,
  },
};
export const cancelledBeforeStart: OrderCancelled = {
  type: 'OrderCancelled',
  data: {
    orderId,
    escrowId,
    reason: 'buyer_before_start',
    cancelledBy: buyerId,
    refundCents: 15_845,
    markedOn: buyerId,
    cancelledAt: times.startedAt,
  },
};
export const cancellationRequestedBy = (requestedBy: string): OrderEvent => ({
  type: 'OrderCancellationRequested',
  data: { orderId, requestedBy, reason: 'Plans changed', requestedAt: times.deliveredAt },
});

/** One representative history per status. */
export const history: Record<OrderStatus, OrderEvent[]> = {
  awaiting_start: [placed],
  active: [placed, started],
  delivered: [placed, started, delivered],
  in_revision: [placed, started, delivered, revisionRequested],
  completed: [placed, started, delivered, completed],
  contested: [placed, started, delivered, contestedFrom('delivered')],
  resolved: [placed, started, delivered, contestedFrom('delivered'), resolved],
  cancelled: [placed, cancelledBeforeStart],
};
export const ALL_STATUSES = Object.keys(history) as OrderStatus[];
