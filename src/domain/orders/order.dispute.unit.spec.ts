import { OrderEvent } from './order.events';
import { command } from './order.command-fixtures.spec';
import { as, contestedFrom, history, ids, spec, times } from './order.fixtures.spec';

const { orderId, escrowId, buyerId, sellerId, disputeId } = ids;
const now = times.now;

describe('Order dispute: when active, delivered or in revision', () => {
  it.each(['active', 'delivered', 'in_revision'] as const)(
    'is contested by either party from %s, remembering where it was',
    (status) => {
      for (const [meta, actorId] of [
        [as.buyer(), buyerId],
        [as.seller(), sellerId],
      ] as const) {
        spec
          .given(history[status])
          .when(command.contest(meta, { reason: ' Too slow ' }))
          .then([
            {
              type: 'OrderContested',
              data: {
                orderId,
                disputeId,
                contestedBy: actorId,
                reason: 'Too slow',
                previousStatus: status,
                contestedAt: now,
              },
            },
          ]);
      }
    },
  );

  it('refuses a contest without a reason or a dispute id', () => {
    spec
      .given(history.active)
      .when(command.contest(as.buyer(), { reason: '' }))
      .thenThrows('ORDER_CONTEST_REASON_REQUIRED');
    spec
      .given(history.active)
      .when(command.contest(as.buyer(), { disputeId: '' }))
      .thenThrows('ORDER_MISSING_ID');
  });
});

describe('Order dispute: when contested', () => {
  const frozenDetails = { currentStatus: 'contested', disputeId };

  it.each<[string, () => ReturnType<typeof command.start>]>([
    ['a delivery', () => command.deliver()],
    ['an acceptance', () => command.accept()],
    ['an automatic completion', () => command.autoAccept(as.system('2025-06-30T00:00:00.000Z'))],
    ['a revision request', () => command.requestRevision()],
    ['a cancellation request', () => command.requestCancellation()],
    ['a late-delivery cancellation', () => command.cancel(as.buyer(times.afterDue))],
    ['a second contest', () => command.contest(as.seller(), { disputeId: 'dispute-2' })],
    ['a late mark', () => command.markLate()],
    ['a review', () => command.review()],
  ])('is frozen: refuses %s with 409 ORDER_FROZEN naming the dispute', (_label, make) => {
    spec.given(history.contested).when(make()).thenThrows('ORDER_FROZEN', frozenDetails);
  });

  it('still lets the parties exchange messages', () => {
    spec
      .given(history.contested)
      .when(command.post(as.seller(), { text: 'Here is my side' }))
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({
          authorId: sellerId,
          text: 'Here is my side',
          automatic: false,
        }),
      );
  });

  it.each(['active', 'delivered', 'in_revision'] as const)(
    'is withdrawn by the contester and goes back to %s',
    (status) => {
      const given = [...history[status], contestedFrom(status)];
      spec
        .given(given)
        .when(command.withdraw(as.buyer()))
        .then([
          {
            type: 'OrderContestWithdrawn',
            data: {
              orderId,
              disputeId,
              withdrawnBy: buyerId,
              restoredStatus: status,
              withdrawnAt: now,
            },
          },
        ]);
      const withdrawn: OrderEvent = {
        type: 'OrderContestWithdrawn',
        data: {
          orderId,
          disputeId,
          withdrawnBy: buyerId,
          restoredStatus: status,
          withdrawnAt: now,
        },
      };
      expect(spec.given([...given, withdrawn]).state().status).toBe(status);
    },
  );

  it('keeps the revision’s lifted deadline after a withdrawal', () => {
    const given: OrderEvent[] = [
      ...history.in_revision,
      contestedFrom('in_revision'),
      {
        type: 'OrderContestWithdrawn',
        data: {
          orderId,
          disputeId,
          withdrawnBy: buyerId,
          restoredStatus: 'in_revision',
          withdrawnAt: now,
        },
      },
    ];
    spec
      .given(given)
      .when(command.deliver(as.seller(times.afterDue)))
      .thenMatches(([event]) =>
        expect(event.type === 'OrderDelivered' && event.data.late).toBe(false),
      );
  });

  it('may be withdrawn by a mediator or the dispute service on the contester’s behalf', () => {
    for (const meta of [as.mediator(), as.system(), as.admin()]) {
      spec
        .given(history.contested)
        .when(command.withdraw(meta))
        .thenMatches(([event]) =>
          expect(event.data).toMatchObject({
            withdrawnBy: meta.actorId,
            restoredStatus: 'delivered',
          }),
        );
    }
  });

  it('forbids the other party to withdraw someone else’s contest', () => {
    spec.given(history.contested).when(command.withdraw(as.seller())).thenThrows('ONLY_CONTESTER');
  });

  it('finds the order frozen for a withdrawal or resolution naming another dispute', () => {
    spec
      .given(history.contested)
      .when(command.withdraw(as.buyer(), 'dispute-other'))
      .thenThrows('ORDER_FROZEN', frozenDetails);
    spec
      .given(history.contested)
      .when(command.resolve(as.mediator(), { disputeId: 'dispute-other' }))
      .thenThrows('ORDER_FROZEN', frozenDetails);
  });

  it('records the dispute’s split when resolved', () => {
    spec
      .given(history.contested)
      .when(command.resolve())
      .then([
        {
          type: 'OrderResolved',
          data: {
            orderId,
            escrowId,
            disputeId,
            refundedCents: 5_845,
            releasedCents: 10_000,
            commissionCents: 1_000,
            sellerNetCents: 9_000,
            resolvedBy: 'mediator-1',
            resolvedAt: now,
          },
        },
      ]);
  });

  it('accepts a full refund or a full release decided by the system', () => {
    for (const split of [
      { refundedCents: 15_845, releasedCents: 0, commissionCents: 0, sellerNetCents: 0 },
      { refundedCents: 0, releasedCents: 15_845, commissionCents: 1_584, sellerNetCents: 14_261 },
    ]) {
      spec
        .given(history.contested)
        .when(command.resolve(as.system(), split))
        .thenMatches(([event]) => expect(event.data).toMatchObject(split));
    }
  });

  it.each([
    ['refunded + released below the amount', { refundedCents: 5_000 }],
    ['refunded + released above the amount', { releasedCents: 10_001, sellerNetCents: 9_001 }],
    ['commission + seller net not equal to the released part', { commissionCents: 999 }],
  ])('refuses a split with %s: 422 RESOLUTION_AMOUNTS_MISMATCH', (_label, split) => {
    spec
      .given(history.contested)
      .when(command.resolve(as.mediator(), split))
      .thenThrows('RESOLUTION_AMOUNTS_MISMATCH', { amountCents: 15_845 });
  });

  it.each([-1, 1.5])('refuses a negative or fractional amount (%p)', (value) => {
    spec
      .given(history.contested)
      .when(command.resolve(as.mediator(), { refundedCents: value }))
      .thenThrows('ORDER_INVALID_AMOUNT');
  });
});

describe('Order dispute: when resolved', () => {
  it('stays resolved: the dispute cannot be resolved or withdrawn again', () => {
    spec
      .given(history.resolved)
      .when(command.resolve())
      .thenThrows('ORDER_TERMINAL', { currentStatus: 'resolved' });
    spec
      .given(history.resolved)
      .when(command.withdraw())
      .thenThrows('ORDER_TERMINAL', { currentStatus: 'resolved' });
  });
});
