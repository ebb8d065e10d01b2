import { OrderCommand } from './order.commands';
import { OrderEvent } from './order.events';
import { command } from './order.command-fixtures.spec';
import { amounts, as, catalogSource, ids, placed, spec, times } from './order.fixtures.spec';

const now = times.now;
const { orderId, escrowId, buyerId, sellerId } = ids;

describe('Order: when not placed yet', () => {
  it('places a catalog order: amount = price + extras, commission 10 % half-even, then posts the opening message as the seller', () => {
    spec
      .given([])
      .when(command.place())
      .then([
        { ...placed, data: { ...placed.data, placedAt: now } },
        {
          type: 'OrderMessagePosted',
          data: {
            orderId,
            messageId: 'message-opening',
            authorId: sellerId,
            text: 'Hello! Please send me your current plan.',
            fileRefs: [],
            automatic: true,
            contactDetails: [],
            postedAt: now,
          },
        },
      ]);
  });

  it('stores the commission rate it was given and the amounts computed from it', () => {
    spec
      .given([])
      .when(command.place(as.buyer(), { commissionRateBp: 1_250 }))
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({
          amountCents: 15_845,
          commissionRateBp: 1_250,
          commissionCents: 1_981, // 15 845 × 12.5 % = 1 980.625
          sellerNetCents: 13_864,
        }),
      );
  });

  it('rounds an exact half cent to the even neighbour (half-even)', () => {
    // 125 × 10 % = 12.5 → 12; 135 × 10 % = 13.5 → 14.
    for (const [price, commission] of [
      [125, 12],
      [135, 14],
    ]) {
      spec
        .given([])
        .when(
          command.place(as.buyer(), {
            source: { ...catalogSource, unitPriceCents: price, extras: [] },
          }),
        )
        .thenMatches(([event]) =>
          expect(event.data).toMatchObject({
            commissionCents: commission,
            sellerNetCents: price - commission,
          }),
        );
    }
  });

  it('posts no message when the gig has no opening message', () => {
    spec
      .given([])
      .when(
        command.place(as.buyer(), {
          source: { ...catalogSource, openingMessage: '  ' },
          messageId: undefined,
        }),
      )
      .thenMatches((events) => expect(events.map((event) => event.type)).toEqual(['OrderPlaced']));
  });

  it('needs a message id for the opening message', () => {
    spec
      .given([])
      .when(command.place(as.buyer(), { messageId: undefined }))
      .thenThrows('ORDER_MISSING_ID', { field: 'messageId' });
  });

  it('keeps a copy of the gig terms without the opening message', () => {
    spec
      .given([])
      .when(command.place())
      .thenMatches(([event]) =>
        expect(event.type === 'OrderPlaced' && event.data.source).toEqual(catalogSource),
      );
  });

  it('adds the extras’ delivery deltas, never below one day', () => {
    const faster = {
      ...catalogSource,
      deliveryDays: 2,
      extras: [
        { extraId: 'x-1', name: 'Express', priceCents: 100, deltaDays: -1 },
        { extraId: 'x-2', name: 'Super express', priceCents: 100, deltaDays: -1 },
      ],
    };
    spec
      .given([])
      .when(command.place(as.buyer(), { source: faster }))
      .thenMatches(([event]) =>
        expect(event.type === 'OrderPlaced' && event.data.totalDeliveryDays).toBe(1),
      );
  });

  it('places a custom order at its negotiated price and delay, with no opening message', () => {
    const source = {
      kind: 'custom' as const,
      customRequestId: 'request-1',
      title: 'Pitch deck',
      priceCents: 50_000,
      deliveryDays: 10,
    };
    spec
      .given([])
      .when(command.place(as.buyer(), { source, commissionRateBp: 2_000, messageId: undefined }))
      .then([
        {
          type: 'OrderPlaced',
          data: {
            orderId,
            escrowId,
            buyerId,
            sellerId,
            source,
            amountCents: 50_000,
            commissionRateBp: 2_000,
            commissionCents: 10_000,
            sellerNetCents: 40_000,
            totalDeliveryDays: 10,
            placedAt: now,
          },
        },
      ]);
  });

  it('may be placed by the system once the escrow is funded', () => {
    spec
      .given([])
      .when(command.place(as.system()))
      .thenMatches(([event]) => expect(event.data).toMatchObject({ buyerId, ...amounts }));
  });

  it('refuses a buyer buying their own gig with 422 CANNOT_BUY_OWN_GIG', () => {
    spec
      .given([])
      .when(command.place(as.buyer(), { sellerId: buyerId }))
      .thenThrows('CANNOT_BUY_OWN_GIG');
  });

  it('refuses anyone but the buyer or the system with 403 ONLY_BUYER', () => {
    spec.given([]).when(command.place(as.outsider())).thenThrows('ONLY_BUYER');
  });

  const invalidCases: Array<
    [string, Partial<Extract<OrderCommand, { type: 'PlaceOrder' }>['data']>, string]
  > = [
    ['a missing escrow id', { escrowId: '' }, 'ORDER_MISSING_ID'],
    ['a missing seller id', { sellerId: ' ' }, 'ORDER_MISSING_ID'],
    ['a negative commission rate', { commissionRateBp: -1 }, 'ORDER_INVALID_COMMISSION_RATE'],
    [
      'a commission rate above 100 %',
      { commissionRateBp: 10_001 },
      'ORDER_INVALID_COMMISSION_RATE',
    ],
    ['a fractional commission rate', { commissionRateBp: 999.5 }, 'ORDER_INVALID_COMMISSION_RATE'],
    ['a zero price', { source: { ...catalogSource, unitPriceCents: 0 } }, 'ORDER_INVALID_AMOUNT'],
    [
      'a fractional price',
      { source: { ...catalogSource, unitPriceCents: 10.5 } },
      'ORDER_INVALID_AMOUNT',
    ],
    [
      'zero delivery days',
      { source: { ...catalogSource, deliveryDays: 0 } },
      'ORDER_INVALID_DELIVERY_DAYS',
    ],
    [
      'an extra with a negative price',
      {
        source: {
          ...catalogSource,
          extras: [{ extraId: 'x', name: 'X', priceCents: -5, deltaDays: 0 }],
        },
      },
      'ORDER_INVALID_AMOUNT',
    ],
    [
      'the same extra chosen twice',
      {
        source: { ...catalogSource, extras: [catalogSource.extras[0]!, catalogSource.extras[0]!] },
      },
      'ORDER_INVALID_EXTRA',
    ],
    [
      'an extra with fractional days',
      {
        source: {
          ...catalogSource,
          extras: [{ extraId: 'x', name: 'X', priceCents: 5, deltaDays: 0.5 }],
        },
      },
      'ORDER_INVALID_EXTRA',
    ],
    [
      'a custom order without a price',
      {
        source: {
          kind: 'custom',
          customRequestId: 'r',
          title: 'T',
          priceCents: 0,
          deliveryDays: 3,
        },
      },
      'ORDER_INVALID_AMOUNT',
    ],
  ];
  it.each(invalidCases)('refuses %s with 400', (_label, data, code) => {
    spec.given([]).when(command.place(as.buyer(), data)).thenThrows(code);
  });
});

