import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { orderDecider, PlaceOrder } from '../../domain/orders';
import { PAYMENT_GATEWAY, PaymentGateway } from '../payments/payment-gateway.port';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { escrowIdForOrder, OrderFunding } from './order-funding.service';
import { SettleAwaitedFunds, SettledFunds } from './order-funds.messages';
import { orderStream } from './order.messages';

/**
 * The funds of a transfer or PayPal order arrived: the order is placed as the system, with the
 * placement checked when it was requested. Repeated notifications find the order placed.
 */
@CommandHandler(SettleAwaitedFunds)
export class OrderFundsArrivedHandler implements ICommandHandler<SettleAwaitedFunds, SettledFunds> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    private readonly funding: OrderFunding,
  ) {}

  async execute({ funds, meta, causation }: SettleAwaitedFunds): Promise<SettledFunds> {
    const { state } = await loadAggregate(this.store, orderStream(funds.orderId), orderDecider);
    if (state.status !== 'none') return { outcome: 'already_placed' };
    if (state.fundsExpired) {
      // The money came too late for an order that no longer exists: it goes back to the buyer.
      await this.gateway.refund({
        escrowId: escrowIdForOrder(funds.orderId),
        paymentRef: funds.paymentRef,
        amountCents: funds.amountCents,
        idempotencyKey: `order-fund-${funds.orderId}-expired`,
      });
      return { outcome: 'refunded_expired' };
    }
    const awaiting = state.awaitingFunds;
    if (!awaiting || awaiting.paymentRef !== funds.paymentRef) return { outcome: 'not_awaited' };
    // A partial transfer keeps the order waiting; the gateway reports again once it is complete.
    if (funds.amountCents < awaiting.amountCents) return { outcome: 'underfunded' };
    const { event } = awaiting;
    const place: PlaceOrder = {
      type: 'PlaceOrder',
      data: {
        orderId: event.orderId,
        escrowId: event.escrowId,
        buyerId: event.buyerId,
        sellerId: event.sellerId,
        source: event.placement.source,
        commissionRateBp: event.placement.commissionRateBp,
        ...(event.placement.messageId !== undefined
          ? { messageId: event.placement.messageId }
          : {}),
      },
      meta,
    };
    await this.funding.openAndPlace(place, funds.paymentRef, causation);
    return { outcome: 'placed' };
  }
}
