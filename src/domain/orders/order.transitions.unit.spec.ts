import { orderDecider } from './index';
import { OrderCommand } from './order.commands';
import { OrderEvent } from './order.events';
import { OrderStatus } from './order.state';
import { command } from './order.command-fixtures.spec';
import { ALL_STATUSES, as, history, spec, times } from './order.fixtures.spec';

/**
 * An event type list when allowed, `[]` for a moot system job, or the error code of the refusal.
 */
type Outcome = string[] | string;
const ok = (...types: string[]): Outcome => types;

const S = 'ORDER_ALREADY_STARTED';
const NS = 'ORDER_NOT_STARTED';
const ND = 'ORDER_NOT_DELIVERED';
const T = 'ORDER_TERMINAL';
const F = 'ORDER_FROZEN';
const AG = 'ORDER_CANCELLATION_REQUIRES_AGREEMENT';
const NP = 'ORDER_NO_PENDING_CANCELLATION';
const NC = 'ORDER_NOT_CONTESTED';
const NCo = 'ORDER_NOT_COMPLETED';
const CL = 'ORDER_CONVERSATION_CLOSED';
const AP = 'ORDER_ALREADY_PLACED';
const cancelled = ok('OrderCancelled');

// Columns follow ALL_STATUSES: awaiting_start, active, delivered, in_revision, completed,
// contested, resolved, cancelled.
const table: Array<[string, OrderCommand, Outcome[]]> = [
  ['PlaceOrder', command.place(), [AP, AP, AP, AP, AP, AP, AP, AP]],
  ['StartOrder', command.start(), [ok('OrderStarted'), S, S, S, T, F, T, T]],
  ['DeclineOrder', command.decline(), [cancelled, S, S, S, T, F, T, T]],
  ['CancelOrder (not late)', command.cancel(), [cancelled, AG, AG, AG, T, F, T, T]],
  [
    'CancelOrder (late)',
    command.cancel(as.buyer(times.afterDue)),
    [cancelled, cancelled, AG, AG, T, F, T, T],
  ],
  [
    'RequestCancellation',
    command.requestCancellation(),
    [
      NS,
      ok('OrderCancellationRequested'),
      ok('OrderCancellationRequested'),
      ok('OrderCancellationRequested'),
      T,
      F,
      T,
      T,
    ],
  ],
  ['AcceptCancellation', command.acceptCancellation(), [NP, NP, NP, NP, T, F, T, T]],
  ['DeclineCancellation', command.declineCancellation(), [NP, NP, NP, NP, T, F, T, T]],
  ['MarkOrderLate', command.markLate(), [NS, ok('OrderDeliveryLate'), [], [], [], F, [], []]],
  [
    'DeliverOrder',
    command.deliver(),
    [NS, ok('OrderDelivered'), 'ORDER_ALREADY_DELIVERED', ok('OrderDelivered'), T, F, T, T],
  ],
  [
    'RequestRevision',
    command.requestRevision(),
    [ND, ND, ok('OrderRevisionRequested'), ND, T, F, T, T],
  ],
  ['AcceptDelivery', command.accept(), [ND, ND, ok('OrderCompleted'), ND, T, F, T, T]],
  ['AcceptDelivery (auto)', command.autoAccept(), [ND, ND, ok('OrderCompleted'), ND, T, F, T, T]],
  [
    'PostMessage',
    command.post(),
    [
      ok('OrderMessagePosted'),
      ok('OrderMessagePosted'),
      ok('OrderMessagePosted'),
      ok('OrderMessagePosted'),
      CL,
      ok('OrderMessagePosted'),
      CL,
      CL,
    ],
  ],
  ['LeaveReview', command.review(), [NCo, NCo, NCo, NCo, ok('OrderReviewed'), F, NCo, NCo]],
  [
    'ContestOrder',
    command.contest(as.seller(), { disputeId: 'dispute-2' }),
    [NS, ok('OrderContested'), ok('OrderContested'), ok('OrderContested'), T, F, T, T],
  ],
  ['WithdrawContest', command.withdraw(), [NC, NC, NC, NC, T, ok('OrderContestWithdrawn'), T, T]],
  ['ResolveOrder', command.resolve(), [NC, NC, NC, NC, T, ok('OrderResolved'), T, T]],
];

const cases = table.flatMap(([name, cmd, outcomes]) =>
  ALL_STATUSES.map((status, column) => ({
    name,
    cmd,
    status,
    outcome: outcomes[column] as Outcome,
  })),
);

