import {
  BusinessRuleError,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
} from '../shared';
import { OrderStatus, PlacedOrder } from './order.state';

/** Every code the order decider can throw. */
export const OrderErrorCode = {
  NOT_FOUND: 'ORDER_NOT_FOUND',
  NOT_A_PARTY: 'NOT_A_PARTY',
  ONLY_SELLER: 'ONLY_SELLER',
  ONLY_BUYER: 'ONLY_BUYER',
  ONLY_SYSTEM: 'ONLY_SYSTEM',
  ONLY_DISPUTE_HANDLER: 'ONLY_DISPUTE_HANDLER',
  ONLY_CONTESTER: 'ONLY_CONTESTER',
  PROVIDER_NOT_VERIFIED: 'PROVIDER_NOT_VERIFIED',
  CANNOT_BUY_OWN_GIG: 'CANNOT_BUY_OWN_GIG',
  RESOLUTION_AMOUNTS_MISMATCH: 'RESOLUTION_AMOUNTS_MISMATCH',
  NOT_THE_OTHER_PARTY: 'NOT_THE_OTHER_PARTY',
  // 409, each naming the rule that refuses the transition
  ALREADY_PLACED: 'ORDER_ALREADY_PLACED',
  PLACEMENT_ABANDONED: 'ORDER_PLACEMENT_ABANDONED',
  AWAITING_FUNDS: 'ORDER_AWAITING_FUNDS',
  PAYMENT_EXPIRED: 'PAYMENT_EXPIRED',
  FUNDS_NOT_AWAITED: 'ORDER_FUNDS_NOT_AWAITED',
  FUNDS_NOT_YET_DUE: 'ORDER_FUNDS_NOT_YET_DUE',
  ALREADY_STARTED: 'ORDER_ALREADY_STARTED',
  NOT_STARTED: 'ORDER_NOT_STARTED',
  NOT_DELIVERED: 'ORDER_NOT_DELIVERED',
  ALREADY_DELIVERED: 'ORDER_ALREADY_DELIVERED',
  NOT_YET_LATE: 'ORDER_NOT_YET_LATE',
  AUTO_COMPLETION_NOT_DUE: 'ORDER_AUTO_COMPLETION_NOT_DUE',
  NOT_COMPLETED: 'ORDER_NOT_COMPLETED',
  ALREADY_REVIEWED: 'ORDER_ALREADY_REVIEWED',
  CONVERSATION_CLOSED: 'ORDER_CONVERSATION_CLOSED',
  CANCELLATION_REQUIRES_AGREEMENT: 'ORDER_CANCELLATION_REQUIRES_AGREEMENT',
  CANCELLATION_ALREADY_REQUESTED: 'ORDER_CANCELLATION_ALREADY_REQUESTED',
  NO_PENDING_CANCELLATION: 'ORDER_NO_PENDING_CANCELLATION',
  REQUESTER_CANNOT_ANSWER: 'ORDER_CANCELLATION_REQUESTER_CANNOT_ANSWER',
  NOT_CONTESTED: 'ORDER_NOT_CONTESTED',
  NO_CANCELLATION_MARK: 'ORDER_NO_CANCELLATION_MARK',
  CANCELLATION_MARK_ALREADY_AMENDED: 'CANCELLATION_MARK_ALREADY_AMENDED',
  FROZEN: 'ORDER_FROZEN',
  TERMINAL: 'ORDER_TERMINAL',
  // 400
  INVALID_AMOUNT: 'ORDER_INVALID_AMOUNT',
  INVALID_DELIVERY_DAYS: 'ORDER_INVALID_DELIVERY_DAYS',
  INVALID_COMMISSION_RATE: 'ORDER_INVALID_COMMISSION_RATE',
  INVALID_EXTRA: 'ORDER_INVALID_EXTRA',
  INVALID_FUNDING: 'ORDER_INVALID_FUNDING',
  MISSING_ID: 'ORDER_MISSING_ID',
  INVALID_AUTO_COMPLETION_DELAY: 'ORDER_INVALID_AUTO_COMPLETION_DELAY',
  DELIVERY_MESSAGE_REQUIRED: 'ORDER_DELIVERY_MESSAGE_REQUIRED',
  REVISION_INSTRUCTIONS_REQUIRED: 'ORDER_REVISION_INSTRUCTIONS_REQUIRED',
  CANCELLATION_REASON_REQUIRED: 'ORDER_CANCELLATION_REASON_REQUIRED',
  CONTEST_REASON_REQUIRED: 'ORDER_CONTEST_REASON_REQUIRED',
  CANCELLATION_MARK_INVALID_ACTION: 'CANCELLATION_MARK_INVALID_ACTION',
  CANCELLATION_MARK_COMMENT_REQUIRED: 'CANCELLATION_MARK_COMMENT_REQUIRED',
  INVALID_FILE_REF: 'ORDER_INVALID_FILE_REF',
  MESSAGE_EMPTY: 'ORDER_MESSAGE_EMPTY',
  MESSAGE_TOO_LONG: 'ORDER_MESSAGE_TOO_LONG',
  TEXT_TOO_LONG: 'ORDER_TEXT_TOO_LONG',
  REVIEW_INVALID_RATING: 'REVIEW_INVALID_RATING',
  REVIEW_COMMENT_REQUIRED: 'REVIEW_COMMENT_REQUIRED',
  REVIEW_COMMENT_TOO_LONG: 'REVIEW_COMMENT_TOO_LONG',
} as const;
export type OrderErrorCode = (typeof OrderErrorCode)[keyof typeof OrderErrorCode];

export const orderNotFound = (orderId: string) =>
  new NotFoundError(OrderErrorCode.NOT_FOUND, 'Order not found', { orderId });

/** A refused transition always names the current status so the API can show it. */
export const refused = (
  code: OrderErrorCode,
  state: { status: OrderStatus | 'none' },
  extra: Record<string, unknown> = {},
): IllegalStateError =>
  new IllegalStateError(code, `Not allowed while the order is ${state.status}`, {
    currentStatus: state.status,
    ...extra,
  });

/** A late retry of a placement the placement check already gave up (and refunded). */
export const placementAbandoned = (orderId: string) =>
  new IllegalStateError(
    OrderErrorCode.PLACEMENT_ABANDONED,
    'This placement was abandoned and its payment given back; place a new order',
    { orderId, currentStatus: 'placement_abandoned' },
  );

/** The funds of a transfer or PayPal order never arrived in time: the order id is closed. */
export const paymentExpired = (orderId: string) =>
  new IllegalStateError(
    OrderErrorCode.PAYMENT_EXPIRED,
    'The payment of this order never arrived in time; place a new order',
    { orderId, currentStatus: 'payment_expired' },
  );

export const frozen = (state: Extract<PlacedOrder, { status: 'contested' }>) =>
  refused(OrderErrorCode.FROZEN, state, { disputeId: state.dispute.disputeId });

export const forbidden = (
  code: OrderErrorCode,
  message: string,
  details: Record<string, unknown> = {},
) => new ForbiddenError(code, message, details);

export const invalid = (code: OrderErrorCode, field: string, extra: Record<string, unknown> = {}) =>
  new ValidationError(code, `Invalid order field: ${field}`, { field, ...extra });

export const ruleBroken = (
  code: OrderErrorCode,
  message: string,
  details: Record<string, unknown> = {},
) => new BusinessRuleError(code, message, details);
