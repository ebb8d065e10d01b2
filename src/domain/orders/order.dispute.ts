import { ContestOrder, ResolveOrder, WithdrawContest } from './order.commands';
import { OrderErrorCode, forbidden, frozen, invalid, refused, ruleBroken } from './order.errors';
import { OrderEvent } from './order.events';
import { OrderState, PlacedOrder, isTerminal } from './order.state';
import {
  ensureOpen,
  isDisputeHandler,
  partyOf,
  placed,
  requiredId,
  requiredText,
} from './order.guards';

/** Either party freezes a started, unfinished order until the dispute is decided. */
export function contestOrder({ data, meta }: ContestOrder, state: OrderState): OrderEvent[] {
  const order = placed(state, data.orderId);
  partyOf(order, meta);
  ensureOpen(order);
  if (order.status === 'awaiting_start') throw refused(OrderErrorCode.NOT_STARTED, order);
  const disputeId = requiredId(data.disputeId, 'disputeId');
  const reason = requiredText(data.reason, 'reason', OrderErrorCode.CONTEST_REASON_REQUIRED, 5_000);
  return [
    {
      type: 'OrderContested',
      data: {
        orderId: order.order.orderId,
        disputeId,
        contestedBy: meta.actorId,
        reason,
        previousStatus: order.status,
        contestedAt: meta.now,
      },
    },
  ];
}

/** Only the dispute that froze the order may unfreeze it; any other dispute id finds it frozen. */
function ownDispute(order: PlacedOrder, disputeId: string) {
  if (order.status !== 'contested') {
    throw refused(
      isTerminal(order.status) ? OrderErrorCode.TERMINAL : OrderErrorCode.NOT_CONTESTED,
      order,
    );
  }
  if (order.dispute.disputeId !== disputeId) throw frozen(order);
  return order.dispute;
}

/** The contester, or dispute staff on their behalf, withdraws: the order resumes where it was. */
export function withdrawContest({ data, meta }: WithdrawContest, state: OrderState): OrderEvent[] {
  const order = placed(state, data.orderId);
  const handler = isDisputeHandler(meta);
  if (!handler) partyOf(order, meta);
  const dispute = ownDispute(order, data.disputeId);
  if (!handler && dispute.contestedBy !== meta.actorId) {
    throw forbidden(
      OrderErrorCode.ONLY_CONTESTER,
      'Only the party who contested may withdraw the contest',
    );
  }
  return [
    {
      type: 'OrderContestWithdrawn',
      data: {
        orderId: order.order.orderId,
        disputeId: dispute.disputeId,
        withdrawnBy: meta.actorId,
        restoredStatus: dispute.previousStatus,
        withdrawnAt: meta.now,
      },
    },
  ];
}

function cents(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw invalid(OrderErrorCode.INVALID_AMOUNT, field, { value });
  }
  return value;
}

/**
 * Records the arbitration's split; it must account for the whole order amount, no more, no less.
 */
export function resolveOrder({ data, meta }: ResolveOrder, state: OrderState): OrderEvent[] {
  if (!isDisputeHandler(meta)) {
    throw forbidden(
      OrderErrorCode.ONLY_DISPUTE_HANDLER,
      'Only the dispute service or its staff may resolve an order',
    );
  }
  const order = placed(state, data.orderId);
  const dispute = ownDispute(order, data.disputeId);
  const refundedCents = cents(data.refundedCents, 'refundedCents');
  const releasedCents = cents(data.releasedCents, 'releasedCents');
  const commissionCents = cents(data.commissionCents, 'commissionCents');
  const sellerNetCents = cents(data.sellerNetCents, 'sellerNetCents');
  const { amountCents } = order.order;
  if (
    refundedCents + releasedCents !== amountCents ||
    commissionCents + sellerNetCents !== releasedCents
  ) {
    throw ruleBroken(
      OrderErrorCode.RESOLUTION_AMOUNTS_MISMATCH,
      'The resolution must split exactly the order amount',
      {
        amountCents,
        refundedCents,
        releasedCents,
        commissionCents,
        sellerNetCents,
      },
    );
  }
  return [
    {
      type: 'OrderResolved',
      data: {
        orderId: order.order.orderId,
        escrowId: order.order.escrowId,
        disputeId: dispute.disputeId,
        refundedCents,
        releasedCents,
        commissionCents,
        sellerNetCents,
        resolvedBy: meta.actorId,
        resolvedAt: meta.now,
      },
    },
  ];
}
