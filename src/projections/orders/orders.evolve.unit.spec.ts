import type { OrderEvent } from '../../domain/orders';
import { evolveOrderRow } from './orders.evolve';
import { OrderRow } from './orders.tables';

const AT = '2026-03-01T10:00:00.000Z';
const placed: OrderEvent = {
  type: 'OrderPlaced',
  data: {
    orderId: 'o1',
    escrowId: 'e1',
    buyerId: 'b1',
    sellerId: 's1',
    source: {
      kind: 'catalog',
      gigId: 'g1',
      gigTitle: 'Logo',
      gigKind: 'package',
      unitPriceCents: 5_000,
      deliveryDays: 3,
      extras: [],
    },
    amountCents: 5_000,
    commissionRateBp: 1_000,
    commissionCents: 500,
    sellerNetCents: 4_500,
    totalDeliveryDays: 3,
    placedAt: AT,
  },
};

function fold(events: OrderEvent[]): OrderRow | undefined {
  return events.reduce<OrderRow | undefined>(
    (row, e, i) => evolveOrderRow(row, e, i, AT),
    undefined,
  );
}

describe('order dashboard row', () => {
  it('starts awaiting the seller, with the amounts and the gig title', () => {
    expect(fold([placed])).toMatchObject({
      status: 'awaiting_start',
      title: 'Logo',
      amount_cents: 5_000,
      seller_net_cents: 4_500,
      gig_id: 'g1',
    });
  });

  it('keeps the due date once started and drops the deadline when a revision is requested', () => {
    const row = fold([
      placed,
      {
        type: 'OrderStarted',
        data: {
          orderId: 'o1',
          sellerId: 's1',
          startedAt: AT,
          deliveryDueAt: '2026-03-04T10:00:00.000Z',
          totalDeliveryDays: 3,
        },
      },
      {
        type: 'OrderDelivered',
        data: {
          orderId: 'o1',
          deliveryId: 'd1',
          message: 'ok',
          fileRefs: [],
          deliveredAt: AT,
          late: false,
          revisionRound: 0,
        },
      },
      {
        type: 'OrderRevisionRequested',
        data: { orderId: 'o1', instructions: 'plus grand', revisionRound: 1, requestedAt: AT },
      },
    ]);
    expect(row).toMatchObject({
      status: 'in_revision',
      delivery_due_at: '2026-03-04T10:00:00.000Z',
      deadline_applies: false,
      deliveries: 1,
      revision_requests: 1,
    });
  });

  it('records what the seller earned at completion, and the rating only after it', () => {
    const completed: OrderEvent = {
      type: 'OrderCompleted',
      data: {
        orderId: 'o1',
        escrowId: 'e1',
        buyerId: 'b1',
        sellerId: 's1',
        completedAt: AT,
        auto: true,
        amountCents: 5_000,
        commissionCents: 500,
        sellerNetCents: 4_500,
        intellectualPropertyTransferredTo: 'b1',
      },
    };
    const reviewed: OrderEvent = {
      type: 'OrderReviewed',
      data: {
        orderId: 'o1',
        buyerId: 'b1',
        sellerId: 's1',
        rating: 4,
        comment: 'Bien',
        reviewedAt: AT,
      },
    };
    expect(fold([placed, reviewed])?.rating).toBeNull();
    expect(fold([placed, completed, reviewed])).toMatchObject({
      status: 'completed',
      earned_cents: 4_500,
      released_cents: 5_000,
      auto_completed: true,
      rating: 4,
    });
  });

  it('ignores what arrives after the end, as the order itself does', () => {
    const cancelled: OrderEvent = {
      type: 'OrderCancelled',
      data: {
        orderId: 'o1',
        escrowId: 'e1',
        reason: 'buyer_before_start',
        cancelledBy: 'b1',
        refundCents: 5_000,
        markedOn: null,
        cancelledAt: AT,
      },
    };
    const started: OrderEvent = {
      type: 'OrderStarted',
      data: {
        orderId: 'o1',
        sellerId: 's1',
        startedAt: AT,
        deliveryDueAt: AT,
        totalDeliveryDays: 3,
      },
    };
    expect(fold([placed, cancelled, started])).toMatchObject({
      status: 'cancelled',
      started_at: null,
      refunded_cents: 5_000,
    });
  });

  it('goes back to where it was when a contest is withdrawn', () => {
    const row = fold([
      placed,
      {
        type: 'OrderStarted',
        data: {
          orderId: 'o1',
          sellerId: 's1',
          startedAt: AT,
          deliveryDueAt: AT,
          totalDeliveryDays: 3,
        },
      },
      {
        type: 'OrderContested',
        data: {
          orderId: 'o1',
          disputeId: 'd1',
          contestedBy: 'b1',
          reason: 'retard',
          previousStatus: 'active',
          contestedAt: AT,
        },
      },
    ]);
    expect(row).toMatchObject({ status: 'contested', dispute_id: 'd1' });
    const withdrawn = evolveOrderRow(
      row,
      {
        type: 'OrderContestWithdrawn',
        data: {
          orderId: 'o1',
          disputeId: 'd1',
          withdrawnBy: 'b1',
          restoredStatus: 'active',
          withdrawnAt: AT,
        },
      },
      9,
      AT,
    );
    expect(withdrawn?.status).toBe('active');
  });

  it('has no row for an order it never saw placed', () => {
    expect(
      evolveOrderRow(
        undefined,
        { type: 'OrderDeliveryLate', data: { orderId: 'o1', dueAt: AT, markedAt: AT } },
        0,
        AT,
      ),
    ).toBeUndefined();
  });
});
