import { DeciderSpecification } from '../../../test/support/decider-spec';
import { DecisionOutcome, disputeDecider } from './index';
import {
  ADMIN,
  as,
  assigned,
  BUYER,
  command,
  DISPUTE_ID,
  ESCROW_ID,
  HELD,
  MEDIATOR,
  OTHER_MEDIATOR,
  opened,
  ORDER_ID,
  SELLER,
} from './dispute.fixtures.spec';

const spec = DeciderSpecification.for(disputeDecider);
const underReview = [opened(), assigned()];

const decide = (
  outcome: DecisionOutcome,
  amounts: { refundCents?: number; releaseCents?: number } = {},
  heldCents = HELD,
  by = as.mediator,
) =>
  command(
    'DecideDispute',
    {
      decisionId: 'dec-1',
      outcome,
      reasoning: 'Late by 4 days; half the slides delivered.',
      heldCents,
      ...amounts,
    },
    by,
  );
const propose = (refundCents: number, releaseCents: number, by = as.mediator) =>
  command('ProposeSettlement', { settlementId: 'stl-1', refundCents, releaseCents }, by);

describe('under review', () => {
  it('is under review with the mediator who took the case', () => {
    expect(spec.given(underReview).state()).toMatchObject({
      status: 'under_review',
      mediatorId: MEDIATOR,
    });
  });

  describe('reassignment', () => {
    it('lets an admin hand the case to another mediator', () => {
      spec
        .given(underReview)
        .when(command('AssignMediator', { mediatorId: OTHER_MEDIATOR }, as.admin))
        .then([
          {
            type: 'DisputeAssigned',
            data: {
              disputeId: DISPUTE_ID,
              mediatorId: OTHER_MEDIATOR,
              assignedBy: ADMIN,
              assignedByRole: 'admin',
              previousMediatorId: MEDIATOR,
            },
          },
        ]);
    });

    it('refuses another mediator taking a case that already has one', () => {
      spec
        .given(underReview)
        .when(command('AssignMediator', { mediatorId: OTHER_MEDIATOR }, as.otherMediator))
        .thenThrows('ONLY_ADMIN_MAY_REASSIGN', { currentMediatorId: MEDIATOR });
    });

    it.each([
      ['the same mediator', as.mediator],
      ['an admin', as.admin],
    ])('changes nothing when %s assigns the current mediator again', (_who, by) => {
      spec
        .given(underReview)
        .when(command('AssignMediator', { mediatorId: MEDIATOR }, by))
        .then([]);
    });

    it('takes the decision away from the former mediator', () => {
      const reassigned = [
        ...underReview,
        assigned({
          mediatorId: OTHER_MEDIATOR,
          assignedBy: ADMIN,
          assignedByRole: 'admin',
          previousMediatorId: MEDIATOR,
        }),
      ];
      spec
        .given(reassigned)
        .when(decide('pay_seller'))
        .thenThrows('NOT_ASSIGNED_MEDIATOR', { mediatorId: OTHER_MEDIATOR });
      spec
        .given(reassigned)
        .when(decide('pay_seller', {}, HELD, as.otherMediator))
        .thenMatches(([event]) => expect(event.data).toMatchObject({ decidedBy: OTHER_MEDIATOR }));
    });
  });

  describe('settlement proposals', () => {
    it('lets the assigned mediator propose a settlement', () => {
      spec
        .given(underReview)
        .when(propose(4_000, 6_000))
        .then([
          {
            type: 'DisputeSettlementProposed',
            data: {
              disputeId: DISPUTE_ID,
              settlementId: 'stl-1',
              proposedBy: MEDIATOR,
              proposedByRole: 'mediator',
              refundCents: 4_000,
              releaseCents: 6_000,
              heldCents: HELD,
              replacesSettlementId: null,
            },
          },
        ]);
    });

    it('refuses a proposal by a mediator not assigned to the case', () => {
      spec
        .given(underReview)
        .when(propose(4_000, 6_000, as.otherMediator))
        .thenThrows('NOT_ASSIGNED_MEDIATOR');
    });

    it('refuses a proposal by a party', () => {
      spec
        .given(underReview)
        .when(propose(4_000, 6_000, as.seller))
        .thenThrows('NOT_MEDIATION_STAFF');
    });

    it.each([
      ['a refund above what is held', 10_001, 0],
      ['a release above what is held', 0, 10_001],
      ['a total above what is held', 6_000, 6_000],
    ])('refuses %s', (_what, refundCents, releaseCents) => {
      spec
        .given(underReview)
        .when(propose(refundCents, releaseCents))
        .thenThrows('DECISION_EXCEEDS_HELD', { heldCents: HELD, refundCents, releaseCents });
    });

    it('refuses a proposal that leaves money stuck in the escrow', () => {
      spec
        .given(underReview)
        .when(propose(3_000, 6_000))
        .thenThrows('DECISION_MUST_DISTRIBUTE_HELD', {
          heldCents: HELD,
          refundCents: 3_000,
          releaseCents: 6_000,
        });
    });

    it('refuses a negative amount', () => {
      spec
        .given(underReview)
        .when(propose(-1, 10_001))
        .thenThrows('MONEY_INVALID_AMOUNT', { field: 'refundCents' });
    });
  });

  describe('arbitration decision', () => {
    it('refunds everything held to the buyer on a full refund', () => {
      spec
        .given(underReview)
        .when(decide('full_refund'))
        .then([
          {
            type: 'DisputeDecided',
            data: {
              disputeId: DISPUTE_ID,
              decisionId: 'dec-1',
              decidedBy: MEDIATOR,
              decidedByRole: 'mediator',
              outcome: 'full_refund',
              refundCents: HELD,
              releaseCents: 0,
              reasoning: 'Late by 4 days; half the slides delivered.',
              heldCents: HELD,
              subject: { kind: 'order', id: ORDER_ID },
              escrowId: ESCROW_ID,
              buyerId: BUYER,
              sellerId: SELLER,
            },
          },
        ]);
    });

    it.each<[DecisionOutcome, { refundCents?: number; releaseCents?: number }, number, number]>([
      ['pay_seller', {}, 0, HELD],
      ['pay_seller', { refundCents: 0 }, 0, HELD],
      ['full_refund', { refundCents: HELD, releaseCents: 0 }, HELD, 0],
      ['partial_refund', { refundCents: 2_500 }, 2_500, 7_500],
      ['partial_refund', { refundCents: 1, releaseCents: 9_999 }, 1, 9_999],
      ['split', { refundCents: 5_000, releaseCents: 5_000 }, 5_000, 5_000],
      ['split', { refundCents: HELD, releaseCents: 0 }, HELD, 0],
    ])(
      'decides %s %j as %i refunded and %i released',
      (outcome, amounts, refundCents, releaseCents) => {
        spec
          .given(underReview)
          .when(decide(outcome, amounts))
          .thenMatches(([event]) =>
            expect(event.data).toMatchObject({
              outcome,
              refundCents,
              releaseCents,
              heldCents: HELD,
            }),
          );
      },
    );

    it('limits a decision on tranche-funded work to what is funded and not yet released', () => {
      spec
        .given(underReview)
        .when(decide('pay_seller', {}, 4_000))
        .thenMatches(([event]) =>
          expect(event.data).toMatchObject({
            refundCents: 0,
            releaseCents: 4_000,
            heldCents: 4_000,
          }),
        );
      spec
        .given(underReview)
        .when(decide('split', { refundCents: 5_000, releaseCents: 5_000 }, 4_000))
        .thenThrows('DECISION_EXCEEDS_HELD', { heldCents: 4_000 });
    });

    it('can only give back nothing when nothing is funded', () => {
      spec
        .given(underReview)
        .when(decide('pay_seller', {}, 0))
        .thenMatches(([event]) =>
          expect(event.data).toMatchObject({ refundCents: 0, releaseCents: 0 }),
        );
    });

    it.each<
      [string, DecisionOutcome, { refundCents?: number; releaseCents?: number }, number, number]
    >([
      ['a full refund of more than held', 'full_refund', { refundCents: 10_001 }, 10_001, 0],
      ['a full refund that also releases money', 'full_refund', { releaseCents: 1 }, HELD, 1],
      [
        'a payment to the seller of more than held',
        'pay_seller',
        { releaseCents: 12_000 },
        0,
        12_000,
      ],
      [
        'a payment to the seller that also refunds',
        'pay_seller',
        { refundCents: HELD },
        HELD,
        HELD,
      ],
      ['a partial refund of more than held', 'partial_refund', { refundCents: 10_001 }, 10_001, 0],
      [
        'a partial refund whose release overshoots',
        'partial_refund',
        { refundCents: 2_000, releaseCents: 8_001 },
        2_000,
        8_001,
      ],
      [
        'a split refunding more than held',
        'split',
        { refundCents: 10_001, releaseCents: 0 },
        10_001,
        0,
      ],
      [
        'a split releasing more than held',
        'split',
        { refundCents: 0, releaseCents: 10_001 },
        0,
        10_001,
      ],
      [
        'a split whose sum is above held',
        'split',
        { refundCents: 5_000, releaseCents: 5_001 },
        5_000,
        5_001,
      ],
    ])(
      'refuses %s with 422 DECISION_EXCEEDS_HELD',
      (_what, outcome, amounts, refundCents, releaseCents) => {
        spec
          .given(underReview)
          .when(decide(outcome, amounts))
          .thenThrows('DECISION_EXCEEDS_HELD', { heldCents: HELD, refundCents, releaseCents });
      },
    );

    it.each<
      [string, DecisionOutcome, { refundCents?: number; releaseCents?: number }, number, number]
    >([
      [
        'a split whose sum is below held',
        'split',
        { refundCents: 4_000, releaseCents: 5_000 },
        4_000,
        5_000,
      ],
      [
        'a partial refund whose release falls short',
        'partial_refund',
        { refundCents: 2_000, releaseCents: 7_000 },
        2_000,
        7_000,
      ],
      ['a full refund of less than held', 'full_refund', { refundCents: 9_000 }, 9_000, 0],
      [
        'a payment to the seller of less than held',
        'pay_seller',
        { releaseCents: 9_000 },
        0,
        9_000,
      ],
    ])(
      'refuses %s with 422 DECISION_MUST_DISTRIBUTE_HELD',
      (_what, outcome, amounts, refundCents, releaseCents) => {
        spec
          .given(underReview)
          .when(decide(outcome, amounts))
          .thenThrows('DECISION_MUST_DISTRIBUTE_HELD', {
            heldCents: HELD,
            refundCents,
            releaseCents,
          });
      },
    );

    it.each([
      ['nothing', 0],
      ['everything held', HELD],
    ])('refuses a partial refund of %s', (_what, refundCents) => {
      spec
        .given(underReview)
        .when(decide('partial_refund', { refundCents }))
        .thenThrows('DECISION_AMOUNTS_DO_NOT_MATCH_OUTCOME', {
          outcome: 'partial_refund',
          heldCents: HELD,
          refundCents,
        });
    });

    it.each<[DecisionOutcome, { refundCents?: number; releaseCents?: number }, string]>([
      ['partial_refund', {}, 'refundCents'],
      ['split', { releaseCents: 5_000 }, 'refundCents'],
      ['split', { refundCents: 5_000 }, 'releaseCents'],
    ])('refuses a %s decision given %j: %s is missing', (outcome, amounts, field) => {
      spec
        .given(underReview)
        .when(decide(outcome, amounts))
        .thenThrows('DECISION_AMOUNT_REQUIRED', { outcome, field });
    });

    it.each(['', '  \n '])('refuses a decision without reasoning (%j)', (reasoning) => {
      spec
        .given(underReview)
        .when(
          command(
            'DecideDispute',
            { decisionId: 'dec-1', outcome: 'pay_seller', reasoning, heldCents: HELD },
            as.mediator,
          ),
        )
        .thenThrows('DECISION_REASONING_REQUIRED');
    });

    it('refuses an unknown outcome', () => {
      spec
        .given(underReview)
        .when(decide('keep_it' as DecisionOutcome))
        .thenThrows('DECISION_OUTCOME_INVALID', { outcome: 'keep_it' });
    });

    it.each([
      ['a fractional refund', { refundCents: 2_500.5 }, 'refundCents'],
      ['a negative release', { refundCents: 2_500, releaseCents: -1 }, 'releaseCents'],
    ])('refuses %s', (_what, amounts, field) => {
      spec
        .given(underReview)
        .when(decide('partial_refund', amounts))
        .thenThrows('MONEY_INVALID_AMOUNT', { field });
    });

    it('refuses an invalid held amount from the application', () => {
      spec
        .given(underReview)
        .when(decide('full_refund', {}, -5))
        .thenThrows('MONEY_INVALID_AMOUNT', { field: 'heldCents' });
    });

    it('lets an admin decide a case assigned to a mediator', () => {
      spec
        .given(underReview)
        .when(decide('full_refund', {}, HELD, as.admin))
        .thenMatches(([event]) =>
          expect(event.data).toMatchObject({ decidedBy: ADMIN, decidedByRole: 'admin' }),
        );
    });

    it('resolves the dispute with the decided amounts', () => {
      const decision = disputeDecider.decide(
        decide('partial_refund', { refundCents: 2_500 }),
        spec.given(underReview).state(),
      );
      expect(spec.given([...underReview, ...decision]).state()).toMatchObject({
        status: 'resolved',
        resolution: {
          via: 'decision',
          decisionId: 'dec-1',
          outcome: 'partial_refund',
          refundCents: 2_500,
          releaseCents: 7_500,
        },
      });
    });
  });

  describe('parties keep talking', () => {
    it('still accepts statements from both parties', () => {
      spec
        .given(underReview)
        .when(
          command(
            'AddStatement',
            { statementId: 'stm-3', text: 'Here is the chat log.', evidenceRefs: ['msg-40'] },
            as.buyer,
          ),
        )
        .thenMatches(([event]) => expect(event.type).toBe('DisputeStatementAdded'));
    });

    it('still lets the opener withdraw', () => {
      spec
        .given(underReview)
        .when(command('WithdrawDispute', {}, as.buyer))
        .thenMatches(([event]) => expect(event.type).toBe('DisputeWithdrawn'));
      expect(
        spec
          .given([
            ...underReview,
            {
              type: 'DisputeWithdrawn',
              data: {
                disputeId: DISPUTE_ID,
                withdrawnBy: BUYER,
                withdrawnByRole: 'buyer',
                subject: { kind: 'order', id: ORDER_ID },
                escrowId: ESCROW_ID,
                orderStatusToRestore: 'active',
              },
            },
          ])
          .state(),
      ).toMatchObject({ status: 'withdrawn', withdrawnBy: BUYER });
    });

    it('still records a lapsed response deadline', () => {
      spec
        .given(underReview)
        .when(
          command('LapseResponseDeadline', {}, { ...as.system, now: '2025-03-20T00:00:00.000Z' }),
        )
        .thenMatches((events) =>
          expect(events.map((e) => e.type)).toEqual(['DisputeResponseDeadlineLapsed']),
        );
    });
  });
});
