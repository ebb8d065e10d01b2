import { Cents } from '../shared';
import { ContestableStatus, OrderAwaitingFunds, OrderEvent } from './order.events';

export type OrderStatus =
  | 'awaiting_start'
  | 'active'
  | 'delivered'
  | 'in_revision'
  | 'completed'
  | 'contested'
  | 'resolved'
  | 'cancelled';

/**
 * The seed's user-facing names of each status: its five labels, plus "Annulé" it does not name.
 * The seed's "Actif" starts as soon as the order is placed, and covers the seller's rework too.
 */
export const ORDER_STATUS_LABELS: Readonly<Record<OrderStatus, string>> = {
  awaiting_start: 'Actif',
  active: 'Actif',
  delivered: 'Délivré',
  in_revision: 'Actif',
  completed: 'Terminé',
  contested: 'Contesté',
  resolved: 'Résolu',
  cancelled: 'Annulé',
};

/** What a shared label does not tell: which step of "Actif" the order is in; null when nothing to add. */
export const ORDER_STATUS_SUB_LABELS: Readonly<Record<OrderStatus, string | null>> = {
  awaiting_start: 'En attente de démarrage',
  active: null,
  delivered: null,
  in_revision: 'Retouches demandées',
  completed: null,
  contested: null,
  resolved: null,
  cancelled: null,
};

export const TERMINAL_ORDER_STATUSES = ['completed', 'resolved', 'cancelled'] as const;
export type TerminalOrderStatus = (typeof TERMINAL_ORDER_STATUSES)[number];

export const isTerminal = (status: OrderStatus): status is TerminalOrderStatus =>
  (TERMINAL_ORDER_STATUSES as readonly string[]).includes(status);

/**
 * The order's status rules, written once: the status a placed order moves to on `event`, or null
 * when the event does not apply in `status`. The order's evolve, its read model and the disputes
 * case view all fold with it.
 */
export function orderStatusAfter(status: OrderStatus, event: OrderEvent): OrderStatus | null {
  // A closed order only ever gains its review or its cancellation mark's answer; nothing else.
  if (isTerminal(status)) {
    if (event.type === 'OrderReviewed') return status === 'completed' ? status : null;
    if (event.type === 'OrderCancellationMarkAmended')
      return status === 'cancelled' ? status : null;
    return null;
  }
  switch (event.type) {
    case 'OrderStarted':
      return status === 'awaiting_start' ? 'active' : null;
    case 'OrderDelivered':
      return status === 'active' || status === 'in_revision' ? 'delivered' : null;
    case 'OrderRevisionRequested':
      return status === 'delivered' ? 'in_revision' : null;
    case 'OrderContested':
      return status === 'active' || status === 'delivered' || status === 'in_revision'
        ? 'contested'
        : null;
    case 'OrderContestWithdrawn':
      return status === 'contested' ? event.data.restoredStatus : null;
    case 'OrderCompleted':
      return 'completed';
    case 'OrderCancelled':
      return 'cancelled';
    case 'OrderResolved':
      return 'resolved';
    case 'OrderDeliveryLate':
    case 'OrderCancellationRequested':
    case 'OrderCancellationDeclined':
    case 'OrderMessagePosted':
      return status;
    case 'OrderReviewed': // only a completed order is reviewed
    case 'OrderCancellationMarkAmended': // only a cancelled order carries a mark
    case 'OrderPlaced': // an order is placed once
    case 'OrderPlacementAbandoned': // only on a stream without an order
    case 'OrderAwaitingFunds':
    case 'OrderFundsExpired':
      return null;
    default:
      // Exhaustive at compile time, yet an unknown stored type applies to nothing: evolve never throws.
      event satisfies never;
      return null;
  }
}

/** What was agreed when the order was placed; never changes afterwards. */
export interface OrderFacts {
  orderId: string;
  escrowId: string;
  buyerId: string;
  sellerId: string;
  sourceKind: 'catalog' | 'custom';
  amountCents: Cents;
  commissionCents: Cents;
  sellerNetCents: Cents;
  totalDeliveryDays: number;
}

export interface PendingCancellation {
  requestedBy: string;
  reason: string;
}

/** The cancellation shown on a profile, and whether the other party already answered it. */
export interface CancellationMark {
  markedOn: string;
  answered: boolean;
}

export interface OrderProgress {
  deliveryDueAt: string | null;
  /** False once the buyer asks for a revision: the seed lifts the delivery deadline then. */
  deadlineApplies: boolean;
  lateMarkedAt: string | null;
  deliveries: number;
  revisionRequests: number;
  lastDeliveredAt: string | null;
  pendingCancellation: PendingCancellation | null;
  /** Set when the order is cancelled with a mark (older cancellations may carry none). */
  cancellationMark: CancellationMark | null;
}

export interface OrderDispute {
  disputeId: string;
  contestedBy: string;
  previousStatus: ContestableStatus;
}

interface Placed {
  order: OrderFacts;
  progress: OrderProgress;
}

/** An order paid by transfer or PayPal before its funds arrive. */
export interface AwaitingFunds {
  paymentRef: string;
  amountCents: Cents;
  fundsDueAt: string;
  event: OrderAwaitingFunds['data'];
}