describe('Order: when already placed', () => {
  it('refuses to place it twice with 409 ORDER_ALREADY_PLACED', () => {
    spec
      .given([placed])
      .when(command.place())
      .thenThrows('ORDER_ALREADY_PLACED', { currentStatus: 'awaiting_start', orderId });
  });
});

describe('Order: a funded placement that never came (the placement check)', () => {
  const abandon = (meta = as.system()): OrderCommand => ({
    type: 'AbandonPlacement',
    data: { orderId, escrowId, buyerId, refundCents: amounts.amountCents },
    meta,
  });
  const abandoned: OrderEvent = {
    type: 'OrderPlacementAbandoned',
    data: { orderId, escrowId, buyerId, refundCents: amounts.amountCents, abandonedAt: now },
  };

  it('closes the order id and records the refund owed to the buyer', () => {
    spec.given([]).when(abandon()).then([abandoned]);
  });

  it('is the system’s alone: 403 ONLY_SYSTEM for the buyer', () => {
    spec.given([]).when(abandon(as.buyer())).thenThrows('ONLY_SYSTEM');
  });

  it('refuses to abandon an order that was placed: 409 ORDER_ALREADY_PLACED', () => {
    spec
      .given([placed])
      .when(abandon())
      .thenThrows('ORDER_ALREADY_PLACED', { currentStatus: 'awaiting_start' });
  });

  it('does nothing more when the check runs again', () => {
    spec.given([abandoned]).when(abandon()).then([]);
  });

  it('refuses a late retry of the placement with 409 ORDER_PLACEMENT_ABANDONED', () => {
    spec
      .given([abandoned])
      .when(command.place())
      .thenThrows('ORDER_PLACEMENT_ABANDONED', { currentStatus: 'placement_abandoned', orderId });
  });

  it('leaves no order to act on: starting it answers 404 ORDER_NOT_FOUND', () => {
    spec.given([abandoned]).when(command.start()).thenThrows('ORDER_NOT_FOUND');
  });
});
