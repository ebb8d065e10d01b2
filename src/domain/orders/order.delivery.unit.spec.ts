import { OrderEvent } from './order.events';
import { ORDER_STATUS_LABELS, ORDER_STATUS_SUB_LABELS } from './order.state';
import { command } from './order.command-fixtures.spec';
import {
  amounts,
  as,
  delivered,
  history,
  ids,
  placed,
  revisionRequested,
  spec,
  started,
  times,
} from './order.fixtures.spec';

const { orderId, escrowId, buyerId, sellerId } = ids;
const now = times.now;

describe('Order: when delivered', () => {
  it('asks for a revision with instructions, opening round 1', () => {
    spec
      .given(history.delivered)
      .when(command.requestRevision())
      .then([
        {
          type: 'OrderRevisionRequested',
          data: {
            orderId,
            instructions: 'Shorter summary please',
            revisionRound: 1,
            requestedAt: now,
          },
        },
      ]);
  });

  it('refuses a revision request without instructions', () => {
    spec
      .given(history.delivered)
      .when(command.requestRevision(as.buyer(), '   '))
      .thenThrows('ORDER_REVISION_INSTRUCTIONS_REQUIRED');
  });

  it('completes on the buyer’s acceptance: escrow released net of commission, IP to the buyer', () => {
    spec
      .given(history.delivered)
      .when(command.accept())
      .then([
        {
          type: 'OrderCompleted',
          data: {
            orderId,
            escrowId,
            buyerId,
            sellerId,
            completedAt: now,
            auto: false,
            ...amounts,
            intellectualPropertyTransferredTo: buyerId,
          },
        },
      ]);
  });

  it('is completed automatically once the review window after the last delivery has passed', () => {
    spec
      .given(history.delivered)
      .when(command.autoAccept(as.system('2025-06-07T08:00:00.000Z'), 3))
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({
          auto: true,
          completedAt: '2025-06-07T08:00:00.000Z',
          ...amounts,
        }),
      );
  });

  it('refuses automatic completion before the window has passed, naming when it will', () => {
    spec
      .given(history.delivered)
      .when(command.autoAccept(as.system('2025-06-07T07:59:59.999Z'), 3))
      .thenThrows('ORDER_AUTO_COMPLETION_NOT_DUE', {
        currentStatus: 'delivered',
        autoCompletesAt: '2025-06-07T08:00:00.000Z',
      });
  });

  it('counts the window from the latest delivery', () => {
    const redelivered: OrderEvent = {
      ...delivered,
      data: {
        ...delivered.data,
        deliveryId: 'delivery-2',
        deliveredAt: '2025-06-06T08:00:00.000Z',
      },
    };
    spec
      .given([...history.in_revision, redelivered])
      .when(command.autoAccept(as.system('2025-06-07T08:00:00.000Z'), 3))
      .thenThrows('ORDER_AUTO_COMPLETION_NOT_DUE', { autoCompletesAt: '2025-06-09T08:00:00.000Z' });
  });

  it.each([0, -1, 1.5])('refuses an automatic completion delay of %p days', (days) => {
    spec
      .given(history.delivered)
      .when(command.autoAccept(as.system(), days))
      .thenThrows('ORDER_INVALID_AUTO_COMPLETION_DELAY');
  });

  it('refuses a plain acceptance issued by the system on the buyer’s behalf', () => {
    spec.given(history.delivered).when(command.accept(as.system())).thenThrows('NOT_A_PARTY');
  });

  it('records nothing for a late-mark job that arrives after the delivery', () => {
    spec
      .given(history.delivered)
      .when(command.markLate(as.system(times.afterDue)))
      .then([]);
  });
});

