import { DeciderSpecification } from '../../../test/support/decider-spec';
import { disputeDecider } from './index';
import {
  as,
  at,
  BUYER,
  DISPUTE_ID,
  ESCROW_ID,
  everyFollowUpCommand,
  HELD,
  NOW,
  opened,
  openCommand,
  ORDER_ID,
  RESPONSE_DUE,
  SELLER,
} from './dispute.fixtures.spec';

const spec = DeciderSpecification.for(disputeDecider);

describe('no dispute yet', () => {
  it('lets the buyer open a dispute, giving the seller 5 days to respond', () => {
    spec
      .given([])
      .when(openCommand({ evidenceRefs: [' file-1 '], statement: '  Nothing delivered.  ' }))
      .then([
        {
          type: 'DisputeOpened',
          data: {
            disputeId: DISPUTE_ID,
            subject: { kind: 'order', id: ORDER_ID },
            buyerId: BUYER,
            sellerId: SELLER,
            escrowId: ESCROW_ID,
            reason: 'late_delivery',
            statement: 'Nothing delivered.',
            evidenceRefs: ['file-1'],
            openedBy: BUYER,
            openerRole: 'buyer',
            respondentId: SELLER,
            respondentRole: 'seller',
            openedAt: NOW,
            responseDeadlineDays: 5,
            responseDueAt: RESPONSE_DUE,
            heldCents: HELD,
            orderStatusAtOpening: 'active',
          },
        },
      ]);
  });

  it('lets the seller open a dispute, making the buyer the respondent', () => {
    spec
      .given([])
      .when(openCommand({ reason: 'cancellation_refused', orderStatus: 'delivered' }, as.seller))
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({
          openedBy: SELLER,
          openerRole: 'seller',
          respondentId: BUYER,
          respondentRole: 'buyer',
          orderStatusAtOpening: 'delivered',
        }),
      );
  });

  it('lets the system open a chargeback dispute, the seller answering it', () => {
    spec
      .given([])
      .when(openCommand({ reason: 'chargeback' }, as.system))
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({
          openedBy: 'sys-scheduler',
          openerRole: 'system',
          respondentId: SELLER,
          reason: 'chargeback',
        }),
      );
  });

  it('records a configured response deadline as a date in the event', () => {
    spec
      .given([])
      .when(openCommand({ responseDeadlineDays: 10 }, at(as.buyer, '2025-12-28T23:30:00.000Z')))
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({
          responseDeadlineDays: 10,
          responseDueAt: '2026-01-07T23:30:00.000Z',
        }),
      );
  });

  it.each(['active', 'delivered', 'in_revision'])('accepts a %s order', (orderStatus) => {
    spec
      .given([])
      .when(openCommand({ orderStatus }))
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({ orderStatusAtOpening: orderStatus }),
      );
  });

  it.each(['pending', 'completed', 'cancelled', 'contested', 'resolved'])(
    'refuses to contest a %s order',
    (orderStatus) => {
      spec
        .given([])
        .when(openCommand({ orderStatus }))
        .thenThrows('ORDER_NOT_CONTESTABLE', { currentStatus: orderStatus });
    },
  );

  it('opens as "open", unassigned and awaiting a response', () => {
    expect(spec.given([opened()]).state()).toMatchObject({
      status: 'open',
      mediatorId: null,
      respondedAt: null,
      responseLapsed: false,
      responseDueAt: RESPONSE_DUE,
      heldCents: HELD,
    });
  });

  it.each([
    ['a stranger', as.stranger],
    ['a mediator', as.mediator],
    ['an admin', as.admin],
  ])('refuses %s opening a dispute on the order', (_who, by) => {
    spec.given([]).when(openCommand({}, by)).thenThrows('NOT_A_PARTY');
  });

  it('refuses the system opening anything but a chargeback', () => {
    spec
      .given([])
      .when(openCommand({ reason: 'other' }, as.system))
      .thenThrows('NOT_A_PARTY');
  });

  it('refuses a party choosing the chargeback reason', () => {
    spec
      .given([])
      .when(openCommand({ reason: 'chargeback' }))
      .thenThrows('DISPUTE_REASON_RESERVED_FOR_SYSTEM');
  });

  it('refuses an unknown reason', () => {
    spec
      .given([])
      .when(openCommand({ reason: 'bored' as never }))
      .thenThrows('DISPUTE_REASON_INVALID', { reason: 'bored' });
  });

  it.each(['', '   \n'])('refuses an empty statement (%j)', (statement) => {
    spec.given([]).when(openCommand({ statement })).thenThrows('DISPUTE_STATEMENT_REQUIRED');
  });

  it('refuses a blank evidence reference', () => {
    spec
      .given([])
      .when(openCommand({ evidenceRefs: ['file-1', ' '] }))
      .thenThrows('DISPUTE_EVIDENCE_REF_INVALID', { index: 1 });
  });

  it.each([0, -1, 2.5])('refuses a response deadline of %p days', (responseDeadlineDays) => {
    spec
      .given([])
      .when(openCommand({ responseDeadlineDays }))
      .thenThrows('DISPUTE_RESPONSE_DEADLINE_INVALID', { responseDeadlineDays });
  });

  it.each([-1, 10.5])('refuses a held amount of %p cents', (heldCents) => {
    spec
      .given([])
      .when(openCommand({ heldCents }))
      .thenThrows('MONEY_INVALID_AMOUNT', { field: 'heldCents' });
  });

  it.each(everyFollowUpCommand())('answers %s with DISPUTE_NOT_FOUND', (_type, command) => {
    spec.given([]).when(command).thenThrows('DISPUTE_NOT_FOUND');
  });

  it('answers a lapsed-deadline job with DISPUTE_NOT_FOUND', () => {
    spec
      .given([])
      .when({ type: 'LapseResponseDeadline', data: {}, meta: at(as.system, RESPONSE_DUE) })
      .thenThrows('DISPUTE_NOT_FOUND');
  });
});
