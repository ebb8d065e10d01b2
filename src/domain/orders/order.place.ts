import { percentOf } from '../shared';
import { detectContactDetails } from './contact-details';
import { AbandonPlacement, PlaceOrder } from './order.commands';
import {
  OrderErrorCode,
  forbidden,
  invalid,
  paymentExpired,
  placementAbandoned,
  refused,
  ruleBroken,
} from './order.errors';
import { OrderEvent, OrderSource, OrderedExtra } from './order.events';
import { OrderState } from './order.state';
import { isPositiveInteger, requireSystem, requiredId } from './order.guards';

const MAX_DELIVERY_DAYS = 730;

function price(value: unknown, field: string): number {
  if (!isPositiveInteger(value)) throw invalid(OrderErrorCode.INVALID_AMOUNT, field, { value });
  return value;
}

function deliveryDays(value: unknown): number {
  if (!isPositiveInteger(value) || value > MAX_DELIVERY_DAYS) {
    throw invalid(OrderErrorCode.INVALID_DELIVERY_DAYS, 'source.deliveryDays', { value });
  }
  return value;
}

function chosenExtras(extras: readonly OrderedExtra[]): OrderedExtra[] {
  const seen = new Set<string>();
  return extras.map((extra, index) => {
    const field = `source.extras[${index}]`;
    if (
      typeof extra.extraId !== 'string' ||
      extra.extraId.length === 0 ||
      seen.has(extra.extraId)
    ) {
      throw invalid(OrderErrorCode.INVALID_EXTRA, `${field}.extraId`, { extraId: extra.extraId });
    }
    seen.add(extra.extraId);
    if (!Number.isSafeInteger(extra.deltaDays))
      throw invalid(OrderErrorCode.INVALID_EXTRA, `${field}.deltaDays`);
    return {
      extraId: extra.extraId,
      name: extra.name,
      priceCents: price(extra.priceCents, `${field}.priceCents`),
      deltaDays: extra.deltaDays,
    };
  });
}

/**
 * The source as stored: a snapshot of the terms, without the opening message (posted as a message).
 */
function snapshot(source: PlaceOrder['data']['source']): {
  source: OrderSource;
  amountCents: number;
  totalDays: number;
} {
  if (source.kind === 'custom') {
    const priceCents = price(source.priceCents, 'source.priceCents');
    const days = deliveryDays(source.deliveryDays);
    return {
      source: {
        kind: 'custom',
        customRequestId: source.customRequestId,
        title: source.title,
        priceCents,
        deliveryDays: days,
      },
      amountCents: priceCents,
      totalDays: days,
    };
  }
  const unitPriceCents = price(source.unitPriceCents, 'source.unitPriceCents');
  const days = deliveryDays(source.deliveryDays);
  const extras = chosenExtras(source.extras ?? []);
  const amountCents = extras.reduce((total, extra) => total + extra.priceCents, unitPriceCents);
  if (!Number.isSafeInteger(amountCents))
    throw invalid(OrderErrorCode.INVALID_AMOUNT, 'amount', { amountCents });
  // Several faster-delivery extras together may cut more than the gig allows; one day is the floor.
  const totalDays = Math.max(
    1,
    extras.reduce((total, extra) => total + extra.deltaDays, days),
  );
  return {
    source: {
      kind: 'catalog',
      gigId: source.gigId,
      gigTitle: source.gigTitle,
      gigKind: source.gigKind,
      unitPriceCents,
      deliveryDays: days,
      extras,
    },
    amountCents,
    totalDays,
  };
}

export function placeOrder({ data, meta }: PlaceOrder, state: OrderState): OrderEvent[] {
  if (state.status !== 'none')
    throw refused(OrderErrorCode.ALREADY_PLACED, state, { orderId: data.orderId });
  if (state.placementAbandoned) throw placementAbandoned(data.orderId);
  if (state.fundsExpired) throw paymentExpired(data.orderId);
  // Only the arrival of the awaited funds places an order that waits for them.
  if (state.awaitingFunds && meta.actorRole !== 'system')
    throw refused(OrderErrorCode.AWAITING_FUNDS, { status: 'none' }, { orderId: data.orderId });
  const orderId = requiredId(data.orderId, 'orderId');
  const escrowId = requiredId(data.escrowId, 'escrowId');
  const buyerId = requiredId(data.buyerId, 'buyerId');
  const sellerId = requiredId(data.sellerId, 'sellerId');
  // The payment webhook may place the order on the buyer's behalf once the escrow is funded.
  if (meta.actorRole !== 'system' && meta.actorId !== buyerId) {
    throw forbidden(OrderErrorCode.ONLY_BUYER, 'Only the buyer may place an order');
  }
  if (buyerId === sellerId) {
    throw ruleBroken(OrderErrorCode.CANNOT_BUY_OWN_GIG, 'A seller cannot buy their own offer', {
      sellerId,
    });
  }
  const rate = data.commissionRateBp;
  if (!Number.isSafeInteger(rate) || rate < 0 || rate > 10_000) {
    throw invalid(OrderErrorCode.INVALID_COMMISSION_RATE, 'commissionRateBp', { value: rate });
  }
  const { source, amountCents, totalDays } = snapshot(data.source);
  // Rounded half-even once, here; every later figure reuses the stored result.
  const commissionCents = percentOf(amountCents, rate);
  const events: OrderEvent[] = [
    {
      type: 'OrderPlaced',
      data: {
        orderId,
        escrowId,
        buyerId,
        sellerId,
        source,
        amountCents,
        commissionRateBp: rate,
        commissionCents,
        sellerNetCents: amountCents - commissionCents,
        totalDeliveryDays: totalDays,
        placedAt: meta.now,
      },
    },
  ];
  const opening = data.source.kind === 'catalog' ? (data.source.openingMessage ?? '').trim() : '';
  if (opening.length > 0) {
    events.push({
      type: 'OrderMessagePosted',
      data: {
        orderId,
        messageId: requiredId(data.messageId, 'messageId'),
        authorId: sellerId,
        text: opening,
        fileRefs: [],
        automatic: true,
        contactDetails: detectContactDetails(opening),
        postedAt: meta.now,
      },
    });
  }
  return events;
}

/**
 * The placement check, some time after an order's escrow was funded: if the order was never
 * placed, its id is closed (a late retry of the placement is refused) and the buyer refunded.
 * An order that exists refuses it; a placement already abandoned needs nothing more.
 */
export function abandonPlacement(
  { data, meta }: AbandonPlacement,
  state: OrderState,
): OrderEvent[] {
  requireSystem(meta);
  if (state.status !== 'none')
    throw refused(OrderErrorCode.ALREADY_PLACED, state, { orderId: data.orderId });
  if (state.placementAbandoned) return [];
  if (!isPositiveInteger(data.refundCents))
    throw invalid(OrderErrorCode.INVALID_AMOUNT, 'refundCents', { value: data.refundCents });
  return [
    {
      type: 'OrderPlacementAbandoned',
      data: {
        orderId: requiredId(data.orderId, 'orderId'),
        escrowId: requiredId(data.escrowId, 'escrowId'),
        buyerId: requiredId(data.buyerId, 'buyerId'),
        refundCents: data.refundCents,
        abandonedAt: meta.now,
      },
    },
  ];
}
