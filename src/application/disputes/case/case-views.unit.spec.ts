import { ESCROW_STATUS_LABELS } from '../../../domain/escrow';
import { ORDER_STATUS_LABELS } from '../../../domain/orders';
import { CaseMoment, formatPosition, isAtOrBefore, parseCaseMoment } from './case-at';
import { describeEscrowEvent, describeOrderEvent } from './case-describe';
import { emptyEscrowView, ESCROW_VIEW_STATUS_LABELS, foldEscrowView } from './escrow.view';
import { emptyOrderView, foldOrderView, ORDER_VIEW_STATUS_LABELS } from './order.view';
import { deterministicId, disputeEffectIds } from '../deterministic-id';
import { RecordedEvent } from '../../shared/event-store.port';

const placed = {
  type: 'OrderPlaced',
  data: {
    orderId: 'o1',
    escrowId: 'e1',
    buyerId: 'b1',
    sellerId: 's1',
    source: {
      kind: 'catalog',
      gigId: 'g',
      gigTitle: 'Logo',
      gigKind: 'package',
      unitPriceCents: 10_000,
      deliveryDays: 3,
      extras: [],
    },
    amountCents: 10_000,
    commissionRateBp: 1_000,
    commissionCents: 1_000,
    sellerNetCents: 9_000,
    totalDeliveryDays: 3,
    placedAt: '2025-03-01T09:00:00.000Z',
  },
};
const started = {
  type: 'OrderStarted',
  data: {
    orderId: 'o1',
    sellerId: 's1',
    startedAt: 'x',
    deliveryDueAt: '2025-03-04T09:00:00.000Z',
    totalDeliveryDays: 3,
  },
};
const delivered = {
  type: 'OrderDelivered',
  data: {
    orderId: 'o1',
    deliveryId: 'd',
    message: 'm',
    fileRefs: [],
    deliveredAt: 'x',
    late: false,
    revisionRound: 0,
  },
};
const contested = {
  type: 'OrderContested',
  data: {
    orderId: 'o1',
    disputeId: 'd1',
    contestedBy: 'b1',
    reason: 'late_delivery',
    previousStatus: 'delivered',
    contestedAt: 'x',
  },
};

const fold = (events: { type: string; data: unknown }[]) =>
  events.reduce((v, e) => foldOrderView(v, e), emptyOrderView());

describe('order view (read-only fold of the order stream)', () => {
  it('follows the order to contested, remembering where it stood and which dispute froze it', () => {
    const view = fold([placed, started, delivered, contested]);
    expect(view).toMatchObject({
      status: 'contested',
      buyerId: 'b1',
      sellerId: 's1',
      escrowId: 'e1',
      contest: { disputeId: 'd1', contestedBy: 'b1', previousStatus: 'delivered' },
      disputeIds: ['d1'],
    });
  });

  it('puts a withdrawn contest back where the order was', () => {
    const withdrawn = {
      type: 'OrderContestWithdrawn',
      data: {
        orderId: 'o1',
        disputeId: 'd1',
        withdrawnBy: 'b1',
        restoredStatus: 'delivered',
        withdrawnAt: 'x',
      },
    };
    expect(fold([placed, started, delivered, contested, withdrawn])).toMatchObject({
      status: 'delivered',
      contest: null,
      disputeIds: ['d1'],
    });
  });

  it('records the resolution amounts and ignores anything after the end but messages', () => {
    const resolved = {
      type: 'OrderResolved',
      data: {
        orderId: 'o1',
        escrowId: 'e1',
        disputeId: 'd1',
        refundedCents: 4_000,
        releasedCents: 6_000,
        commissionCents: 600,
        sellerNetCents: 5_400,
        resolvedBy: 'm',
        resolvedAt: 'x',
      },
    };
    const message = {
      type: 'OrderMessagePosted',
      data: {
        orderId: 'o1',
        messageId: 'x',
        authorId: 'b1',
        text: 'hi',
        fileRefs: [],
        automatic: false,
        postedAt: 'x',
      },
    };
    const view = fold([placed, started, delivered, contested, resolved, delivered, message]);
    expect(view).toMatchObject({ status: 'resolved', messages: 1, deliveries: 1 });
    expect(view.resolution).toEqual({
      disputeId: 'd1',
      refundedCents: 4_000,
      releasedCents: 6_000,
      commissionCents: 600,
      sellerNetCents: 5_400,
    });
  });

  it('ignores an event type it does not know instead of throwing', () => {
    expect(fold([placed, { type: 'OrderTeleported', data: {} }]).status).toBe('awaiting_start');
  });

  it('shows the same French labels as the orders context', () => {
    expect(ORDER_VIEW_STATUS_LABELS).toEqual(ORDER_STATUS_LABELS);
  });
});

