import { AwaitOrderFunds, ExpireOrderFunds } from './order.commands';
import {
  OrderErrorCode,
  invalid,
  paymentExpired,
  placementAbandoned,
  refused,
} from './order.errors';
import { OrderEvent, OrderPlaced } from './order.events';
import { requireSystem, requiredId } from './order.guards';
import { placeOrder } from './order.place';
import { OrderState, initialState } from './order.state';

const isIso = (value: unknown): value is string =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value));

function checkedInstructions(command: AwaitOrderFunds): AwaitOrderFunds['data']['instructions'] {
  const { instructions, paymentMethod } = command.data;
  if (!instructions || instructions.kind !== paymentMethod)
    throw invalid(OrderErrorCode.INVALID_FUNDING, 'instructions', { paymentMethod });
  return instructions;
}

/**
 * A bank transfer or PayPal order: the placement is checked as a card placement would be, then the
 * order waits for its funds until the deadline; nothing is placed and no escrow opens before they come.
 */
export function awaitOrderFunds(command: AwaitOrderFunds, state: OrderState): OrderEvent[] {
  const { data, meta } = command;
  if (state.status !== 'none')
    throw refused(OrderErrorCode.ALREADY_PLACED, state, { orderId: data.orderId });
  if (state.placementAbandoned) throw placementAbandoned(data.orderId);
  if (state.fundsExpired) throw paymentExpired(data.orderId);
  if (state.awaitingFunds)
    throw refused(OrderErrorCode.AWAITING_FUNDS, state, { orderId: data.orderId });
  // Every rule of a placement applies: the same checks, on a fresh order.
  const placed = placeOrder({ type: 'PlaceOrder', data, meta }, initialState())[0] as OrderPlaced;
  const paymentRef = requiredId(data.paymentRef, 'paymentRef');
  if (!isIso(data.fundsDueAt) || Date.parse(data.fundsDueAt) <= Date.parse(meta.now))
    throw invalid(OrderErrorCode.INVALID_FUNDING, 'fundsDueAt', { value: data.fundsDueAt });
  const instructions = checkedInstructions(command);
  const { source } = data;
  return [
    {
      type: 'OrderAwaitingFunds',
      data: {
        orderId: placed.data.orderId,
        escrowId: placed.data.escrowId,
        buyerId: placed.data.buyerId,
        sellerId: placed.data.sellerId,
        amountCents: placed.data.amountCents,
        paymentMethod: data.paymentMethod,
        paymentRef,
        instructions,
        fundsDueAt: data.fundsDueAt,
        requestedAt: meta.now,
        placement: {
          source,
          commissionRateBp: data.commissionRateBp,
          ...(data.messageId !== undefined ? { messageId: data.messageId } : {}),
        },
      },
    },
  ];
}

/** At the deadline, an order still waiting for its funds expires; one already placed needs nothing. */
export function expireOrderFunds(
  { data, meta }: ExpireOrderFunds,
  state: OrderState,
): OrderEvent[] {
  requireSystem(meta);
  if (state.status !== 'none') return [];
  if (state.fundsExpired) return [];
  const awaiting = state.awaitingFunds;
  if (!awaiting) throw refused(OrderErrorCode.FUNDS_NOT_AWAITED, state, { orderId: data.orderId });
  if (Date.parse(meta.now) < Date.parse(awaiting.fundsDueAt))
    throw refused(OrderErrorCode.FUNDS_NOT_YET_DUE, state, { fundsDueAt: awaiting.fundsDueAt });
  return [
    {
      type: 'OrderFundsExpired',
      data: {
        orderId: awaiting.event.orderId,
        escrowId: awaiting.event.escrowId,
        buyerId: awaiting.event.buyerId,
        paymentRef: awaiting.paymentRef,
        fundsDueAt: awaiting.fundsDueAt,
        expiredAt: meta.now,
      },
    },
  ];
}
