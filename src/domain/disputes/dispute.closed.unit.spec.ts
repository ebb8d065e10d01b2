import { DeciderSpecification } from '../../../test/support/decider-spec';
import { disputeDecider, DisputeEvent } from './index';
import {
  acceptedBy,
  as,
  assigned,
  at,
  command,
  decided,
  DISPUTE_ID,
  ESCROW_ID,
  everyFollowUpCommand,
  HELD,
  opened,
  openCommand,
  ORDER_ID,
  proposed,
  statementAdded,
  withdrawn,
} from './dispute.fixtures.spec';

const spec = DeciderSpecification.for(disputeDecider);
const AFTER_DUE = '2025-03-20T00:00:00.000Z';
const settled: DisputeEvent = {
  type: 'DisputeSettled',
  data: {
    disputeId: DISPUTE_ID,
    settlementId: 'stl-1',
    subject: { kind: 'order', id: ORDER_ID },
    escrowId: ESCROW_ID,
    buyerId: 'acc-buyer',
    sellerId: 'acc-seller',
    refundCents: 4_000,
    releaseCents: 6_000,
    heldCents: HELD,
  },
};

const closedHistories: [string, string, DisputeEvent[]][] = [
  ['resolved', 'by a decision', [opened(), assigned(), decided()]],
  [
    'resolved',
    'by a settlement',
    [opened(), assigned(), proposed(), acceptedBy('buyer'), acceptedBy('seller'), settled],
  ],
  ['withdrawn', 'by the opener', [opened(), withdrawn()]],
];

describe.each(closedHistories)('%s (%s)', (status, _how, history) => {
  it(`is ${status}`, () => {
    expect(spec.given(history).state()).toMatchObject({ status });
  });

  it.each(everyFollowUpCommand())('refuses %s with DISPUTE_CLOSED', (_type, closedCommand) => {
    spec.given(history).when(closedCommand).thenThrows('DISPUTE_CLOSED', { currentStatus: status });
  });

  it('refuses opening it again', () => {
    spec
      .given(history)
      .when(openCommand())
      .thenThrows('DISPUTE_ALREADY_OPENED', { currentStatus: status });
  });

  it('ignores a late response-deadline job', () => {
    spec
      .given(history)
      .when(command('LapseResponseDeadline', {}, at(as.system, AFTER_DUE)))
      .then([]);
  });

  it('keeps its final state if a stray event is replayed after it', () => {
    const before = spec.given(history).state();
    expect(
      spec
        .given([
          ...history,
          statementAdded(),
          assigned({ mediatorId: 'acc-late' }),
          proposed({ settlementId: 'stl-9' }),
        ])
        .state(),
    ).toEqual(before);
  });
});

describe('resolved', () => {
  it('keeps who decided, the outcome and the amounts', () => {
    expect(
      spec
        .given([
          opened(),
          assigned(),
          decided({ outcome: 'partial_refund', refundCents: 2_500, releaseCents: 7_500 }),
        ])
        .state(),
    ).toMatchObject({
      resolution: {
        via: 'decision',
        decisionId: 'dec-1',
        decidedBy: 'acc-mediator',
        outcome: 'partial_refund',
        refundCents: 2_500,
        releaseCents: 7_500,
      },
    });
  });
});

describe('withdrawn', () => {
  it('keeps who withdrew it', () => {
    expect(spec.given([opened(), withdrawn()]).state()).toMatchObject({ withdrawnBy: 'acc-buyer' });
  });
});
