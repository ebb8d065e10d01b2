import {
  DISPUTE_EVENT_TYPES,
  DISPUTE_STATUS_LABELS,
  describeDisputeEvent,
  DisputeEvent,
  formatEuros,
  isDisputeEvent,
  isStaffOnlyDisputeEvent,
  STAFF_ONLY_DISPUTE_EVENTS,
} from './index';
import {
  acceptedBy,
  ADMIN,
  assigned,
  decided,
  DISPUTE_ID,
  MEDIATOR,
  OTHER_MEDIATOR,
  opened,
  proposed,
  SELLER,
  statementAdded,
  withdrawn,
} from './dispute.fixtures.spec';

describe('case-history wording', () => {
  it('labels every status in French', () => {
    expect(DISPUTE_STATUS_LABELS).toEqual({
      open: 'Ouvert',
      under_review: 'En cours d’examen',
      settlement_proposed: 'Accord proposé',
      resolved: 'Résolu',
      withdrawn: 'Retiré',
    });
  });

  it.each<[string, DisputeEvent, string]>([
    ['a buyer opening', opened(), 'Buyer opened a dispute: late delivery'],
    [
      'a seller opening',
      opened({ openerRole: 'seller', reason: 'cancellation_refused' }),
      'Seller opened a dispute: cancellation refused',
    ],
    [
      'a chargeback',
      opened({ openerRole: 'system', reason: 'chargeback' }),
      'System opened a dispute: chargeback',
    ],
    [
      'a timely response',
      statementAdded({ evidenceRefs: ['a', 'b'] }),
      'Seller responded to the dispute with 2 pieces of evidence',
    ],
    [
      'a further statement',
      statementAdded({ authorRole: 'buyer', isResponse: false, evidenceRefs: ['a'] }),
      'Buyer added a statement with 1 piece of evidence',
    ],
    ['a bare statement', statementAdded({ isResponse: false }), 'Seller added a statement'],
    [
      'a lapsed deadline',
      {
        type: 'DisputeResponseDeadlineLapsed',
        data: {
          disputeId: DISPUTE_ID,
          respondentId: SELLER,
          respondentRole: 'seller',
          responseDueAt: '2025-03-15T09:00:00.000Z',
        },
      },
      'Seller did not respond before the deadline',
    ],
    ['a mediator taking the case', assigned(), 'Mediator took the case'],
    [
      'an admin assigning',
      assigned({ assignedBy: ADMIN, assignedByRole: 'admin' }),
      'Case assigned to a mediator',
    ],
    [
      'a reassignment',
      assigned({
        mediatorId: OTHER_MEDIATOR,
        assignedBy: ADMIN,
        assignedByRole: 'admin',
        previousMediatorId: MEDIATOR,
      }),
      'Case reassigned to another mediator',
    ],
    [
      'an internal note',
      {
        type: 'DisputeInternalNoteAdded',
        data: {
          disputeId: DISPUTE_ID,
          noteId: 'n',
          authorId: MEDIATOR,
          authorRole: 'mediator',
          text: 'secret',
          visibility: 'staff',
        },
      },
      'Mediator added an internal note',
    ],
    [
      'a proposal',
      proposed(),
      'Mediator proposed a settlement: €40.00 refunded to the buyer, €60.00 released to the seller',
    ],
    [
      'a replacing proposal',
      proposed({ refundCents: 123_456, releaseCents: 5, replacesSettlementId: 'stl-0' }),
      'Mediator proposed a new settlement: €1,234.56 refunded to the buyer, €0.05 released to the seller',
    ],
    ['an acceptance', acceptedBy('buyer'), 'Buyer accepted the settlement'],
    [
      'a rejection',
      {
        type: 'DisputeSettlementRejected',
        data: { disputeId: DISPUTE_ID, settlementId: 'stl-1', by: SELLER, byRole: 'seller' },
      },
      'Seller rejected the settlement',
    ],
    [
      'a settlement',
      {
        type: 'DisputeSettled',
        data: {
          disputeId: DISPUTE_ID,
          settlementId: 'stl-1',
          subject: { kind: 'order', id: 'o' },
          escrowId: 'e',
          buyerId: 'b',
          sellerId: 's',
          refundCents: 4_000,
          releaseCents: 6_000,
          heldCents: 10_000,
        },
      },
      'Dispute settled by agreement: €40.00 refunded to the buyer, €60.00 released to the seller',
    ],
    ['a withdrawal', withdrawn(), 'Buyer withdrew the dispute'],
    [
      'a decision',
      decided({ outcome: 'partial_refund', refundCents: 2_500, releaseCents: 7_500 }),
      'Mediator decided: partial refund (€25.00 refunded to the buyer, €75.00 released to the seller)',
    ],
    [
      'an admin decision for the seller',
      decided({
        decidedByRole: 'admin',
        outcome: 'pay_seller',
        refundCents: 0,
        releaseCents: 10_000,
      }),
      'Admin decided: payment to the seller (€0.00 refunded to the buyer, €100.00 released to the seller)',
    ],
  ])('describes %s', (_what, event, line) => {
    expect(describeDisputeEvent(event)).toBe(line);
  });

  it('formats large amounts with thousands separators', () => {
    expect(formatEuros(1_234_567_890)).toBe('€12,345,678.90');
  });

  it('hides internal notes, and only them, from the parties', () => {
    expect(DISPUTE_EVENT_TYPES.filter(isStaffOnlyDisputeEvent)).toEqual([
      'DisputeInternalNoteAdded',
    ]);
    expect(STAFF_ONLY_DISPUTE_EVENTS.has('OrderPlaced')).toBe(false);
  });

  it('recognises dispute events in a mixed timeline', () => {
    expect(isDisputeEvent(opened())).toBe(true);
    expect(isDisputeEvent({ type: 'EscrowFunded' })).toBe(false);
    expect(isDisputeEvent({ type: 'toString' })).toBe(false);
  });
});
