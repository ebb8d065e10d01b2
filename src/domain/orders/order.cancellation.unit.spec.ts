import { command } from './order.command-fixtures.spec';
import { as, cancellationRequestedBy, history, ids, spec, times } from './order.fixtures.spec';

const { orderId, escrowId, buyerId, sellerId } = ids;
const now = times.now;

describe('Order cancellation by agreement: when started and no request is pending', () => {
  it.each(['active', 'delivered', 'in_revision'] as const)(
    'lets either party ask while %s',
    (status) => {
      spec
        .given(history[status])
        .when(command.requestCancellation(as.seller(), ' Too busy '))
        .then([
          {
            type: 'OrderCancellationRequested',
            data: { orderId, requestedBy: sellerId, reason: 'Too busy', requestedAt: now },
          },
        ]);
    },
  );

  it('refuses a request without a reason', () => {
    spec
      .given(history.active)
      .when(command.requestCancellation(as.buyer(), ''))
      .thenThrows('ORDER_CANCELLATION_REASON_REQUIRED');
  });

  it('has nothing to accept or decline', () => {
    spec
      .given(history.active)
      .when(command.acceptCancellation())
      .thenThrows('ORDER_NO_PENDING_CANCELLATION', { currentStatus: 'active' });
    spec
      .given(history.active)
      .when(command.declineCancellation())
      .thenThrows('ORDER_NO_PENDING_CANCELLATION');
  });
});

describe('Order cancellation by agreement: when a request is pending', () => {
  const askedByBuyer = [...history.delivered, cancellationRequestedBy(buyerId)];
  const askedBySeller = [...history.active, cancellationRequestedBy(sellerId)];

  it('cancels when the other party accepts: full refund, marked on the requester’s profile', () => {
    spec
      .given(askedByBuyer)
      .when(command.acceptCancellation(as.seller()))
      .then([
        {
          type: 'OrderCancelled',
          data: {
            orderId,
            escrowId,
            reason: 'mutual',
            cancelledBy: buyerId,
            refundCents: 15_845,
            markedOn: buyerId,
            cancelledAt: now,
          },
        },
      ]);
  });

  it('marks the seller when the seller asked and the buyer accepted', () => {
    spec
      .given(askedBySeller)
      .when(command.acceptCancellation(as.buyer()))
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({
          reason: 'mutual',
          cancelledBy: sellerId,
          markedOn: sellerId,
        }),
      );
  });

  it('records the other party’s refusal and clears the request', () => {
    spec
      .given(askedByBuyer)
      .when(command.declineCancellation(as.seller()))
      .then([
        {
          type: 'OrderCancellationDeclined',
          data: { orderId, requestedBy: buyerId, declinedBy: sellerId, declinedAt: now },
        },
      ]);
    const afterRefusal = [
      ...askedByBuyer,
      ...[
        {
          type: 'OrderCancellationDeclined' as const,
          data: { orderId, requestedBy: buyerId, declinedBy: sellerId, declinedAt: now },
        },
      ],
    ];
    spec
      .given(afterRefusal)
      .when(command.acceptCancellation(as.seller()))
      .thenThrows('ORDER_NO_PENDING_CANCELLATION');
    spec
      .given(afterRefusal)
      .when(command.requestCancellation(as.buyer()))
      .thenMatches((events) =>
        expect(events.map((e) => e.type)).toEqual(['OrderCancellationRequested']),
      );
  });

  it('forbids the requester to answer their own request', () => {
    spec
      .given(askedByBuyer)
      .when(command.acceptCancellation(as.buyer()))
      .thenThrows('ORDER_CANCELLATION_REQUESTER_CANNOT_ANSWER');
    spec
      .given(askedByBuyer)
      .when(command.declineCancellation(as.buyer()))
      .thenThrows('ORDER_CANCELLATION_REQUESTER_CANNOT_ANSWER');
  });

  it('allows only one pending request at a time', () => {
    spec
      .given(askedByBuyer)
      .when(command.requestCancellation(as.seller()))
      .thenThrows('ORDER_CANCELLATION_ALREADY_REQUESTED', {
        currentStatus: 'delivered',
        requestedBy: buyerId,
      });
  });

  it('lets work go on meanwhile: the request survives a delivery and can still be accepted', () => {
    const redelivered = {
      type: 'OrderDelivered' as const,
      data: {
        orderId,
        deliveryId: 'd-1',
        message: 'Done',
        fileRefs: [],
        deliveredAt: now,
        late: false,
        revisionRound: 0,
      },
    };
    spec
      .given([...askedBySeller, redelivered])
      .when(command.acceptCancellation(as.buyer()))
      .thenMatches(([event]) => expect(event.type).toBe('OrderCancelled'));
  });

  it('drops the request when the order is contested: the dispute decides instead', () => {
    const contested = {
      type: 'OrderContested' as const,
      data: {
        orderId,
        disputeId: 'dispute-1',
        contestedBy: sellerId,
        reason: 'Refused cancellation',
        previousStatus: 'delivered' as const,
        contestedAt: now,
      },
    };
    const withdrawn = {
      type: 'OrderContestWithdrawn' as const,
      data: {
        orderId,
        disputeId: 'dispute-1',
        withdrawnBy: sellerId,
        restoredStatus: 'delivered' as const,
        withdrawnAt: now,
      },
    };
    spec
      .given([...askedByBuyer, contested, withdrawn])
      .when(command.acceptCancellation(as.seller()))
      .thenThrows('ORDER_NO_PENDING_CANCELLATION');
  });

  it('forbids outsiders to answer', () => {
    spec
      .given(askedByBuyer)
      .when(command.acceptCancellation(as.outsider()))
      .thenThrows('NOT_A_PARTY');
  });
});
