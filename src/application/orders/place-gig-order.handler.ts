import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { OrderErrorCode, OrderedExtra } from '../../domain/orders';
import {
  CommandMeta,
  IllegalStateError,
  NotFoundError,
  ValidationError,
} from '../../domain/shared';
import { GetGigQuery, GigView } from '../catalog/gig.query';
import { CausationContext } from '../shared/command-handling';
import { deterministicId } from '../shared/deterministic-id';
import { escrowIdForOrder, OrderFunding, PlacementResult } from './order-funding.service';
import { ORDER_SETTINGS, OrderSettings } from './order-settings';

/** The buyer orders a published gig with some of its extras and pays into escrow. */
export class PlaceGigOrderCommand {
  constructor(
    readonly orderId: string,
    readonly gigId: string,
    readonly extraIds: string[],
    readonly paymentMethod: string,
    readonly meta: CommandMeta,
    readonly causation: CausationContext,
  ) {}
}

export const UNKNOWN_EXTRA = 'ORDER_UNKNOWN_EXTRA';
export const GIG_NOT_ORDERABLE = 'GIG_NOT_PUBLISHED';

@CommandHandler(PlaceGigOrderCommand)
export class PlaceGigOrderHandler implements ICommandHandler<
  PlaceGigOrderCommand,
  PlacementResult
> {
  constructor(
    private readonly funding: OrderFunding,
    private readonly queryBus: QueryBus,
    @Inject(ORDER_SETTINGS) private readonly settings: OrderSettings,
  ) {}

  async execute({
    orderId,
    gigId,
    extraIds,
    paymentMethod,
    meta,
    causation,
  }: PlaceGigOrderCommand): Promise<PlacementResult> {
    // Both reads are independent: one round trip of waiting instead of two.
    const [existing, gig] = await Promise.all([
      this.funding.existing(orderId),
      this.queryBus.execute(new GetGigQuery(gigId)),
    ]);
    if (existing) {
      if (existing.state.status !== 'none' && existing.state.order.buyerId === meta.actorId)
        return existing;
      throw new IllegalStateError(OrderErrorCode.ALREADY_PLACED, 'This order id is already taken', {
        currentStatus: existing.state.status,
      });
    }
    if (!gig) throw new NotFoundError('GIG_NOT_FOUND', 'Gig not found', { gigId });
    if (gig.status !== 'published') {
      throw new IllegalStateError(GIG_NOT_ORDERABLE, 'Only a published gig can be ordered', {
        currentStatus: gig.status,
        gigId,
      });
    }
    return this.funding.fundAndPlace(
      {
        type: 'PlaceOrder',
        data: {
          orderId,
          escrowId: escrowIdForOrder(orderId),
          buyerId: meta.actorId,
          sellerId: gig.sellerId,
          source: {
            kind: 'catalog',
            gigId,
            gigTitle: gig.details.title,
            gigKind: gig.kind,
            unitPriceCents: gig.details.priceCents,
            deliveryDays: gig.details.deliveryDays,
            extras: chosenExtras(gig, extraIds),
            openingMessage: gig.details.openingMessage,
          },
          commissionRateBp: this.settings.catalogCommissionBp,
          messageId: deterministicId('opening-message', orderId),
        },
        meta,
      },
      paymentMethod,
      causation,
    );
  }
}

/** The buyer names extras by id; the price and delay come from the gig, never from the request. */
function chosenExtras(gig: GigView, extraIds: string[]): OrderedExtra[] {
  const unique = [...new Set(extraIds)];
  return unique.map((extraId) => {
    const extra = gig.details.extras.find((e) => e.extraId === extraId);
    if (!extra)
      throw new ValidationError(UNKNOWN_EXTRA, 'This gig has no such extra', {
        field: 'extraIds',
        extraId,
      });
    return { extraId, name: extra.name, priceCents: extra.priceCents, deltaDays: extra.deltaDays };
  });
}
