import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  OrderErrorCode,
  OrderEvent,
  OrderPlaced,
  OrderState,
  PlaceOrder,
  orderDecider,
  paymentExpired,
  placementAbandoned,
} from '../../domain/orders';
import { DomainError, ValidationError } from '../../domain/shared';
import { EscrowCommandMessage } from '../escrow/escrow.messages';
import {
  FundingAnswer,
  isDeferredPaymentMethod,
  PAYMENT_GATEWAY,
  PaymentGateway,
} from '../payments/payment-gateway.port';
import { CausationContext, HandleResult, loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { deterministicId, eventIdsFrom } from '../shared/deterministic-id';
import { OrderCommandMessage, orderStream } from './order.messages';
import { ORDER_SETTINGS, OrderSettings } from './order-settings';

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
    @Inject(ORDER_SETTINGS) private readonly settings: OrderSettings,
  ) {}

  /** The order already placed under this id, or null; refuses an id whose placement was abandoned. */
  async existing(orderId: string): Promise<PlacementResult | null> {
    const { state, revision } = await loadAggregate(this.store, orderStream(orderId), orderDecider);
    // A late retry of an abandoned placement is refused before any money moves again.
    if (state.status === 'none' && state.placementAbandoned) throw placementAbandoned(orderId);
    if (state.status === 'none' && state.fundsExpired) throw paymentExpired(orderId);
    if (state.status === 'none' && state.awaitingFunds)
      return {
        orderId,
        escrowId: state.awaitingFunds.event.escrowId,
        state,
        revision,
        replayed: true,
      };
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
    const { orderId, escrowId, buyerId } = place.data;
    // Every rule of the placement is checked before any money moves.
    const placed = orderDecider.decide(place, orderDecider.initialState())[0] as OrderPlaced;
    const { amountCents, totalDeliveryDays } = placed.data;
    const fundingKey = `order-fund-${orderId}`;
    // A custom request converts on placement; a payment that may never come cannot convert it.
    if (afterFunding && isDeferredPaymentMethod(paymentMethod))
      throw new ValidationError('PAYMENT_METHOD_NOT_ACCEPTED', 'A custom offer is paid by card', {
        field: 'paymentMethod',
        paymentMethod,
      });
    const payment = await this.gateway.fundEscrow({
      escrowId,
      amountCents,
      payerId: buyerId,
      paymentMethod,
      orderId,
      dueAt: new Date(Date.parse(place.meta.now) + totalDeliveryDays * DAY_MS).toISOString(),
      idempotencyKey: fundingKey,
    });
    if (payment.mode === 'awaiting_funds') return this.awaitFunds(place, payment, causation);
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
    return this.openAndPlace(place, payment.paymentRef, causation);
  }

  /**
   * The money is secured (at placement, or when awaited funds arrive): the escrow opens with that
   * payment and the order is placed. Safe to repeat: both commands derive their event ids.
   */
  async openAndPlace(
    place: PlaceOrder,
    paymentRef: string,
    causation: CausationContext,
  ): Promise<PlacementResult> {
    const { orderId, escrowId, buyerId, sellerId, commissionRateBp } = place.data;
    const placed = orderDecider.decide(place, orderDecider.initialState())[0] as OrderPlaced;
    const { amountCents } = placed.data;
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
            paymentRef,
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

  /** A bank transfer or PayPal: the order waits for its funds, with the deadline as a fact. */
  private async awaitFunds(
    place: PlaceOrder,
    payment: Extract<FundingAnswer, { mode: 'awaiting_funds' }>,
    causation: CausationContext,
  ): Promise<PlacementResult> {
    const { orderId, escrowId } = place.data;
    const fundsDueAt = new Date(
      Date.parse(place.meta.now) + this.settings.fundsWindowHours * 3_600_000,
    ).toISOString();
    const result: HandleResult<OrderState, OrderEvent> = await this.commandBus.execute(
      new OrderCommandMessage(
        orderId,
        {
          type: 'AwaitOrderFunds',
          data: {
            ...place.data,
            paymentMethod: payment.instructions.kind,
            paymentRef: payment.paymentRef,
            instructions: payment.instructions,
            fundsDueAt,
          },
          meta: place.meta,
        },
        causation,
        { eventIds: eventIdsFrom(orderId, 'awaiting-funds') },
      ),
    );
    return {
      orderId,
      escrowId,
      state: result.state,
      revision: result.nextExpectedRevision,
      replayed: false,
    };
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
