import { AwaitOrderFunds, OrderCommand } from './order.commands';
import { command } from './order.command-fixtures.spec';
import { OrderAwaitingFunds, OrderEvent, OrderFundsExpired } from './order.events';
import { amounts, as, catalogSource, ids, spec, times } from './order.fixtures.spec';

const { orderId, escrowId, buyerId, sellerId } = ids;
const requestedAt = times.placedAt;
const fundsDueAt = '2025-06-08T08:00:00.000Z';
const afterDeadline = '2025-06-08T08:00:00.001Z';
const instructions = {
  kind: 'bank_transfer' as const,
  iban: 'FR7630001007941234567890185',
  bic: 'SIMUFRPPXXX',
  accountHolderName: 'Marketplace',
  reference: 'REF123',
  amountCents: amounts.amountCents,
};
const source = { ...catalogSource, openingMessage: 'Hello! Please send me your current plan.' };

const awaitFunds = (
  meta = as.buyer(requestedAt),
  data: Partial<AwaitOrderFunds['data']> = {},
): OrderCommand => {
  const place = command.place(meta) as Extract<OrderCommand, { type: 'PlaceOrder' }>;
  return {
    type: 'AwaitOrderFunds',
    data: {
      ...place.data,
      paymentMethod: 'bank_transfer',
      paymentRef: 'pi_1',
      instructions,
      fundsDueAt,
      ...data,
    },
    meta,
  };
};

const awaiting: OrderAwaitingFunds = {
  type: 'OrderAwaitingFunds',
  data: {
    orderId,
    escrowId,
    buyerId,
    sellerId,
    amountCents: amounts.amountCents,
    paymentMethod: 'bank_transfer',
    paymentRef: 'pi_1',
    instructions,
    fundsDueAt,
    requestedAt,
    placement: { source, commissionRateBp: 1_000, messageId: 'message-opening' },
  },
};

const expired: OrderFundsExpired = {
  type: 'OrderFundsExpired',
  data: {
    orderId,
    escrowId,
    buyerId,
    paymentRef: 'pi_1',
    fundsDueAt,
    expiredAt: afterDeadline,
  },
};

/** The events of the placement the funds' arrival makes. */
function placedAfterFunds(): OrderEvent[] {
  let events: OrderEvent[] = [];
  spec
    .given([awaiting])
    .when(command.place(as.system(times.startedAt)))
    .thenMatches((decided) => (events = decided));
  return events;
}

const expire = (meta = as.system(afterDeadline)): OrderCommand => ({
  type: 'ExpireOrderFunds',
  data: { orderId },
  meta,
});

describe('Order paid by bank transfer or PayPal: awaiting its funds', () => {
  it('waits for the funds with the amount, the bank details and the deadline as facts', () => {
    spec.given([]).when(awaitFunds()).then([awaiting]);
  });

  it('applies every placement rule before waiting (a seller cannot buy their own gig)', () => {
    spec
      .given([])
      .when(awaitFunds(as.buyer(requestedAt), { sellerId: buyerId }))
      .thenThrows('CANNOT_BUY_OWN_GIG');
  });

  it('refuses instructions that do not match the payment method', () => {
    spec
      .given([])
      .when(awaitFunds(as.buyer(requestedAt), { paymentMethod: 'paypal' }))
      .thenThrows('ORDER_INVALID_FUNDING', { field: 'instructions' });
  });

  it('refuses a deadline that is already past', () => {
    spec
      .given([])
      .when(awaitFunds(as.buyer(requestedAt), { fundsDueAt: requestedAt }))
      .thenThrows('ORDER_INVALID_FUNDING', { field: 'fundsDueAt' });
  });

  it('refuses to wait twice for the same order', () => {
    spec.given([awaiting]).when(awaitFunds()).thenThrows('ORDER_AWAITING_FUNDS');
  });

  it('is placed by the system when the funds arrive, with the opening message', () => {
    spec
      .given([awaiting])
      .when(command.place(as.system(times.startedAt)))
      .thenMatches((events) => {
        expect(events.map((e) => e.type)).toEqual(['OrderPlaced', 'OrderMessagePosted']);
        expect(events[0].data).toMatchObject({
          orderId,
          amountCents: amounts.amountCents,
          placedAt: times.startedAt,
        });
      });
  });

  it('cannot be placed by the buyer before the funds arrive', () => {
    spec
      .given([awaiting])
      .when(command.place(as.buyer(times.startedAt)))
      .thenThrows('ORDER_AWAITING_FUNDS');
  });

  it('once placed, is an ordinary order awaiting the start', () => {
    const events = placedAfterFunds();
    expect(spec.given([awaiting, ...events]).state().status).toBe('awaiting_start');
    spec
      .given([awaiting, ...events])
      .when(command.start())
      .thenMatches((started) => expect(started.map((e) => e.type)).toEqual(['OrderStarted']));
  });
});

describe('Order paid by bank transfer or PayPal: the funds deadline', () => {
  it('expires at the deadline when the funds never came', () => {
    spec.given([awaiting]).when(expire()).then([expired]);
  });

  it('does not expire before the deadline', () => {
    spec
      .given([awaiting])
      .when(expire(as.system(fundsDueAt.replace('08:00:00.000', '07:59:59.999'))))
      .thenThrows('ORDER_FUNDS_NOT_YET_DUE', { fundsDueAt });
  });

  it('needs nothing once the order was placed in time', () => {
    spec
      .given([awaiting, ...placedAfterFunds()])
      .when(expire())
      .then([]);
  });

  it('is the system’s to run', () => {
    spec
      .given([awaiting])
      .when(expire(as.buyer(afterDeadline)))
      .thenThrows('ONLY_SYSTEM');
  });

  it('is a no-op when already expired', () => {
    spec.given([awaiting, expired]).when(expire()).then([]);
  });

  it('refuses a late placement of an expired order with PAYMENT_EXPIRED', () => {
    spec
      .given([awaiting, expired])
      .when(command.place(as.system(afterDeadline)))
      .thenThrows('PAYMENT_EXPIRED', { currentStatus: 'payment_expired' });
    spec.given([awaiting, expired]).when(awaitFunds()).thenThrows('PAYMENT_EXPIRED');
  });
});
