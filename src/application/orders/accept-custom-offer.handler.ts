import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  AcceptOffer,
  CustomRequestConvertedToOrder,
  CustomRequestErrorCode,
  CustomRequestState,
  customRequestDecider,
} from '../../domain/orders';
import { CommandMeta, DomainError, ForbiddenError, IllegalStateError } from '../../domain/shared';
import { CausationContext, loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { CustomRequestCommandMessage, customRequestStream } from './custom-request.messages';
import { deterministicId, eventIdsFrom } from '../shared/deterministic-id';
import { escrowIdForOrder, OrderFunding, PlacementResult } from './order-funding.service';
import { ORDER_SETTINGS, OrderSettings } from './order-settings';

/** The buyer accepts one seller's offer on a custom request and pays: the request becomes an order. */
export class AcceptCustomOfferCommand {
  constructor(
    readonly customRequestId: string,
    readonly sellerId: string,
    readonly paymentMethod: string,
    readonly meta: CommandMeta,
    readonly causation: CausationContext,
  ) {}
}

/** A request converts once, so its order id derives from it and a retry finds the same order. */
export const orderIdForCustomRequest = (customRequestId: string) =>
  deterministicId('custom-order', customRequestId);

type Terms = CustomRequestConvertedToOrder['data'];

const convertedAlready = () =>
  new IllegalStateError(
    CustomRequestErrorCode.CLOSED,
    'Not allowed while the custom request is converted',
    { currentStatus: 'converted' },
  );

@CommandHandler(AcceptCustomOfferCommand)
export class AcceptCustomOfferHandler implements ICommandHandler<
  AcceptCustomOfferCommand,
  PlacementResult
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly funding: OrderFunding,
    private readonly commandBus: CommandBus,
    @Inject(ORDER_SETTINGS) private readonly settings: OrderSettings,
  ) {}

  async execute({
    customRequestId,
    sellerId,
    paymentMethod,
    meta,
    causation,
  }: AcceptCustomOfferCommand): Promise<PlacementResult> {
    const orderId = orderIdForCustomRequest(customRequestId);
    const existing = await this.funding.existing(orderId);
    if (existing && existing.state.status !== 'none') {
      if (existing.state.order.buyerId !== meta.actorId)
        throw new ForbiddenError(CustomRequestErrorCode.ONLY_BUYER, 'Only the buyer may do this');
      if (existing.state.order.sellerId !== sellerId) throw convertedAlready();
      return existing;
    }
    const request = await loadAggregate(
      this.store,
      customRequestStream(customRequestId),
      customRequestDecider,
    );
    const accept: AcceptOffer = {
      type: 'AcceptOffer',
      data: {
        customRequestId,
        offerSellerId: sellerId,
        orderId,
        commissionRateBp: this.settings.customCommissionBp,
      },
      meta,
    };
    const resumed = this.convertedTerms(request.state, request.events, orderId, sellerId, meta);
    // Checked without writing: nothing is recorded, nor charged, for an offer the buyer may not accept.
    const terms =
      resumed ??
      (customRequestDecider.decide(accept, request.state)[0] as CustomRequestConvertedToOrder).data;
    return this.funding.fundAndPlace(
      {
        type: 'PlaceOrder',
        data: {
          orderId,
          escrowId: escrowIdForOrder(orderId),
          buyerId: terms.buyerId,
          sellerId: terms.sellerId,
          source: {
            kind: 'custom',
            customRequestId,
            title: terms.title,
            priceCents: terms.priceCents,
            deliveryDays: terms.deliveryDays,
          },
          commissionRateBp: terms.commissionRateBp,
        },
        meta,
      },
      paymentMethod,
      causation,
      resumed ? undefined : () => this.convert(accept, orderId, causation),
    );
  }

  /** A conversion already recorded for this very order (an interrupted earlier attempt) is resumed. */
  private convertedTerms(
    state: CustomRequestState,
    events: { type: string; data: unknown }[],
    orderId: string,
    sellerId: string,
    meta: CommandMeta,
  ): Terms | null {
    if (state.status !== 'converted' || state.orderId !== orderId) return null;
    if (state.request.buyerId !== meta.actorId)
      throw new ForbiddenError(CustomRequestErrorCode.ONLY_BUYER, 'Only the buyer may do this');
    if (state.sellerId !== sellerId) throw convertedAlready();
    const converted = events.find((e) => e.type === 'CustomRequestConvertedToOrder');
    return converted ? (converted.data as Terms) : null;
  }

  private async convert(
    accept: AcceptOffer,
    orderId: string,
    causation: CausationContext,
  ): Promise<void> {
    try {
      await this.commandBus.execute(
        new CustomRequestCommandMessage(accept.data.customRequestId, accept, causation, {
          eventIds: eventIdsFrom(orderId, 'converted'),
        }),
      );
    } catch (error) {
      // A concurrent twin of this request converted it to the same order: carry on with it.
      if (error instanceof DomainError) {
        const now = await loadAggregate(
          this.store,
          customRequestStream(accept.data.customRequestId),
          customRequestDecider,
        );
        if (
          now.state.status === 'converted' &&
          now.state.orderId === orderId &&
          now.state.sellerId === accept.data.offerSellerId
        )
          return;
      }
      throw error;
    }
  }
}