describe('escrow view (read-only fold of the escrow stream)', () => {
  const opened = {
    type: 'EscrowOpened',
    data: {
      escrowId: 'e1',
      subject: { kind: 'order', id: 'o1' },
      payerId: 'b1',
      payeeId: 's1',
      commissionRateBp: 1_000,
    },
  };
  const funded = {
    type: 'EscrowFunded',
    data: {
      escrowId: 'e1',
      trancheId: 't1',
      amountCents: 10_000,
      paymentRef: 'pi_1',
      fundedTotalCents: 10_000,
    },
  };
  const frozen = { type: 'EscrowFrozen', data: { escrowId: 'e1', disputeId: 'd1' } };
  const refunded = {
    type: 'EscrowRefunded',
    data: {
      escrowId: 'e1',
      refundId: 'r1',
      payerId: 'b1',
      amountCents: 4_000,
      reason: 'decision',
      disputeId: 'd1',
      decisionId: 'x',
    },
  };
  const released = {
    type: 'EscrowReleased',
    data: {
      escrowId: 'e1',
      releaseId: 'l1',
      payeeId: 's1',
      amountCents: 6_000,
      commissionCents: 600,
      vatOnCommissionCents: 100,
      payeeNetCents: 5_400,
      reason: 'decision',
      disputeId: 'd1',
      decisionId: 'x',
    },
  };
  const foldE = (events: { type: string; data: unknown }[]) =>
    events.reduce((v, e) => foldEscrowView(v, e), emptyEscrowView());

  it('stays frozen while money is held and closes when a decision empties it', () => {
    expect(foldE([opened, funded, frozen, refunded])).toMatchObject({
      status: 'frozen',
      frozenBy: 'd1',
      heldCents: 6_000,
      refundedCents: 4_000,
    });
    const closed = foldE([opened, funded, frozen, refunded, released]);
    expect(closed).toMatchObject({
      status: 'closed',
      frozenBy: null,
      heldCents: 0,
      releasedCents: 6_000,
      commissionCents: 600,
      payeeNetCents: 5_400,
    });
    expect(closed.fundedCents).toBe(closed.releasedCents + closed.refundedCents + closed.heldCents);
    expect(closed.releases.l1).toMatchObject({
      commissionCents: 600,
      payeeNetCents: 5_400,
      decisionId: 'x',
    });
  });

  it('counts a re-delivered movement once', () => {
    expect(foldE([opened, funded, refunded, refunded]).refundedCents).toBe(4_000);
  });

  it('unfreezes only for the dispute that froze it', () => {
    expect(
      foldE([
        opened,
        funded,
        frozen,
        { type: 'EscrowUnfrozen', data: { escrowId: 'e1', disputeId: 'other' } },
      ]).status,
    ).toBe('frozen');
    expect(
      foldE([
        opened,
        funded,
        frozen,
        { type: 'EscrowUnfrozen', data: { escrowId: 'e1', disputeId: 'd1' } },
      ]).status,
    ).toBe('held');
  });

  it('shows the same French labels as the escrow context', () => {
    expect(ESCROW_VIEW_STATUS_LABELS).toEqual(ESCROW_STATUS_LABELS);
  });

  it('describes releases with the commission and the seller’s net', () => {
    expect(describeEscrowEvent(released)).toBe(
      '€60.00 released to the seller by decision (commission €6.00, seller receives €54.00)',
    );
    expect(describeEscrowEvent(refunded)).toBe('€40.00 refunded to the buyer by decision');
  });
});

