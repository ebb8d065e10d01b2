import fc from 'fast-check';
import { emptyOrderView, foldOrderView } from '../../application/disputes/case/order.view';
import { orderDecider, orderStatusAfter, type OrderEvent } from '../../domain/orders';
import { evolveOrderRow } from './orders.evolve';
import { OrderRow } from './orders.tables';

const AT = '2026-03-01T10:00:00.000Z';
const ids = { orderId: 'o1', escrowId: 'e1', buyerId: 'b1', sellerId: 's1', disputeId: 'd1' };
const money = { amountCents: 5_000, commissionCents: 500, sellerNetCents: 4_500 };

// One sample of every order event; the folds only read the fields they need.
const SAMPLES = [
  {
    type: 'OrderPlaced',
    data: {
      ...ids,
      ...money,
      source: {
        kind: 'catalog',
        gigId: 'g1',
        gigTitle: 'Logo',
        gigKind: 'package',
        unitPriceCents: 5_000,
        deliveryDays: 3,
        extras: [],
      },
      commissionRateBp: 1_000,
      totalDeliveryDays: 3,
      placedAt: AT,
    },
  },
  { type: 'OrderPlacementAbandoned', data: { ...ids } },
  {
    type: 'OrderMessagePosted',
    data: {
      ...ids,
      messageId: 'm1',
      authorId: 'b1',
      text: 'hi',
      fileRefs: [],
      automatic: false,
      postedAt: AT,
    },
  },
  {
    type: 'OrderStarted',
    data: { ...ids, startedAt: AT, deliveryDueAt: AT, totalDeliveryDays: 3 },
  },
  { type: 'OrderDeliveryLate', data: { ...ids, dueAt: AT, markedAt: AT } },
  {
    type: 'OrderDelivered',
    data: {
      ...ids,
      deliveryId: 'dl1',
      message: '',
      fileRefs: [],
      deliveredAt: AT,
      late: false,
      revisionRound: 0,
    },
  },
  {
    type: 'OrderRevisionRequested',
    data: { ...ids, instructions: 'x', revisionRound: 1, requestedAt: AT },
  },
  {
    type: 'OrderCompleted',
    data: {
      ...ids,
      ...money,
      completedAt: AT,
      auto: false,
      intellectualPropertyTransferredTo: 'b1',
    },
  },
  { type: 'OrderReviewed', data: { ...ids, rating: 5, comment: '', reviewedAt: AT } },
  {
    type: 'OrderCancellationRequested',
    data: { ...ids, requestedBy: 'b1', reason: 'x', requestedAt: AT },
  },
  {
    type: 'OrderCancellationDeclined',
    data: { ...ids, requestedBy: 'b1', declinedBy: 's1', declinedAt: AT },
  },
  {
    type: 'OrderCancelled',
    data: {
      ...ids,
      reason: 'mutual',
      cancelledBy: 'b1',
      refundCents: 5_000,
      markedOn: null,
      cancelledAt: AT,
    },
  },
  {
    type: 'OrderContested',
    data: { ...ids, contestedBy: 'b1', reason: 'x', previousStatus: 'delivered', contestedAt: AT },
  },
  {
    type: 'OrderContestWithdrawn',
    data: { ...ids, withdrawnBy: 'b1', restoredStatus: 'delivered', withdrawnAt: AT },
  },
  {
    type: 'OrderContestWithdrawn',
    data: { ...ids, withdrawnBy: 'b1', restoredStatus: 'active', withdrawnAt: AT },
  },
  {
    type: 'OrderResolved',
    data: {
      ...ids,
      ...money,
      refundedCents: 0,
      releasedCents: 5_000,
      resolvedBy: 'a1',
      resolvedAt: AT,
    },
  },
] as unknown as OrderEvent[];

describe('order status rules', () => {
  // Any history from the placement on; before it, only an abandoned placement closes the id, which
  // the decider never follows with an order.
  it('are the same in the order, its read model and the disputes case view, whatever the history', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SAMPLES), { maxLength: 25 }), (later) => {
        const events = [SAMPLES[0], ...later];
        const state = events.reduce(orderDecider.evolve, orderDecider.initialState());
        const row = events.reduce<OrderRow | undefined>(
          (r, e, i) => evolveOrderRow(r, e, i, AT),
          undefined,
        );
        const view = events.reduce(foldOrderView, emptyOrderView());
        expect(row?.status ?? 'none').toBe(state.status);
        expect(view.status).toBe(state.status);
      }),
      { numRuns: 2_000 },
    );
  });

  it('ignore everything but the review once an order is closed', () => {
    const reviewed = SAMPLES.find((e) => e.type === 'OrderReviewed')!;
    const started = SAMPLES.find((e) => e.type === 'OrderStarted')!;
    expect(orderStatusAfter('completed', reviewed)).toBe('completed');
    expect(orderStatusAfter('cancelled', reviewed)).toBeNull();
    expect(orderStatusAfter('resolved', started)).toBeNull();
    expect(orderStatusAfter('awaiting_start', started)).toBe('active');
  });
});
