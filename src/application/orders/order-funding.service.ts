import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  OrderErrorCode,
  OrderEvent,
  OrderPlaced,
  OrderState,
  PlaceOrder,
  orderDecider,
  placementAbandoned,
} from '../../domain/orders';
import { DomainError } from '../../domain/shared';
import { EscrowCommandMessage } from '../escrow/escrow.messages';
import { PAYMENT_GATEWAY, PaymentGateway } from '../payments/payment-gateway.port';
import { CausationContext, HandleResult, loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { deterministicId, eventIdsFrom } from '../shared/deterministic-id';
import { OrderCommandMessage, orderStream } from './order.messages';

export interface PlacementResult {
  orderId: string;
  escrowId: string;
  state: OrderState;
  revision: bigint | null;
  /** True when the order already existed and nothing was charged again. */
  replayed: boolean;
}

const DAY_MS = 86_400_000;

/** The escrow of an order has an id derived from it, so every retry finds the same escrow. */
export const escrowIdForOrder = (orderId: string) => deterministicId('escrow', orderId);

/**
 * An order exists only once its escrow is funded: validate the placement without writing, secure the
 * money at the gateway, open the escrow with that payment, then place the order. Every id and key
 * derives from the order id, so a retry after any failure resumes without charging twice.
 */
@Injectable()
export class OrderFunding {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    private readonly commandBus: CommandBus,
  ) {}

  /** The order already placed under this id, or null; refuses an id whose placement was abandoned. */
  async existing(orderId: string): Promise<PlacementResult | null> {
    const { state, revision } = await loadAggregate(this.store, orderStream(orderId), orderDecider);
    // A late retry of an abandoned placement is refused before any money moves again.
    if (state.status === 'none' && state.placementAbandoned) throw placementAbandoned(orderId);
    if (state.status === 'none') return null;
    return { orderId, escrowId: state.order.escrowId, state, revision, replayed: true };
  }

  /**
   * `afterFunding` runs once the money is secured and before the escrow opens (a custom request
   * records its conversion there); if it refuses, the payment is given back.
   */
  async fundAndPlace(
    place: PlaceOrder,
    paymentMethod: string,
    causation: CausationContext,
    afterFunding?: () => Promise<void>,
  ): Promise<PlacementResult> {
    const { orderId, escrowId, buyerId, sellerId, commissionRateBp } = place.data;
    // Every rule of the placement is checked before any money moves.
    const placed = orderDecider.decide(place, orderDecider.initialState())[0] as OrderPlaced;
    const { amountCents, totalDeliveryDays } = placed.data;
    const fundingKey = `order-fund-${orderId}`;
    const payment = await this.gateway.fundEscrow({
      escrowId,
      amountCents,
      payerId: buyerId,
      paymentMethod,
      dueAt: new Date(Date.parse(place.meta.now) + totalDeliveryDays * DAY_MS).toISOString(),
      idempotencyKey: fundingKey,
    });
    if (afterFunding) {
      try {
        await afterFunding();
      } catch (error) {
        if (error instanceof DomainError) {
          await this.gateway.refund({
            escrowId,
            paymentRef: payment.paymentRef,
            amountCents,
            idempotencyKey: `${fundingKey}-abandoned`,
          });
        }
        throw error;
      }
    }
    await this.commandBus.execute(
      new EscrowCommandMessage(
        escrowId,
        {
          type: 'OpenEscrow',
          data: {
            escrowId,
            subject: { kind: 'order', id: orderId },
            payerId: buyerId,
            payeeId: sellerId,
            commissionRateBp,
            trancheId: deterministicId('tranche', orderId),
            amountCents,
            paymentRef: payment.paymentRef,
          },
          meta: place.meta,
        },
        causation,
        { eventIds: eventIdsFrom(orderId, 'escrow-opened') },
      ),
    );
    try {
      const result: HandleResult<OrderState, OrderEvent> = await this.commandBus.execute(
        new OrderCommandMessage(orderId, place, causation, {
          eventIds: eventIdsFrom(orderId, 'placed'),
        }),
      );
      return {
        orderId,
        escrowId,
        state: result.state,
        revision: result.nextExpectedRevision,
        replayed: false,
      };
    } catch (error) {
      if (error instanceof DomainError && error.code === OrderErrorCode.ALREADY_PLACED) {
        const twin = await this.existing(orderId);
        if (twin) return twin;
      }
      // An abandoned placement was already given back by the placement check.
      if (error instanceof DomainError && error.code !== OrderErrorCode.PLACEMENT_ABANDONED)
        await this.giveBack(escrowId, amountCents, orderId, place, causation);
      throw error;
    }
  }

  /** The escrow was funded but the order refused: the whole amount goes back to the buyer. */
  private async giveBack(
    escrowId: string,
    amountCents: number,
    orderId: string,
    place: PlaceOrder,
    causation: CausationContext,
  ) {
    await this.commandBus.execute(
      new EscrowCommandMessage(
        escrowId,
        {
          type: 'RefundEscrow',
          data: {
            refundId: deterministicId('placement-refused', orderId),
            amountCents,
            reason: 'cancelled',
          },
          meta: { now: place.meta.now, actorId: 'system', actorRole: 'system' },
        },
        causation,
        { eventIds: eventIdsFrom(orderId, 'placement-refused') },
      ),
    );
  }
}