export type OrderState =
  /**
   * No order; `placementAbandoned` once its funded placement was given up (the id is closed);
   * `awaitingFunds` while a transfer or PayPal payment is awaited, `fundsExpired` once it never came.
   */
  | {
      status: 'none';
      placementAbandoned?: true;
      awaitingFunds?: AwaitingFunds;
      fundsExpired?: true;
    }
  | (Placed & { status: 'awaiting_start' | ContestableStatus | 'cancelled' | 'resolved' })
  | (Placed & { status: 'contested'; dispute: OrderDispute })
  | (Placed & { status: 'completed'; reviewed: boolean });

export type PlacedOrder = Exclude<OrderState, { status: 'none' }>;

export const initialState = (): OrderState => ({ status: 'none' });

type PlainStatus = 'awaiting_start' | ContestableStatus | 'cancelled' | 'resolved';

const moveTo = (
  state: PlacedOrder,
  status: PlainStatus,
  progress: Partial<OrderProgress> = {},
): OrderState => ({
  status,
  order: state.order,
  progress: { ...state.progress, ...progress },
});

function evolvePlaced(state: PlacedOrder, event: OrderEvent): OrderState {
  if (orderStatusAfter(state.status, event) === null) return state;
  const { progress } = state;
  switch (event.type) {
    case 'OrderStarted':
      return moveTo(state, 'active', { deliveryDueAt: event.data.deliveryDueAt });
    case 'OrderDeliveryLate':
      return { ...state, progress: { ...progress, lateMarkedAt: event.data.markedAt } };
    case 'OrderDelivered':
      return moveTo(state, 'delivered', {
        deliveries: progress.deliveries + 1,
        lastDeliveredAt: event.data.deliveredAt,
      });
    case 'OrderRevisionRequested':
      return moveTo(state, 'in_revision', {
        deadlineApplies: false,
        revisionRequests: progress.revisionRequests + 1,
      });
    case 'OrderCompleted':
      return {
        status: 'completed',
        order: state.order,
        progress: { ...progress, pendingCancellation: null },
        reviewed: false,
      };
    case 'OrderReviewed':
      return state.status === 'completed' ? { ...state, reviewed: true } : state;
    case 'OrderCancellationRequested':
      return {
        ...state,
        progress: {
          ...progress,
          pendingCancellation: { requestedBy: event.data.requestedBy, reason: event.data.reason },
        },
      };
    case 'OrderCancellationDeclined':
      return { ...state, progress: { ...progress, pendingCancellation: null } };
    case 'OrderCancelled': {
      const { markedOn } = event.data;
      return moveTo(state, 'cancelled', {
        pendingCancellation: null,
        cancellationMark: markedOn ? { markedOn, answered: false } : null,
      });
    }
    case 'OrderCancellationMarkAmended':
      return progress.cancellationMark
        ? {
            ...state,
            progress: {
              ...progress,
              cancellationMark: { ...progress.cancellationMark, answered: true },
            },
          }
        : state;
    case 'OrderContested':
      // A contest supersedes an unanswered cancellation request: the dispute now decides.
      return {
        status: 'contested',
        order: state.order,
        progress: { ...progress, pendingCancellation: null },
        dispute: {
          disputeId: event.data.disputeId,
          contestedBy: event.data.contestedBy,
          previousStatus: event.data.previousStatus,
        },
      };
    case 'OrderContestWithdrawn':
      return moveTo(state, event.data.restoredStatus);
    case 'OrderResolved':
      return moveTo(state, 'resolved');
    case 'OrderPlaced':
    case 'OrderMessagePosted':
    case 'OrderPlacementAbandoned':
    case 'OrderAwaitingFunds':
    case 'OrderFundsExpired':
      return state;
    default:
      // Exhaustive at compile time, yet an unknown stored type leaves the state as is: evolve never
      // throws.
      event satisfies never;
      return state;
  }
}

export function evolve(state: OrderState, event: OrderEvent): OrderState {
  if (state.status !== 'none') return evolvePlaced(state, event);
  if (event.type === 'OrderPlacementAbandoned') return { status: 'none', placementAbandoned: true };
  if (event.type === 'OrderAwaitingFunds') {
    if (state.placementAbandoned || state.fundsExpired || state.awaitingFunds) return state;
    const { paymentRef, amountCents, fundsDueAt } = event.data;
    return {
      status: 'none',
      awaitingFunds: { paymentRef, amountCents, fundsDueAt, event: event.data },
    };
  }
  if (event.type === 'OrderFundsExpired')
    return state.awaitingFunds ? { status: 'none', fundsExpired: true } : state;
  if (event.type !== 'OrderPlaced' || state.placementAbandoned || state.fundsExpired) return state;
  const { data } = event;
  return {
    status: 'awaiting_start',
    order: {
      orderId: data.orderId,
      escrowId: data.escrowId,
      buyerId: data.buyerId,
      sellerId: data.sellerId,
      sourceKind: data.source.kind,
      amountCents: data.amountCents,
      commissionCents: data.commissionCents,
      sellerNetCents: data.sellerNetCents,
      totalDeliveryDays: data.totalDeliveryDays,
    },
    progress: {
      deliveryDueAt: null,
      deadlineApplies: true,
      lateMarkedAt: null,
      deliveries: 0,
      revisionRequests: 0,
      lastDeliveredAt: null,
      pendingCancellation: null,
      cancellationMark: null,
    },
  };
}
