import { Cents, DomainEvent, EventVersions } from '../shared';
import { ContactDetailSpan } from './contact-details';

export type OrderGigKind = 'package' | 'phone_call' | 'question';

export interface OrderedExtra {
  extraId: string;
  name: string;
  priceCents: Cents;
  deltaDays: number;
}

/** A copy of the gig's terms at purchase: later gig edits never change an order. */
export interface CatalogOrderSource {
  kind: 'catalog';
  gigId: string;
  gigTitle: string;
  gigKind: OrderGigKind;
  unitPriceCents: Cents;
  deliveryDays: number;
  extras: OrderedExtra[];
}

export interface CustomOrderSource {
  kind: 'custom';
  customRequestId: string;
  title: string;
  priceCents: Cents;
  deliveryDays: number;
}

export type OrderSource = CatalogOrderSource | CustomOrderSource;

/** The statuses an order can be contested from, and restored to when the contest is withdrawn. */
export type ContestableStatus = 'active' | 'delivered' | 'in_revision';

export type CancellationReason =
  'buyer_before_start' | 'seller_declined' | 'late_delivery' | 'mutual';

export type CancellationMarkAction = 'amended' | 'withdrawn';

export type OrderPlaced = DomainEvent<
  'OrderPlaced',
  {
    orderId: string;
    escrowId: string;
    buyerId: string;
    sellerId: string;
    source: OrderSource;
    /** Price plus chosen extras, TTC. */
    amountCents: Cents;
    commissionRateBp: number;
    /** Half-even share of `amountCents`, computed once here. */
    commissionCents: Cents;
    sellerNetCents: Cents;
    /** Gig delivery days plus the extras' deltas, never below one. */
    totalDeliveryDays: number;
    placedAt: string;
  }
>;

/**
 * The escrow was funded but the order never placed (the placing request died and the buyer never
 * retried): the order id is closed for good and the escrow refunds the buyer in full.
 */
export type OrderPlacementAbandoned = DomainEvent<
  'OrderPlacementAbandoned',
  {
    orderId: string;
    escrowId: string;
    buyerId: string;
    refundCents: Cents;
    abandonedAt: string;
  }
>;

/** What the buyer needs to pay an order that waits for its funds, as the gateway gave it. */
export type FundingInstructions =
  | {
      kind: 'bank_transfer';
      iban: string;
      bic: string;
      accountHolderName: string;
      /** The transfer's reference; the gateway matches the incoming funds with it. */
      reference: string;
      amountCents: Cents;
    }
  | { kind: 'paypal'; approvalUrl: string };

/** The payment methods whose funds arrive after the order is requested. */
export type DeferredPaymentMethod = 'bank_transfer' | 'paypal';

/**
 * The buyer chose a bank transfer or PayPal: the order waits for the funds until `fundsDueAt`.
 * `placement` is the placement as checked, replayed as the order's placement once the funds arrive.
 */
export type OrderAwaitingFunds = DomainEvent<
  'OrderAwaitingFunds',
  {
    orderId: string;
    escrowId: string;
    buyerId: string;
    sellerId: string;
    amountCents: Cents;
    paymentMethod: DeferredPaymentMethod;
    paymentRef: string;
    instructions: FundingInstructions;
    fundsDueAt: string;
    requestedAt: string;
    placement: {
      /** The source as the buyer chose it, with the catalog gig's opening message. */
      source: (CatalogOrderSource & { openingMessage?: string }) | CustomOrderSource;
      commissionRateBp: number;
      messageId?: string;
    };
  }
>;

/** The funds never came within the window: the order id is closed, nothing was charged. */
export type OrderFundsExpired = DomainEvent<
  'OrderFundsExpired',
  {
    orderId: string;
    escrowId: string;
    buyerId: string;
    paymentRef: string;
    fundsDueAt: string;
    expiredAt: string;
  }
>;

export type OrderMessagePosted = DomainEvent<
  'OrderMessagePosted',
  {
    orderId: string;
    messageId: string;
    authorId: string;
    text: string;
    fileRefs: string[];
    /** True for the gig's opening message, sent on the seller's behalf. */
    automatic: boolean;
    /** Parts of `text` the other party reads masked (v2; v1 messages had none): decided at posting. */
    contactDetails: ContactDetailSpan[];
    postedAt: string;
  }
>;

export type OrderStarted = DomainEvent<
  'OrderStarted',
  {
    orderId: string;
    sellerId: string;
    startedAt: string;
    deliveryDueAt: string;
    totalDeliveryDays: number;
  }
>;

export type OrderDeliveryLate = DomainEvent<
  'OrderDeliveryLate',
  { orderId: string; dueAt: string; markedAt: string }
>;

