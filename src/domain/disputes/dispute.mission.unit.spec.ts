import { DeciderSpecification } from '../../../test/support/decider-spec';
import { describeDisputeEvent, disputeDecider } from './index';
import {
  as,
  assigned,
  BUYER,
  command,
  DISPUTE_ID,
  ESCROW_ID,
  HELD,
  NOW,
  opened,
  openCommand,
  RESPONSE_DUE,
  SELLER,
} from './dispute.fixtures.spec';

/** "Signaler un problème" on a local mission: the buyer slot is the client, the seller slot the provider. */
const MISSION = { kind: 'mission' as const, id: 'mis-1' };
const spec = DeciderSpecification.for(disputeDecider);

const report = (data: Parameters<typeof openCommand>[0] = {}, by = as.buyer) =>
  openCommand({ subject: MISSION, reason: 'no_show', orderStatus: 'confirmed', ...data }, by);

const missionOpened = (data: Parameters<typeof opened>[0] = {}) =>
  opened({ subject: MISSION, reason: 'no_show', orderStatusAtOpening: 'confirmed', ...data });

describe('a mission with no dispute yet', () => {
  it('lets the client report a problem on a confirmed mission, the provider responding', () => {
    spec
      .given([])
      .when(report({ statement: ' Personne n’est venu. ' }))
      .then([
        {
          type: 'DisputeOpened',
          data: {
            disputeId: DISPUTE_ID,
            subject: MISSION,
            buyerId: BUYER,
            sellerId: SELLER,
            escrowId: ESCROW_ID,
            reason: 'no_show',
            statement: 'Personne n’est venu.',
            evidenceRefs: [],
            openedBy: BUYER,
            openerRole: 'buyer',
            respondentId: SELLER,
            respondentRole: 'seller',
            openedAt: NOW,
            responseDeadlineDays: 5,
            responseDueAt: RESPONSE_DUE,
            heldCents: HELD,
            orderStatusAtOpening: 'confirmed',
          },
        },
      ]);
  });

  it('lets the confirmed provider report one, the client responding', () => {
    spec
      .given([])
      .when(report({ reason: 'other' }, as.seller))
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({ openerRole: 'seller', respondentId: BUYER }),
      );
  });

  it('takes a dispute with nothing held (the amount in dispute is what the escrow holds)', () => {
    spec
      .given([])
      .when(report({ heldCents: 0 }))
      .thenMatches(([event]) => expect(event.data).toMatchObject({ heldCents: 0 }));
  });

  it.each(['pending', 'validated', 'disputed', 'resolved', 'cancelled', 'expired'])(
    'refuses a mission that is %s',
    (status) => {
      spec
        .given([])
        .when(report({ orderStatus: status }))
        .thenThrows('MISSION_NOT_DISPUTABLE', { currentStatus: status });
    },
  );

  it('refuses an order reason on a mission, and a mission reason on an order', () => {
    spec
      .given([])
      .when(report({ reason: 'late_delivery' }))
      .thenThrows('DISPUTE_REASON_INVALID', { reason: 'late_delivery', subjectKind: 'mission' });
    spec
      .given([])
      .when(openCommand({ reason: 'no_show' }))
      .thenThrows('DISPUTE_REASON_INVALID');
  });

  it('never lets the system open a chargeback on a mission', () => {
    spec
      .given([])
      .when(report({ reason: 'chargeback' }, as.system))
      .thenThrows('DISPUTE_REASON_INVALID');
  });

  it('refuses someone who is neither the client nor the provider', () => {
    spec.given([]).when(report({}, as.stranger)).thenThrows('NOT_A_PARTY');
  });
});

describe('an opened mission dispute', () => {
  const decide = (data: Record<string, unknown>) =>
    command(
      'DecideDispute',
      {
        decisionId: 'dec-1',
        reasoning: 'Venu avec 2 h de retard.',
        heldCents: HELD,
        ...data,
      } as never,
      as.mediator,
    );

  it('decides a split bounded by what is held, naming the mission', () => {
    spec
      .given([missionOpened(), assigned()])
      .when(decide({ outcome: 'split', refundCents: 4_000, releaseCents: 6_000 }))
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({
          subject: MISSION,
          refundCents: 4_000,
          releaseCents: 6_000,
          heldCents: HELD,
        }),
      );
  });

  it('refuses a split above what is held', () => {
    spec
      .given([missionOpened(), assigned()])
      .when(decide({ outcome: 'split', refundCents: 6_000, releaseCents: 6_000 }))
      .thenThrows('DECISION_EXCEEDS_HELD', { heldCents: HELD });
  });

  it('refuses a split that leaves money stuck in the escrow', () => {
    spec
      .given([missionOpened(), assigned()])
      .when(decide({ outcome: 'split', refundCents: 1_000, releaseCents: 1_000 }))
      .thenThrows('DECISION_MUST_DISTRIBUTE_HELD');
  });

  it('is withdrawn by its opener, the mission to return to confirmed', () => {
    spec
      .given([missionOpened()])
      .when(command('WithdrawDispute', {}, as.buyer))
      .then([
        {
          type: 'DisputeWithdrawn',
          data: {
            disputeId: DISPUTE_ID,
            withdrawnBy: BUYER,
            withdrawnByRole: 'buyer',
            subject: MISSION,
            escrowId: ESCROW_ID,
            orderStatusToRestore: 'confirmed',
          },
        },
      ]);
  });

  it('names the client and the provider in its case-history lines', () => {
    expect(describeDisputeEvent(missionOpened(), 'mission')).toBe(
      'Client opened a dispute: no-show',
    );
    const decided = disputeDecider.decide(
      decide({ outcome: 'split', refundCents: 4_000, releaseCents: 6_000 }),
      [missionOpened(), assigned()].reduce(disputeDecider.evolve, disputeDecider.initialState()),
    );
    expect(describeDisputeEvent(decided[0], 'mission')).toBe(
      'Mediator decided: split (€40.00 refunded to the client, €60.00 released to the provider)',
    );
  });
});
