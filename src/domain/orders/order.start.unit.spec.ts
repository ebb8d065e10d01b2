import { OrderEvent } from './order.events';
import { command } from './order.command-fixtures.spec';
import { as, history, ids, spec, times } from './order.fixtures.spec';

const { orderId, escrowId, buyerId, sellerId } = ids;
const now = times.now;

const lateMarked: OrderEvent = {
  type: 'OrderDeliveryLate',
  data: { orderId, dueAt: times.dueAt, markedAt: times.afterDue },
};

describe('Order: when awaiting start', () => {
  it('starts when the seller clicks "start": the countdown’s end is a fact in the event', () => {
    spec
      .given(history.awaiting_start)
      .when(command.start())
      .then([
        {
          type: 'OrderStarted',
          data: {
            orderId,
            sellerId,
            startedAt: now,
            deliveryDueAt: '2025-06-09T08:00:00.000Z',
            totalDeliveryDays: 4,
          },
        },
      ]);
  });

  it('refuses to start for a provider with missing or expired documents, naming them', () => {
    spec
      .given(history.awaiting_start)
      .when(
        command.start(as.seller(), {
          sellerVerified: false,
          missingDocuments: ['professional_liability_insurance'],
        }),
      )
      .thenThrows('PROVIDER_NOT_VERIFIED', {
        missingDocuments: ['professional_liability_insurance'],
      });
  });

  it('is declined by the seller: full refund, marked on the seller’s profile', () => {
    spec
      .given(history.awaiting_start)
      .when(command.decline())
      .then([
        {
          type: 'OrderCancelled',
          data: {
            orderId,
            escrowId,
            reason: 'seller_declined',
            cancelledBy: sellerId,
            refundCents: 15_845,
            markedOn: sellerId,
            cancelledAt: now,
          },
        },
      ]);
  });

  it('is cancelled by the buyer for free: full refund, marked on the buyer’s profile', () => {
    spec
      .given(history.awaiting_start)
      .when(command.cancel())
      .then([
        {
          type: 'OrderCancelled',
          data: {
            orderId,
            escrowId,
            reason: 'buyer_before_start',
            cancelledBy: buyerId,
            refundCents: 15_845,
            markedOn: buyerId,
            cancelledAt: now,
          },
        },
      ]);
  });

  it('lets both parties talk before the start', () => {
    spec
      .given(history.awaiting_start)
      .when(command.post(as.seller(), { text: 'Can you send the file?' }))
      .then([
        {
          type: 'OrderMessagePosted',
          data: {
            orderId,
            messageId: 'message-9',
            authorId: sellerId,
            text: 'Can you send the file?',
            fileRefs: [],
            automatic: false,
            contactDetails: [],
            postedAt: now,
          },
        },
      ]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an empty message', { text: '  ', fileRefs: [] }, 'ORDER_MESSAGE_EMPTY'],
    ['a message over 5 000 characters', { text: 'x'.repeat(5_001) }, 'ORDER_MESSAGE_TOO_LONG'],
    ['an empty file reference', { text: 'see file', fileRefs: [''] }, 'ORDER_INVALID_FILE_REF'],
    ['no message id', { messageId: '' }, 'ORDER_MISSING_ID'],
  ])('refuses %s with 400', (_label, data, code) => {
    spec.given(history.awaiting_start).when(command.post(as.buyer(), data)).thenThrows(code);
  });

  it('accepts a message made only of files', () => {
    spec
      .given(history.awaiting_start)
      .when(command.post(as.buyer(), { text: '', fileRefs: ['files/brief.pdf'] }))
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({ text: '', fileRefs: ['files/brief.pdf'] }),
      );
  });
});

describe('Order: when active', () => {
  it('records an on-time first delivery', () => {
    spec
      .given(history.active)
      .when(command.deliver(as.seller(times.deliveredAt)))
      .then([
        {
          type: 'OrderDelivered',
          data: {
            orderId,
            deliveryId: 'delivery-2',
            message: 'New version',
            fileRefs: ['files/plan-v2.pdf'],
            deliveredAt: times.deliveredAt,
            late: false,
            revisionRound: 0,
          },
        },
      ]);
  });

  it('flags a first delivery made at or after the due date as late', () => {
    for (const at of [times.dueAt, times.afterDue]) {
      spec
        .given(history.active)
        .when(command.deliver(as.seller(at)))
        .thenMatches(([event]) =>
          expect(event.type === 'OrderDelivered' && event.data.late).toBe(true),
        );
    }
  });

  it('refuses a delivery message over 5 000 characters', () => {
    spec
      .given(history.active)
      .when(command.deliver(as.seller(), { message: 'm'.repeat(5_001) }))
      .thenThrows('ORDER_TEXT_TOO_LONG', { field: 'message', maxLength: 5_000 });
  });

  it('refuses a delivery without a message', () => {
    spec
      .given(history.active)
      .when(command.deliver(as.seller(), { message: ' ' }))
      .thenThrows('ORDER_DELIVERY_MESSAGE_REQUIRED');
  });

  it('is marked late by the system once the due date is reached', () => {
    spec
      .given(history.active)
      .when(command.markLate(as.system(times.dueAt)))
      .then([
        { type: 'OrderDeliveryLate', data: { orderId, dueAt: times.dueAt, markedAt: times.dueAt } },
      ]);
  });

  it('refuses a late mark before the due date, naming it', () => {
    spec
      .given(history.active)
      .when(command.markLate(as.system(now)))
      .thenThrows('ORDER_NOT_YET_LATE', { currentStatus: 'active', deliveryDueAt: times.dueAt });
  });

  it('records nothing when the late-mark job is delivered twice', () => {
    spec
      .given([...history.active, lateMarked])
      .when(command.markLate())
      .then([]);
  });

  it('lets the buyer cancel alone once the first delivery is late: full refund, the late seller marked', () => {
    spec
      .given([...history.active, lateMarked])
      .when(command.cancel(as.buyer(times.afterDue)))
      .then([
        {
          type: 'OrderCancelled',
          data: {
            orderId,
            escrowId,
            reason: 'late_delivery',
            cancelledBy: buyerId,
            refundCents: 15_845,
            markedOn: sellerId,
            cancelledAt: times.afterDue,
          },
        },
      ]);
  });

  it('lets the buyer cancel alone past the due date even before the worker marked it late', () => {
    spec
      .given(history.active)
      .when(command.cancel(as.buyer(times.dueAt)))
      .thenMatches(([event]) =>
        expect(event.type === 'OrderCancelled' && event.data.reason).toBe('late_delivery'),
      );
  });

  it('refuses a unilateral cancellation before the due date', () => {
    spec
      .given(history.active)
      .when(command.cancel(as.buyer(now)))
      .thenThrows('ORDER_CANCELLATION_REQUIRES_AGREEMENT', {
        currentStatus: 'active',
        deliveryDueAt: times.dueAt,
      });
  });
});