export type OrderDelivered = DomainEvent<
  'OrderDelivered',
  {
    orderId: string;
    deliveryId: string;
    message: string;
    fileRefs: string[];
    deliveredAt: string;
    /** Only the first delivery can be late: a revision lifts the deadline. */
    late: boolean;
    /** 0 for the first delivery, n for the delivery answering the n-th revision request. */
    revisionRound: number;
  }
>;

export type OrderRevisionRequested = DomainEvent<
  'OrderRevisionRequested',
  { orderId: string; instructions: string; revisionRound: number; requestedAt: string }
>;

export type OrderCompleted = DomainEvent<
  'OrderCompleted',
  {
    orderId: string;
    escrowId: string;
    buyerId: string;
    sellerId: string;
    completedAt: string;
    /** True when the system completed it after the buyer's review window lapsed. */
    auto: boolean;
    amountCents: Cents;
    commissionCents: Cents;
    sellerNetCents: Cents;
    intellectualPropertyTransferredTo: string;
  }
>;

export type OrderReviewed = DomainEvent<
  'OrderReviewed',
  {
    orderId: string;
    buyerId: string;
    sellerId: string;
    rating: number;
    comment: string;
    reviewedAt: string;
  }
>;

export type OrderCancellationRequested = DomainEvent<
  'OrderCancellationRequested',
  { orderId: string; requestedBy: string; reason: string; requestedAt: string }
>;

export type OrderCancellationDeclined = DomainEvent<
  'OrderCancellationDeclined',
  { orderId: string; requestedBy: string; declinedBy: string; declinedAt: string }
>;

export type OrderCancelled = DomainEvent<
  'OrderCancelled',
  {
    orderId: string;
    escrowId: string;
    reason: CancellationReason;
    /** The party whose decision cancelled the order (the requester for a mutual cancellation). */
    cancelledBy: string;
    refundCents: Cents;
    /** The profile that shows this cancellation, or null when nobody is marked. */
    markedOn: string | null;
    cancelledAt: string;
  }
>;

/**
 * The party who did not cancel answers the cancellation mark on the canceller's profile, once:
 * `amended` replaces its comment (and optional rating), `withdrawn` takes the mark off the profile.
 */
export type OrderCancellationMarkAmended = DomainEvent<
  'OrderCancellationMarkAmended',
  {
    orderId: string;
    /** The profile that carries the mark. */
    markedOn: string;
    amendedBy: string;
    action: CancellationMarkAction;
    comment: string | null;
    rating: number | null;
    amendedAt: string;
  }
>;

export type OrderContested = DomainEvent<
  'OrderContested',
  {
    orderId: string;
    disputeId: string;
    contestedBy: string;
    reason: string;
    previousStatus: ContestableStatus;
    contestedAt: string;
  }
>;

export type OrderContestWithdrawn = DomainEvent<
  'OrderContestWithdrawn',
  {
    orderId: string;
    disputeId: string;
    withdrawnBy: string;
    restoredStatus: ContestableStatus;
    withdrawnAt: string;
  }
>;

/** Amounts decided by the dispute context; the order only records them. */
export type OrderResolved = DomainEvent<
  'OrderResolved',
  {
    orderId: string;
    escrowId: string;
    disputeId: string;
    refundedCents: Cents;
    releasedCents: Cents;
    commissionCents: Cents;
    sellerNetCents: Cents;
    resolvedBy: string;
    resolvedAt: string;
  }
>;

export type OrderEvent =
  | OrderPlaced
  | OrderPlacementAbandoned
  | OrderAwaitingFunds
  | OrderFundsExpired
  | OrderMessagePosted
  | OrderStarted
  | OrderDeliveryLate
  | OrderDelivered
  | OrderRevisionRequested
  | OrderCompleted
  | OrderReviewed
  | OrderCancellationRequested
  | OrderCancellationDeclined
  | OrderCancellationMarkAmended
  | OrderCancelled
  | OrderContested
  | OrderContestWithdrawn
  | OrderResolved;

/** Stored schema version per event type; raise one only with an upcaster (docs/event-store.md). */
export const ORDER_EVENT_VERSIONS: EventVersions<OrderEvent['type']> = {
  OrderPlaced: 1,
  OrderPlacementAbandoned: 1,
  OrderAwaitingFunds: 1,
  OrderFundsExpired: 1,
  OrderMessagePosted: 2,
  OrderStarted: 1,
  OrderDeliveryLate: 1,
  OrderDelivered: 1,
  OrderRevisionRequested: 1,
  OrderCompleted: 1,
  OrderReviewed: 1,
  OrderCancellationRequested: 1,
  OrderCancellationDeclined: 1,
  OrderCancellationMarkAmended: 1,
  OrderCancelled: 1,
  OrderContested: 1,
  OrderContestWithdrawn: 1,
  OrderResolved: 1,
};

export const orderStreamName = (orderId: string): string => `order-${orderId}`;