describe('plain-words lines for order events', () => {
  const roleOf = (id: string) => (id === 'b1' ? 'Buyer' : id === 's1' ? 'Seller' : 'Someone');

  it('names who wrote a message and quotes it', () => {
    const message = {
      type: 'OrderMessagePosted',
      data: {
        orderId: 'o1',
        messageId: 'x',
        authorId: 's1',
        text: 'Draft  attached\nsee file',
        fileRefs: ['f'],
        automatic: false,
        postedAt: 'x',
      },
    };
    expect(describeOrderEvent(message, roleOf)).toBe(
      'Seller wrote with 1 file: “Draft attached see file”',
    );
  });

  it('names the contester and the resolution amounts', () => {
    expect(describeOrderEvent(contested, roleOf)).toBe(
      'Buyer contested the order; it is frozen until the dispute ends',
    );
    const resolved = {
      type: 'OrderResolved',
      data: { refundedCents: 4_000, releasedCents: 6_000, commissionCents: 600 },
    };
    expect(describeOrderEvent(resolved, roleOf)).toBe(
      'Order resolved: €40.00 refunded to the buyer, €60.00 released to the seller (commission €6.00)',
    );
  });

  it('says when the delivery is due', () => {
    expect(describeOrderEvent(started, roleOf)).toBe(
      'Seller started the work; delivery due 2025-03-04 09:00 UTC',
    );
  });
});

describe('the `at` of a case replay', () => {
  const recorded = (commit: bigint, prepare: bigint, at: string) =>
    ({ position: { commit, prepare }, recordedAt: new Date(at) }) as RecordedEvent;

  it('reads a log position as printed in a timeline entry, inclusively', () => {
    const moment = parseCaseMoment('12:40');
    expect(moment).toMatchObject({ kind: 'position', position: { commit: 12n, prepare: 40n } });
    expect(isAtOrBefore(recorded(12n, 40n, '2025-01-01T00:00:00Z'), moment)).toBe(true);
    expect(isAtOrBefore(recorded(12n, 41n, '2025-01-01T00:00:00Z'), moment)).toBe(false);
    expect(formatPosition({ commit: 12n, prepare: 40n })).toBe('12:40');
  });

  it('reads an instant with its offset and compares recorded times', () => {
    const moment = parseCaseMoment('2025-03-01T10:00:00+01:00') as Extract<
      CaseMoment,
      { kind: 'time' }
    >;
    expect(moment.at).toBe('2025-03-01T09:00:00.000Z');
    expect(isAtOrBefore(recorded(1n, 1n, '2025-03-01T09:00:00.000Z'), moment)).toBe(true);
    expect(isAtOrBefore(recorded(1n, 1n, '2025-03-01T09:00:00.001Z'), moment)).toBe(false);
  });

  it.each(['yesterday', '2025-03-01', '2025-13-45T99:00:00Z', '12', '-1:3', ''])(
    'refuses %p with CASE_AT_INVALID',
    (value) => {
      expect(() => parseCaseMoment(value)).toThrow(
        expect.objectContaining({ code: 'CASE_AT_INVALID', family: 'validation' }),
      );
    },
  );
});

describe('derived ids', () => {
  it('are UUIDs, stable for the same parts and different otherwise', () => {
    const a = deterministicId('dispute', 'o1', '0');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicId('dispute', 'o1', '0')).toBe(a);
    expect(disputeEffectIds.dispute('o1', 0)).not.toBe(disputeEffectIds.dispute('o1', 1));
    expect(deterministicId('a', 'bc')).not.toBe(deterministicId('ab', 'c'));
  });
});