describe('Order: when in revision', () => {
  it('takes a new delivery for the round, never late: the deadline no longer applies', () => {
    spec
      .given(history.in_revision)
      .when(command.deliver(as.seller(times.afterDue)))
      .then([
        {
          type: 'OrderDelivered',
          data: {
            orderId,
            deliveryId: 'delivery-2',
            message: 'New version',
            fileRefs: ['files/plan-v2.pdf'],
            deliveredAt: times.afterDue,
            late: false,
            revisionRound: 1,
          },
        },
      ]);
  });

  it('numbers further rounds', () => {
    const second = {
      ...delivered,
      data: { ...delivered.data, deliveryId: 'delivery-2', revisionRound: 1 },
    };
    spec
      .given([...history.in_revision, second])
      .when(command.requestRevision())
      .thenMatches(([event]) =>
        expect(event.type === 'OrderRevisionRequested' && event.data.revisionRound).toBe(2),
      );
  });

  it('records nothing for a late-mark job: the deadline was lifted', () => {
    spec
      .given(history.in_revision)
      .when(command.markLate(as.system(times.afterDue)))
      .then([]);
  });

  it('refuses the buyer’s unilateral cancellation even past the original due date', () => {
    spec
      .given(history.in_revision)
      .when(command.cancel(as.buyer(times.afterDue)))
      .thenThrows('ORDER_CANCELLATION_REQUIRES_AGREEMENT');
  });
});

describe('Order: when completed', () => {
  const reviewed: OrderEvent = {
    type: 'OrderReviewed',
    data: { orderId, buyerId, sellerId, rating: 4, comment: 'Good', reviewedAt: now },
  };

  it('takes one review from the buyer', () => {
    spec
      .given(history.completed)
      .when(command.review(as.buyer(), 4, ' Good '))
      .then([reviewed]);
  });

  it('refuses a second review with 409 ORDER_ALREADY_REVIEWED', () => {
    spec
      .given([...history.completed, reviewed])
      .when(command.review())
      .thenThrows('ORDER_ALREADY_REVIEWED', { currentStatus: 'completed' });
  });

  it.each([0, 6, 3.5, Number.NaN])(
    'refuses a rating of %p with 400 REVIEW_INVALID_RATING',
    (rating) => {
      spec
        .given(history.completed)
        .when(command.review(as.buyer(), rating))
        .thenThrows('REVIEW_INVALID_RATING');
    },
  );

  it('refuses a review without a comment, or with one over 2 000 characters', () => {
    spec
      .given(history.completed)
      .when(command.review(as.buyer(), 5, ' '))
      .thenThrows('REVIEW_COMMENT_REQUIRED');
    spec
      .given(history.completed)
      .when(command.review(as.buyer(), 5, 'c'.repeat(2_001)))
      .thenThrows('REVIEW_COMMENT_TOO_LONG');
  });

  it('closes the conversation for both parties', () => {
    spec
      .given(history.completed)
      .when(command.post(as.seller()))
      .thenThrows('ORDER_CONVERSATION_CLOSED', { currentStatus: 'completed' });
    spec
      .given(history.completed)
      .when(command.post(as.buyer()))
      .thenThrows('ORDER_CONVERSATION_CLOSED');
  });
});

describe('Order state', () => {
  it('labels every status with the seed’s five labels (and "Annulé"): "Actif" from placement', () => {
    expect(ORDER_STATUS_LABELS).toEqual({
      awaiting_start: 'Actif',
      active: 'Actif',
      delivered: 'Délivré',
      in_revision: 'Actif',
      completed: 'Terminé',
      contested: 'Contesté',
      resolved: 'Résolu',
      cancelled: 'Annulé',
    });
    expect(ORDER_STATUS_SUB_LABELS).toMatchObject({
      awaiting_start: 'En attente de démarrage',
      active: null,
      in_revision: 'Retouches demandées',
    });
  });

  it('ignores events that do not apply to the current state', () => {
    expect(spec.given([started, delivered]).state()).toEqual({ status: 'none' });
    expect(spec.given([placed, delivered]).state().status).toBe('awaiting_start');
    expect(
      spec.given([...history.delivered, revisionRequested, revisionRequested]).state(),
    ).toEqual(spec.given([...history.delivered, revisionRequested]).state());
  });
});
