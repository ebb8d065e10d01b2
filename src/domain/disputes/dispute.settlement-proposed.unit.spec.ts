import { DeciderSpecification } from '../../../test/support/decider-spec';
import { disputeDecider } from './index';
import {
  ADMIN,
  acceptedBy,
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
  proposed,
  SELLER,
} from './dispute.fixtures.spec';

const spec = DeciderSpecification.for(disputeDecider);
const pending = [opened(), assigned(), proposed()];
const accept = (by = as.buyer, settlementId = 'stl-1') =>
  command('AcceptSettlement', { settlementId }, by);
const reject = (by = as.seller, settlementId = 'stl-1') =>
  command('RejectSettlement', { settlementId }, by);

describe('settlement proposed', () => {
  it('waits for both parties with no acceptance yet', () => {
    expect(spec.given(pending).state()).toMatchObject({
      status: 'settlement_proposed',
      settlement: {
        settlementId: 'stl-1',
        refundCents: 4_000,
        releaseCents: 6_000,
        acceptedBy: [],
      },
    });
  });

  it('records the first acceptance without settling', () => {
    spec
      .given(pending)
      .when(accept())
      .then([
        {
          type: 'DisputeSettlementAccepted',
          data: { disputeId: DISPUTE_ID, settlementId: 'stl-1', by: BUYER, byRole: 'buyer' },
        },
      ]);
  });

  it.each([
    ['the seller after the buyer', 'buyer', as.seller, 'seller'],
    ['the buyer after the seller', 'seller', as.buyer, 'buyer'],
  ] as const)('settles the dispute when %s accepts', (_order, first, second, secondRole) => {
    spec
      .given([...pending, acceptedBy(first)])
      .when(accept(second))
      .then([
        {
          type: 'DisputeSettlementAccepted',
          data: {
            disputeId: DISPUTE_ID,
            settlementId: 'stl-1',
            by: second.actorId,
            byRole: secondRole,
          },
        },
        {
          type: 'DisputeSettled',
          data: {
            disputeId: DISPUTE_ID,
            settlementId: 'stl-1',
            subject: { kind: 'order', id: ORDER_ID },
            escrowId: ESCROW_ID,
            buyerId: BUYER,
            sellerId: SELLER,
            refundCents: 4_000,
            releaseCents: 6_000,
            heldCents: HELD,
          },
        },
      ]);
  });

  it('is resolved once settled', () => {
    const events = disputeDecider.decide(
      accept(as.seller),
      spec.given([...pending, acceptedBy('buyer')]).state(),
    );
    expect(spec.given([...pending, acceptedBy('buyer'), ...events]).state()).toMatchObject({
      status: 'resolved',
      resolution: {
        via: 'settlement',
        settlementId: 'stl-1',
        refundCents: 4_000,
        releaseCents: 6_000,
      },
    });
  });

  it('changes nothing when a party accepts twice', () => {
    spec
      .given([...pending, acceptedBy('buyer')])
      .when(accept())
      .then([]);
  });

  it('refuses an answer to a settlement that is not the pending one', () => {
    spec.given(pending).when(accept(as.buyer, 'stl-0')).thenThrows('SETTLEMENT_NOT_PENDING', {
      settlementId: 'stl-0',
      pendingSettlementId: 'stl-1',
    });
    spec.given(pending).when(reject(as.seller, 'stl-0')).thenThrows('SETTLEMENT_NOT_PENDING');
  });

  it.each([
    ['a stranger', as.stranger],
    ['the mediator', as.mediator],
    ['an admin', as.admin],
  ])('refuses %s accepting or rejecting on the parties’ behalf', (_who, by) => {
    spec.given(pending).when(accept(by)).thenThrows('NOT_A_PARTY');
    spec.given(pending).when(reject(by)).thenThrows('NOT_A_PARTY');
  });

  it('lets a party reject the settlement, sending the case back under review', () => {
    spec
      .given(pending)
      .when(reject())
      .then([
        {
          type: 'DisputeSettlementRejected',
          data: { disputeId: DISPUTE_ID, settlementId: 'stl-1', by: SELLER, byRole: 'seller' },
        },
      ]);
    const rejected = {
      type: 'DisputeSettlementRejected' as const,
      data: { disputeId: DISPUTE_ID, settlementId: 'stl-1', by: SELLER, byRole: 'seller' as const },
    };
    const state = spec.given([...pending, acceptedBy('buyer'), rejected]).state();
    expect(state).toMatchObject({ status: 'under_review', mediatorId: MEDIATOR });
    expect(state).not.toHaveProperty('settlement');
    spec
      .given([...pending, rejected])
      .when(accept())
      .thenThrows('NO_SETTLEMENT_PROPOSED', { currentStatus: 'under_review' });
  });

  it('lets a party who accepted change their mind before the other accepts', () => {
    spec
      .given([...pending, acceptedBy('buyer')])
      .when(reject(as.buyer))
      .thenMatches(([event]) => expect(event.data).toMatchObject({ by: BUYER, byRole: 'buyer' }));
  });

  it('goes back to open when an admin proposed on a case nobody had taken', () => {
    const adminProposal = proposed({ proposedBy: ADMIN, proposedByRole: 'admin' });
    const rejected = {
      type: 'DisputeSettlementRejected' as const,
      data: { disputeId: DISPUTE_ID, settlementId: 'stl-1', by: BUYER, byRole: 'buyer' as const },
    };
    expect(spec.given([opened(), adminProposal, rejected]).state()).toMatchObject({
      status: 'open',
      mediatorId: null,
    });
  });

  describe('a new proposal', () => {
    const replace = command(
      'ProposeSettlement',
      { settlementId: 'stl-2', refundCents: 5_000, releaseCents: 5_000 },
      as.mediator,
    );
    const replacement = proposed({
      settlementId: 'stl-2',
      refundCents: 5_000,
      releaseCents: 5_000,
      replacesSettlementId: 'stl-1',
    });

    it('replaces the pending one', () => {
      spec.given(pending).when(replace).then([replacement]);
    });

    it('needs fresh acceptances from both parties', () => {
      spec
        .given([...pending, acceptedBy('buyer'), replacement])
        .when(accept(as.seller, 'stl-2'))
        .thenMatches((events) =>
          expect(events.map((e) => e.type)).toEqual(['DisputeSettlementAccepted']),
        );
    });

    it('makes the old one unanswerable', () => {
      spec
        .given([...pending, replacement])
        .when(accept(as.buyer, 'stl-1'))
        .thenThrows('SETTLEMENT_NOT_PENDING', { pendingSettlementId: 'stl-2' });
    });

    it('follows the same limits as a decision', () => {
      spec
        .given(pending)
        .when(
          command(
            'ProposeSettlement',
            { settlementId: 'stl-2', refundCents: 8_000, releaseCents: 8_000 },
            as.mediator,
          ),
        )
        .thenThrows('DECISION_EXCEEDS_HELD', {
          heldCents: HELD,
          refundCents: 8_000,
          releaseCents: 8_000,
        });
    });
  });

  it('keeps the pending proposal when an admin reassigns the case', () => {
    const reassigned = assigned({
      mediatorId: OTHER_MEDIATOR,
      assignedBy: ADMIN,
      assignedByRole: 'admin',
      previousMediatorId: MEDIATOR,
    });
    expect(spec.given([...pending, acceptedBy('buyer'), reassigned]).state()).toMatchObject({
      status: 'settlement_proposed',
      mediatorId: OTHER_MEDIATOR,
      settlement: { settlementId: 'stl-1', acceptedBy: ['buyer'] },
    });
  });

  it('lets the mediator decide instead of waiting for the answers', () => {
    spec
      .given([...pending, acceptedBy('buyer')])
      .when(
        command(
          'DecideDispute',
          {
            decisionId: 'dec-1',
            outcome: 'split',
            refundCents: 3_000,
            releaseCents: 7_000,
            reasoning: 'Seller never answered the proposal.',
            heldCents: HELD,
          },
          as.mediator,
        ),
      )
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({
          outcome: 'split',
          refundCents: 3_000,
          releaseCents: 7_000,
        }),
      );
  });

  it('lets the opener withdraw while the proposal is pending', () => {
    spec
      .given(pending)
      .when(command('WithdrawDispute', {}, as.buyer))
      .thenMatches(([event]) => expect(event.type).toBe('DisputeWithdrawn'));
  });

  it('still accepts statements and internal notes', () => {
    spec
      .given(pending)
      .when(
        command(
          'AddStatement',
          { statementId: 'stm-5', text: 'I would accept 45 €.', evidenceRefs: [] },
          as.buyer,
        ),
      )
      .thenMatches(([event]) => expect(event.type).toBe('DisputeStatementAdded'));
    spec
      .given(pending)
      .when(
        command(
          'AddInternalNote',
          { noteId: 'note-5', text: 'Buyer open to a deal.' },
          as.mediator,
        ),
      )
      .thenMatches(([event]) => expect(event.type).toBe('DisputeInternalNoteAdded'));
  });
});
