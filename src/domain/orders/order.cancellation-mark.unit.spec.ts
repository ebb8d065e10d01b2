import { command } from './order.command-fixtures.spec';
import {
  as,
  cancellationRequestedBy,
  cancelledBeforeStart,
  history,
  ids,
  spec,
  times,
} from './order.fixtures.spec';
import { OrderEvent } from './order.events';

const { orderId, buyerId, sellerId } = ids;
const now = times.now;

const amended = (by: string, markedOn: string): OrderEvent => ({
  type: 'OrderCancellationMarkAmended',
  data: {
    orderId,
    markedOn,
    amendedBy: by,
    action: 'withdrawn',
    comment: null,
    rating: null,
    amendedAt: now,
  },
});

describe('Cancellation mark: every cancellation marks whoever cancelled', () => {
  it('marks the buyer who cancels before the start', () => {
    spec
      .given(history.awaiting_start)
      .when(command.cancel(as.buyer()))
      .thenMatches(([event]) => expect(event.data).toMatchObject({ markedOn: buyerId }));
  });

  it('marks the seller who declines', () => {
    spec
      .given(history.awaiting_start)
      .when(command.decline(as.seller()))
      .thenMatches(([event]) => expect(event.data).toMatchObject({ markedOn: sellerId }));
  });

  it('marks the late seller, not the buyer, when the buyer cancels a late delivery', () => {
    spec
      .given(history.active)
      .when(command.cancel(as.buyer(times.afterDue)))
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({
          reason: 'late_delivery',
          cancelledBy: buyerId,
          markedOn: sellerId,
        }),
      );
  });
});

describe('Cancellation mark: the other party answers it once', () => {
  it('lets the seller amend the buyer’s mark with a comment and a rating', () => {
    spec
      .given(history.cancelled)
      .when(command.amendMark(as.seller(), { comment: '  Friendly buyer. ', rating: 5 }))
      .then([
        {
          type: 'OrderCancellationMarkAmended',
          data: {
            orderId,
            markedOn: buyerId,
            amendedBy: sellerId,
            action: 'amended',
            comment: 'Friendly buyer.',
            rating: 5,
            amendedAt: now,
          },
        },
      ]);
  });

  it('lets the buyer withdraw the mark of a seller who declined', () => {
    const declined: OrderEvent = {
      ...cancelledBeforeStart,
      data: {
        ...cancelledBeforeStart.data,
        reason: 'seller_declined',
        cancelledBy: sellerId,
        markedOn: sellerId,
      },
    };
    spec
      .given([...history.awaiting_start, declined])
      .when(command.amendMark(as.buyer(), { action: 'withdraw', comment: undefined }))
      .then([amended(buyerId, sellerId)]);
  });

  it('refuses a second answer', () => {
    spec
      .given([...history.cancelled, amended(sellerId, buyerId)])
      .when(command.amendMark(as.seller()))
      .thenThrows('CANCELLATION_MARK_ALREADY_AMENDED', { currentStatus: 'cancelled' });
  });

  it('refuses the marked party answering its own mark', () => {
    spec
      .given(history.cancelled)
      .when(command.amendMark(as.buyer()))
      .thenThrows('NOT_THE_OTHER_PARTY');
  });

  it('refuses an outsider', () => {
    spec.given(history.cancelled).when(command.amendMark(as.outsider())).thenThrows('NOT_A_PARTY');
  });

  it('refuses when the order is not cancelled, or was cancelled without a mark', () => {
    spec
      .given(history.completed)
      .when(command.amendMark(as.seller()))
      .thenThrows('ORDER_NO_CANCELLATION_MARK', { currentStatus: 'completed' });
    const unmarked: OrderEvent = {
      ...cancelledBeforeStart,
      data: { ...cancelledBeforeStart.data, markedOn: null },
    };
    spec
      .given([...history.awaiting_start, unmarked])
      .when(command.amendMark(as.seller()))
      .thenThrows('ORDER_NO_CANCELLATION_MARK');
  });

  it('refuses an amendment without a comment, a bad rating or an unknown action', () => {
    spec
      .given(history.cancelled)
      .when(command.amendMark(as.seller(), { comment: '  ' }))
      .thenThrows('CANCELLATION_MARK_COMMENT_REQUIRED');
    spec
      .given(history.cancelled)
      .when(command.amendMark(as.seller(), { rating: 6 }))
      .thenThrows('REVIEW_INVALID_RATING');
    spec
      .given(history.cancelled)
      .when(command.amendMark(as.seller(), { action: 'erase' as 'amend' }))
      .thenThrows('CANCELLATION_MARK_INVALID_ACTION');
  });

  it('marks the requester of a mutual cancellation, whom the other party may then answer', () => {
    spec
      .given([...history.active, cancellationRequestedBy(sellerId)])
      .when(command.acceptCancellation(as.buyer()))
      .thenMatches(([event]) => expect(event.data).toMatchObject({ markedOn: sellerId }));
  });
});
