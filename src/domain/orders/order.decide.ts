import { assertNever } from '../shared';
import {
  acceptCancellation,
  cancelOrder,
  declineCancellation,
  declineOrder,
  amendCancellationMark,
  markOrderLate,
  requestCancellation,
} from './order.cancellation';
import {
  AcceptDelivery,
  DeliverOrder,
  LeaveReview,
  OrderCommand,
  RequestRevision,
  StartOrder,
} from './order.commands';
import { contestOrder, resolveOrder, withdrawContest } from './order.dispute';
import { OrderErrorCode, forbidden, frozen, invalid, refused } from './order.errors';
import { OrderEvent } from './order.events';
import {
  addDays,
  ensureOpen,
  fileRefs,
  firstDeliveryLate,
  isPositiveInteger,
  placed,
  reached,
  requireBuyer,
  requireSeller,
  requireSystem,
  requiredId,
  requiredText,
} from './order.guards';
import { ORDER_MESSAGE_MAX_LENGTH, postMessage } from './order.messages';
import { abandonPlacement, placeOrder } from './order.place';
import { awaitOrderFunds, expireOrderFunds } from './order.funding';
import { OrderState } from './order.state';

export const REVIEW_COMMENT_MAX_LENGTH = 2_000;

/** "Start": the countdown begins now and its end is recorded as a fact. */
function startOrder({ data, meta }: StartOrder, state: OrderState): OrderEvent[] {
  const order = placed(state, data.orderId);
  requireSeller(order, meta);
  ensureOpen(order);
  if (order.status !== 'awaiting_start') throw refused(OrderErrorCode.ALREADY_STARTED, order);
  if (data.sellerVerified !== true) {
    throw forbidden(
      OrderErrorCode.PROVIDER_NOT_VERIFIED,
      'The provider has missing or expired documents',
      {
        missingDocuments: [...(data.missingDocuments ?? [])],
      },
    );
  }
  const { orderId, sellerId, totalDeliveryDays } = order.order;
  return [
    {
      type: 'OrderStarted',
      data: {
        orderId,
        sellerId,
        startedAt: meta.now,
        deliveryDueAt: addDays(meta.now, totalDeliveryDays),
        totalDeliveryDays,
      },
    },
  ];
}

function deliverOrder({ data, meta }: DeliverOrder, state: OrderState): OrderEvent[] {
  const order = placed(state, data.orderId);
  requireSeller(order, meta);
  ensureOpen(order);
  if (order.status === 'awaiting_start') throw refused(OrderErrorCode.NOT_STARTED, order);
  if (order.status === 'delivered') throw refused(OrderErrorCode.ALREADY_DELIVERED, order);
  const deliveryId = requiredId(data.deliveryId, 'deliveryId');
  const message = requiredText(
    data.message,
    'message',
    OrderErrorCode.DELIVERY_MESSAGE_REQUIRED,
    ORDER_MESSAGE_MAX_LENGTH,
  );
  return [
    {
      type: 'OrderDelivered',
      data: {
        orderId: order.order.orderId,
        deliveryId,
        message,
        fileRefs: fileRefs(data.fileRefs),
        deliveredAt: meta.now,
        late: firstDeliveryLate(order.progress, meta.now),
        revisionRound: order.progress.revisionRequests,
      },
    },
  ];
}

function requestRevision({ data, meta }: RequestRevision, state: OrderState): OrderEvent[] {
  const order = placed(state, data.orderId);
  requireBuyer(order, meta);
  ensureOpen(order);
  if (order.status !== 'delivered') throw refused(OrderErrorCode.NOT_DELIVERED, order);
  const instructions = requiredText(
    data.instructions,
    'instructions',
    OrderErrorCode.REVISION_INSTRUCTIONS_REQUIRED,
    ORDER_MESSAGE_MAX_LENGTH,
  );
  return [
    {
      type: 'OrderRevisionRequested',
      data: {
        orderId: order.order.orderId,
        instructions,
        revisionRound: order.progress.revisionRequests + 1,
        requestedAt: meta.now,
      },
    },
  ];
}

/**
 * Completion releases the escrow to the seller (net of commission) and hands the intellectual
 * property to the buyer.
 */