describe('Order transitions: every command in every status', () => {
  it('covers every status in the table', () => {
    expect(ALL_STATUSES).toEqual([
      'awaiting_start',
      'active',
      'delivered',
      'in_revision',
      'completed',
      'contested',
      'resolved',
      'cancelled',
    ]);
    for (const [, , outcomes] of table) expect(outcomes).toHaveLength(ALL_STATUSES.length);
  });

  it('folds each history into the status it stands for', () => {
    for (const status of ALL_STATUSES)
      expect(spec.given(history[status]).state().status).toBe(status);
  });

  it.each(cases)('$name when $status → $outcome', ({ cmd, status, outcome }) => {
    const when = spec.given(history[status]).when(cmd);
    if (typeof outcome === 'string') {
      const details: Record<string, unknown> = { currentStatus: status };
      if (outcome === F) details.disputeId = 'dispute-1';
      when.thenThrows(outcome, details);
    } else {
      when.thenMatches((events) => expect(events.map((event) => event.type)).toEqual(outcome));
    }
  });

  it.each(['completed', 'resolved', 'cancelled'] as OrderStatus[])(
    'never leaves the terminal status %s, whatever the command',
    (status) => {
      const given = spec.given(history[status]);
      for (const [, cmd] of table) {
        let emitted: OrderEvent[] = [];
        try {
          emitted = orderDecider.decide(cmd, given.state());
        } catch {
          // refused: nothing recorded
        }
        expect(spec.given([...history[status], ...emitted]).state().status).toBe(status);
      }
    },
  );
});

describe('Order authorization', () => {
  const partyCommands: Array<[string, OrderCommand, OrderStatus]> = [
    ['StartOrder', command.start(as.outsider()), 'awaiting_start'],
    ['DeclineOrder', command.decline(as.outsider()), 'awaiting_start'],
    ['CancelOrder', command.cancel(as.outsider()), 'awaiting_start'],
    ['RequestCancellation', command.requestCancellation(as.outsider()), 'active'],
    ['AcceptCancellation', command.acceptCancellation(as.outsider()), 'active'],
    ['DeclineCancellation', command.declineCancellation(as.outsider()), 'active'],
    ['DeliverOrder', command.deliver(as.outsider()), 'active'],
    ['RequestRevision', command.requestRevision(as.outsider()), 'delivered'],
    ['AcceptDelivery', command.accept(as.outsider()), 'delivered'],
    ['PostMessage', command.post(as.outsider()), 'active'],
    ['LeaveReview', command.review(as.outsider()), 'completed'],
    ['ContestOrder', command.contest(as.outsider()), 'active'],
    ['WithdrawContest', command.withdraw(as.outsider()), 'contested'],
  ];

  it.each(partyCommands)(
    'refuses %s to someone outside the order with 403 NOT_A_PARTY',
    (_name, cmd, status) => {
      spec.given(history[status]).when(cmd).thenThrows('NOT_A_PARTY');
    },
  );

  it.each(partyCommands.filter(([name]) => name !== 'WithdrawContest'))(
    'refuses %s to staff who are not a party',
    (_name, cmd, status) => {
      spec
        .given(history[status])
        .when({ ...cmd, meta: as.admin() })
        .thenThrows('NOT_A_PARTY');
    },
  );

  it.each<[string, OrderCommand, OrderStatus]>([
    ['StartOrder', command.start(as.buyer()), 'awaiting_start'],
    ['DeclineOrder', command.decline(as.buyer()), 'awaiting_start'],
    ['DeliverOrder', command.deliver(as.buyer()), 'active'],
  ])('refuses the seller-only %s to the buyer with 403 ONLY_SELLER', (_name, cmd, status) => {
    spec.given(history[status]).when(cmd).thenThrows('ONLY_SELLER');
  });

  it.each<[string, OrderCommand, OrderStatus]>([
    ['CancelOrder', command.cancel(as.seller()), 'awaiting_start'],
    ['RequestRevision', command.requestRevision(as.seller()), 'delivered'],
    ['AcceptDelivery', command.accept(as.seller()), 'delivered'],
    ['LeaveReview', command.review(as.seller()), 'completed'],
    ['PlaceOrder', command.place(as.seller()), 'awaiting_start'],
  ])('refuses the buyer-only %s to the seller with 403 ONLY_BUYER', (name, cmd, status) => {
    spec
      .given(name === 'PlaceOrder' ? [] : history[status])
      .when(cmd)
      .thenThrows('ONLY_BUYER');
  });

  it.each<[string, OrderCommand, OrderStatus]>([
    ['MarkOrderLate by the buyer', command.markLate(as.buyer(times.afterDue)), 'active'],
    ['MarkOrderLate by an admin', command.markLate(as.admin(times.afterDue)), 'active'],
    [
      'an automatic AcceptDelivery by the buyer',
      command.autoAccept(as.buyer('2025-06-07T08:00:00.000Z')),
      'delivered',
    ],
  ])('refuses %s with 403 ONLY_SYSTEM', (_name, cmd, status) => {
    spec.given(history[status]).when(cmd).thenThrows('ONLY_SYSTEM');
  });

  it.each<[string, OrderCommand]>([
    ['the buyer', command.resolve(as.buyer())],
    ['the seller', command.resolve(as.seller())],
    ['finance staff', command.resolve(as.finance())],
  ])('refuses ResolveOrder to %s with 403 ONLY_DISPUTE_HANDLER', (_name, cmd) => {
    spec.given(history.contested).when(cmd).thenThrows('ONLY_DISPUTE_HANDLER');
  });

  it('answers 404 ORDER_NOT_FOUND for any command but PlaceOrder on an unknown order', () => {
    for (const [name, cmd] of table) {
      if (name === 'PlaceOrder') continue;
      spec.given([]).when(cmd).thenThrows('ORDER_NOT_FOUND', { orderId: 'order-1' });
    }
  });
});
