import { DeciderSpecification } from '../../../test/support/decider-spec';
import { disputeDecider } from './index';
import {
  ADMIN,
  as,
  at,
  BUYER,
  command,
  DISPUTE_ID,
  ESCROW_ID,
  HELD,
  MEDIATOR,
  NOW,
  opened,
  openCommand,
  ORDER_ID,
  RESPONSE_DUE,
  SELLER,
  statementAdded,
} from './dispute.fixtures.spec';

const spec = DeciderSpecification.for(disputeDecider);
const BEFORE_DUE = '2025-03-15T08:59:59.999Z';
const AFTER_DUE = '2025-03-16T10:00:00.000Z';

const statement = (
  by = as.seller,
  text = 'The buyer never sent the brief.',
  evidenceRefs: string[] = [],
) => command('AddStatement', { statementId: 'stm-1', text, evidenceRefs }, by);
const lapse = (now: string, by = as.system) => command('LapseResponseDeadline', {}, at(by, now));

describe('open', () => {
  describe('statements and the response deadline', () => {
    it('records the respondent’s first statement before the deadline as their response', () => {
      spec
        .given([opened()])
        .when(statement(at(as.seller, BEFORE_DUE), 'I delivered on time.', ['msg-12', 'file-3']))
        .then([
          {
            type: 'DisputeStatementAdded',
            data: {
              disputeId: DISPUTE_ID,
              statementId: 'stm-1',
              authorId: SELLER,
              authorRole: 'seller',
              text: 'I delivered on time.',
              evidenceRefs: ['msg-12', 'file-3'],
              addedAt: BEFORE_DUE,
              isResponse: true,
            },
          },
        ]);
    });

    it('remembers when the respondent first answered', () => {
      const state = spec
        .given([
          opened(),
          statementAdded({ addedAt: '2025-03-11T09:00:00.000Z' }),
          statementAdded({
            statementId: 'stm-2',
            isResponse: false,
            addedAt: '2025-03-12T09:00:00.000Z',
          }),
        ])
        .state();
      expect(state).toMatchObject({ respondedAt: '2025-03-11T09:00:00.000Z' });
    });

    it('does not count a second statement by the respondent as a new response', () => {
      spec
        .given([opened(), statementAdded()])
        .when(statement())
        .thenMatches(([event]) => expect(event.data).toMatchObject({ isResponse: false }));
    });

    it('does not count the opener’s own statements as a response', () => {
      spec
        .given([opened()])
        .when(statement(as.buyer, 'Still nothing.'))
        .thenMatches(([event]) =>
          expect(event.data).toMatchObject({
            authorId: BUYER,
            authorRole: 'buyer',
            isResponse: false,
          }),
        );
      expect(
        spec
          .given([
            opened(),
            statementAdded({ authorId: BUYER, authorRole: 'buyer', isResponse: false }),
          ])
          .state(),
      ).toMatchObject({ respondedAt: null });
    });

    it.each([RESPONSE_DUE, AFTER_DUE])(
      'does not count a statement made at %s as a timely response',
      (now) => {
        spec
          .given([opened()])
          .when(statement(at(as.seller, now)))
          .thenMatches(([event]) => expect(event.data).toMatchObject({ isResponse: false }));
      },
    );

    it.each([
      ['a stranger', as.stranger],
      ['a mediator', as.mediator],
    ])('refuses a statement by %s', (_who, by) => {
      spec.given([opened()]).when(statement(by)).thenThrows('NOT_A_PARTY');
    });

    it('refuses an empty statement', () => {
      spec
        .given([opened()])
        .when(statement(as.seller, '  '))
        .thenThrows('DISPUTE_STATEMENT_REQUIRED');
    });

    it('refuses a blank evidence reference', () => {
      spec
        .given([opened()])
        .when(statement(as.seller, 'See attached.', ['']))
        .thenThrows('DISPUTE_EVIDENCE_REF_INVALID', { index: 0 });
    });

    it.each([RESPONSE_DUE, AFTER_DUE])(
      'records that the respondent stayed silent when the job runs at %s',
      (now) => {
        spec
          .given([opened()])
          .when(lapse(now))
          .then([
            {
              type: 'DisputeResponseDeadlineLapsed',
              data: {
                disputeId: DISPUTE_ID,
                respondentId: SELLER,
                respondentRole: 'seller',
                responseDueAt: RESPONSE_DUE,
              },
            },
          ]);
      },
    );

    it('still records the lapse when the respondent only wrote after the deadline', () => {
      spec
        .given([opened(), statementAdded({ addedAt: AFTER_DUE, isResponse: false })])
        .when(lapse(AFTER_DUE))
        .thenMatches((events) =>
          expect(events.map((e) => e.type)).toEqual(['DisputeResponseDeadlineLapsed']),
        );
    });

    it('marks the response as lapsed in the state', () => {
      expect(
        spec
          .given([
            opened(),
            {
              type: 'DisputeResponseDeadlineLapsed',
              data: {
                disputeId: DISPUTE_ID,
                respondentId: SELLER,
                respondentRole: 'seller',
                responseDueAt: RESPONSE_DUE,
              },
            },
          ])
          .state(),
      ).toMatchObject({ status: 'open', responseLapsed: true });
    });

    it('does nothing when the job runs before the deadline', () => {
      spec.given([opened()]).when(lapse(BEFORE_DUE)).then([]);
    });

    it('does nothing when the respondent answered in time', () => {
      spec.given([opened(), statementAdded()]).when(lapse(AFTER_DUE)).then([]);
    });

    it('does nothing when the lapse was already recorded (re-delivered job)', () => {
      const lapsed = {
        type: 'DisputeResponseDeadlineLapsed' as const,
        data: {
          disputeId: DISPUTE_ID,
          respondentId: SELLER,
          respondentRole: 'seller' as const,
          responseDueAt: RESPONSE_DUE,
        },
      };
      spec.given([opened(), lapsed]).when(lapse(AFTER_DUE)).then([]);
    });

    it.each([
      ['the buyer', as.buyer],
      ['a mediator', as.mediator],
    ])('refuses %s recording a lapse', (_who, by) => {
      spec.given([opened()]).when(lapse(AFTER_DUE, by)).thenThrows('SYSTEM_ONLY');
    });
  });

  describe('taking the case', () => {
    it('lets a mediator take the case, which puts it under review', () => {
      spec
        .given([opened()])
        .when(command('AssignMediator', { mediatorId: MEDIATOR }, as.mediator))
        .then([
          {
            type: 'DisputeAssigned',
            data: {
              disputeId: DISPUTE_ID,
              mediatorId: MEDIATOR,
              assignedBy: MEDIATOR,
              assignedByRole: 'mediator',
              previousMediatorId: null,
            },
          },
        ]);
    });

    it('lets an admin assign a mediator', () => {
      spec
        .given([opened()])
        .when(command('AssignMediator', { mediatorId: MEDIATOR }, as.admin))
        .thenMatches(([event]) =>
          expect(event.data).toMatchObject({
            mediatorId: MEDIATOR,
            assignedBy: ADMIN,
            assignedByRole: 'admin',
          }),
        );
    });

    it('refuses a mediator assigning the case to someone else', () => {
      spec
        .given([opened()])
        .when(command('AssignMediator', { mediatorId: 'acc-mediator-2' }, as.mediator))
        .thenThrows('ONLY_ADMIN_MAY_ASSIGN_OTHERS');
    });

    it.each([
      ['the buyer', as.buyer],
      ['finance', as.finance],
    ])('refuses %s assigning a mediator', (_who, by) => {
      spec
        .given([opened()])
        .when(command('AssignMediator', { mediatorId: MEDIATOR }, by))
        .thenThrows('NOT_MEDIATION_STAFF');
    });

    it('lets any mediator leave an internal note, marked staff-only', () => {
      spec
        .given([opened()])
        .when(
          command(
            'AddInternalNote',
            { noteId: 'note-1', text: ' Buyer has 3 prior disputes. ' },
            as.otherMediator,
          ),
        )
        .then([
          {
            type: 'DisputeInternalNoteAdded',
            data: {
              disputeId: DISPUTE_ID,
              noteId: 'note-1',
              authorId: 'acc-mediator-2',
              authorRole: 'mediator',
              text: 'Buyer has 3 prior disputes.',
              visibility: 'staff',
            },
          },
        ]);
    });

    it.each([
      ['the buyer', as.buyer],
      ['the seller', as.seller],
      ['finance', as.finance],
    ])('refuses an internal note by %s', (_who, by) => {
      spec
        .given([opened()])
        .when(command('AddInternalNote', { noteId: 'n', text: 'x' }, by))
        .thenThrows('NOT_MEDIATION_STAFF');
    });

    it('refuses an empty internal note', () => {
      spec
        .given([opened()])
        .when(command('AddInternalNote', { noteId: 'n', text: '' }, as.admin))
        .thenThrows('DISPUTE_NOTE_REQUIRED');
    });
  });

  describe('settling and deciding before anyone took the case', () => {
    const propose = (by = as.admin) =>
      command(
        'ProposeSettlement',
        { settlementId: 'stl-1', refundCents: 3_000, releaseCents: 7_000 },
        by,
      );
    const decide = (by = as.admin) =>
      command(
        'DecideDispute',
        {
          decisionId: 'dec-1',
          outcome: 'full_refund',
          reasoning: 'Never delivered.',
          heldCents: HELD,
        },
        by,
      );

    it('refuses a settlement proposal by a mediator who has not taken the case', () => {
      spec
        .given([opened()])
        .when(propose(as.mediator))
        .thenThrows('NOT_ASSIGNED_MEDIATOR', { mediatorId: null });
    });

    it('lets an admin propose a settlement directly', () => {
      spec
        .given([opened()])
        .when(propose())
        .thenMatches(([event]) =>
          expect(event).toEqual({
            type: 'DisputeSettlementProposed',
            data: {
              disputeId: DISPUTE_ID,
              settlementId: 'stl-1',
              proposedBy: ADMIN,
              proposedByRole: 'admin',
              refundCents: 3_000,
              releaseCents: 7_000,
              heldCents: HELD,
              replacesSettlementId: null,
            },
          }),
        );
    });

    it.each(['AcceptSettlement', 'RejectSettlement'] as const)(
      'answers %s with NO_SETTLEMENT_PROPOSED',
      (type) => {
        spec
          .given([opened()])
          .when(command(type, { settlementId: 'stl-1' }, as.buyer))
          .thenThrows('NO_SETTLEMENT_PROPOSED', { currentStatus: 'open' });
      },
    );

    it('refuses a decision by a mediator who has not taken the case', () => {
      spec.given([opened()]).when(decide(as.mediator)).thenThrows('NOT_ASSIGNED_MEDIATOR');
    });

    it('lets an admin decide directly', () => {
      spec
        .given([opened()])
        .when(decide())
        .thenMatches(([event]) =>
          expect(event.data).toMatchObject({
            decidedBy: ADMIN,
            decidedByRole: 'admin',
            refundCents: HELD,
            releaseCents: 0,
          }),
        );
    });

    it.each([
      ['the buyer', as.buyer],
      ['finance', as.finance],
    ])('refuses a decision by %s', (_who, by) => {
      spec.given([opened()]).when(decide(by)).thenThrows('NOT_MEDIATION_STAFF');
    });
  });

  describe('withdrawing', () => {
    const withdraw = (by = as.buyer) => command('WithdrawDispute', {}, by);

    it('lets the opener withdraw, giving back the order status it had', () => {
      spec
        .given([opened({ orderStatusAtOpening: 'delivered' })])
        .when(withdraw())
        .then([
          {
            type: 'DisputeWithdrawn',
            data: {
              disputeId: DISPUTE_ID,
              withdrawnBy: BUYER,
              withdrawnByRole: 'buyer',
              subject: { kind: 'order', id: ORDER_ID },
              escrowId: ESCROW_ID,
              orderStatusToRestore: 'delivered',
            },
          },
        ]);
    });

    it('lets a seller who opened the dispute withdraw it', () => {
      spec
        .given([
          opened({
            openedBy: SELLER,
            openerRole: 'seller',
            respondentId: BUYER,
            respondentRole: 'buyer',
          }),
        ])
        .when(withdraw(as.seller))
        .thenMatches(([event]) =>
          expect(event.data).toMatchObject({ withdrawnBy: SELLER, withdrawnByRole: 'seller' }),
        );
    });

    it('lets the system withdraw a chargeback it opened, and nobody else', () => {
      const chargeback = opened({
        reason: 'chargeback',
        openedBy: 'sys-webhook',
        openerRole: 'system',
      });
      spec
        .given([chargeback])
        .when(withdraw(as.system))
        .thenMatches(([event]) => expect(event.type).toBe('DisputeWithdrawn'));
      spec.given([chargeback]).when(withdraw(as.buyer)).thenThrows('NOT_THE_OPENER');
    });

    it.each([
      ['the respondent', as.seller],
      ['a mediator', as.mediator],
      ['an admin', as.admin],
    ])('refuses %s withdrawing someone else’s dispute', (_who, by) => {
      spec.given([opened()]).when(withdraw(by)).thenThrows('NOT_THE_OPENER');
    });

    it('refuses a stranger withdrawing the dispute', () => {
      spec.given([opened()]).when(withdraw(as.stranger)).thenThrows('NOT_A_PARTY');
    });
  });

  it('refuses opening the same dispute twice', () => {
    spec
      .given([opened()])
      .when(openCommand())
      .thenThrows('DISPUTE_ALREADY_OPENED', { currentStatus: 'open' });
  });

  it('keeps the fixed opening time', () => {
    expect(spec.given([opened()]).state()).toMatchObject({ openedAt: NOW });
  });
});