function acceptDelivery({ data, meta }: AcceptDelivery, state: OrderState): OrderEvent[] {
  const auto = data.auto === true;
  if (auto) requireSystem(meta);
  const order = placed(state, data.orderId);
  if (!auto) requireBuyer(order, meta);
  ensureOpen(order);
  if (order.status !== 'delivered' || order.progress.lastDeliveredAt === null) {
    throw refused(OrderErrorCode.NOT_DELIVERED, order);
  }
  if (auto) {
    const days = data.autoCompleteAfterDays;
    if (!isPositiveInteger(days))
      throw invalid(OrderErrorCode.INVALID_AUTO_COMPLETION_DELAY, 'autoCompleteAfterDays', {
        value: days,
      });
    const autoCompletesAt = addDays(order.progress.lastDeliveredAt, days);
    if (!reached(meta.now, autoCompletesAt)) {
      throw refused(OrderErrorCode.AUTO_COMPLETION_NOT_DUE, order, { autoCompletesAt });
    }
  }
  const { orderId, escrowId, buyerId, sellerId, amountCents, commissionCents, sellerNetCents } =
    order.order;
  return [
    {
      type: 'OrderCompleted',
      data: {
        orderId,
        escrowId,
        buyerId,
        sellerId,
        completedAt: meta.now,
        auto,
        amountCents,
        commissionCents,
        sellerNetCents,
        intellectualPropertyTransferredTo: buyerId,
      },
    },
  ];
}

function leaveReview({ data, meta }: LeaveReview, state: OrderState): OrderEvent[] {
  const order = placed(state, data.orderId);
  requireBuyer(order, meta);
  if (order.status === 'contested') throw frozen(order);
  if (order.status !== 'completed') throw refused(OrderErrorCode.NOT_COMPLETED, order);
  if (order.reviewed) throw refused(OrderErrorCode.ALREADY_REVIEWED, order);
  const { rating } = data;
  if (typeof rating !== 'number' || !Number.isInteger(rating) || rating < 1 || rating > 5) {
    throw invalid(OrderErrorCode.REVIEW_INVALID_RATING, 'rating', {
      value: rating,
      min: 1,
      max: 5,
    });
  }
  const comment = requiredText(data.comment, 'comment', OrderErrorCode.REVIEW_COMMENT_REQUIRED);
  if (comment.length > REVIEW_COMMENT_MAX_LENGTH) {
    throw invalid(OrderErrorCode.REVIEW_COMMENT_TOO_LONG, 'comment', {
      maxLength: REVIEW_COMMENT_MAX_LENGTH,
    });
  }
  const { orderId, buyerId, sellerId } = order.order;
  return [
    {
      type: 'OrderReviewed',
      data: { orderId, buyerId, sellerId, rating, comment, reviewedAt: meta.now },
    },
  ];
}

export function decide(command: OrderCommand, state: OrderState): OrderEvent[] {
  switch (command.type) {
    case 'PlaceOrder':
      return placeOrder(command, state);
    case 'AbandonPlacement':
      return abandonPlacement(command, state);
    case 'AwaitOrderFunds':
      return awaitOrderFunds(command, state);
    case 'ExpireOrderFunds':
      return expireOrderFunds(command, state);
    case 'StartOrder':
      return startOrder(command, state);
    case 'DeclineOrder':
      return declineOrder(command, state);
    case 'CancelOrder':
      return cancelOrder(command, state);
    case 'RequestCancellation':
      return requestCancellation(command, state);
    case 'AcceptCancellation':
      return acceptCancellation(command, state);
    case 'DeclineCancellation':
      return declineCancellation(command, state);
    case 'AmendCancellationMark':
      return amendCancellationMark(command, state);
    case 'MarkOrderLate':
      return markOrderLate(command, state);
    case 'DeliverOrder':
      return deliverOrder(command, state);
    case 'RequestRevision':
      return requestRevision(command, state);
    case 'AcceptDelivery':
      return acceptDelivery(command, state);
    case 'PostMessage':
      return postMessage(command, state);
    case 'LeaveReview':
      return leaveReview(command, state);
    case 'ContestOrder':
      return contestOrder(command, state);
    case 'WithdrawContest':
      return withdrawContest(command, state);
    case 'ResolveOrder':
      return resolveOrder(command, state);
    default:
      return assertNever(command);
  }
}
