import { DeciderSpecification } from '../../../test/support/decider-spec';
import { escrowBalance, escrowDecider } from './index';
import {
  asBuyer,
  asMediator,
  asSeller,
  asStranger,
  asSystem,
  freeze,
  frozen,
  fund,
  funded,
  opened,
  refund,
  refunded,
  release,
  released,
  unfreeze,
  unfrozen,
} from './escrow.fixtures.spec';

const spec = DeciderSpecification.for(escrowDecider);
const D1 = { disputeId: 'd1', decisionId: 'dec1' };

describe('Escrow — frozen by a dispute (order of 12 000)', () => {
  const history = [opened(), funded('t1', 12_000), frozen('d1')];
  const given = spec.given(history);
  const FROZEN = { currentStatus: 'frozen', disputeId: 'd1' };

  it('is frozen and still holds everything', () => {
    expect(given.state()).toMatchObject({ status: 'frozen', disputeId: 'd1' });
    expect(escrowBalance(given.state()).heldCents).toBe(12_000);
  });

  it.each([
    ['acceptance by the buyer', release('r1', 12_000, 'accepted', asBuyer)],
    ['automatic acceptance', release('r1', 12_000, 'auto_accepted', asSystem)],
    ['a refund after cancellation', refund('f1', 12_000, 'cancelled', asSystem)],
    ['a refund for late delivery', refund('f1', 12_000, 'late_delivery', asMediator)],
    [
      'a decision on another dispute',
      release('r1', 12_000, 'decision', asMediator, { disputeId: 'd2', decisionId: 'x' }),
    ],
    [
      'a refund decision on another dispute',
      refund('f1', 1, 'decision', asMediator, { disputeId: 'd2', decisionId: 'x' }),
    ],
  ])('refuses %s with ORDER_FROZEN', (_what, command) => {
    given.when(command).thenThrows('ORDER_FROZEN', FROZEN);
  });

  it('refuses another payment while frozen', () => {
    spec
      .given([opened('project'), funded('t1', 3000), frozen('d1')])
      .when(fund('t2', 1000))
      .thenThrows('ORDER_FROZEN', FROZEN);
  });

  it('pays the seller on a decision, commission on the released part, and closes', () => {
    given
      .when(release('r1', 12_000, 'decision', asMediator, D1))
      .then([released('r1', 12_000, 1200, 200, 'decision', D1)]);
    const state = spec
      .given([...history, released('r1', 12_000, 1200, 200, 'decision', D1)])
      .state();
    expect(state.status).toBe('closed');
  });

  it('refunds the buyer in full on a decision', () => {
    given
      .when(refund('f1', 12_000, 'decision', asMediator, D1))
      .then([refunded('f1', 12_000, 'decision', D1)]);
  });

  it('splits: partial refund then the rest released, commission only on the released part', () => {
    const afterRefund = [...history, refunded('f1', 4000, 'decision', D1)];
    expect(spec.given(afterRefund).state()).toMatchObject({ status: 'frozen' });
    spec
      .given(afterRefund)
      .when(release('r1', 8000, 'decision', asMediator, D1))
      .then([released('r1', 8000, 800, 133, 'decision', D1)]);
    const state = spec
      .given([...afterRefund, released('r1', 8000, 800, 133, 'decision', D1)])
      .state();
    expect(escrowBalance(state)).toEqual({
      fundedCents: 12_000,
      releasedCents: 8000,
      refundedCents: 4000,
      heldCents: 0,
      commissionCents: 800,
    });
    expect(state.status).toBe('closed');
  });

  it('refuses a decision above what is held', () => {
    given
      .when(release('r1', 12_001, 'decision', asMediator, D1))
      .thenThrows('ESCROW_INSUFFICIENT_HELD', {
        heldCents: 12_000,
        requestedCents: 12_001,
      });
    spec
      .given([...history, refunded('f1', 4000, 'decision', D1)])
      .when(release('r1', 8001, 'decision', asMediator, D1))
      .thenThrows('ESCROW_INSUFFICIENT_HELD', { heldCents: 8000, requestedCents: 8001 });
  });

  it('lets only a mediator carry out a decision', () => {
    given.when(release('r1', 12_000, 'decision', asSystem, D1)).thenThrows('ONLY_MEDIATOR');
    given.when(refund('f1', 12_000, 'decision', asBuyer, D1)).thenThrows('ONLY_MEDIATOR');
  });

  it('answers the same freeze with nothing and refuses a second dispute', () => {
    given.when(freeze('d1', asSeller)).then([]);
    given.when(freeze('d2', asSeller)).thenThrows('ORDER_FROZEN', FROZEN);
  });

  it('refuses a freeze by an outsider even when already frozen', () => {
    given.when(freeze('d1', asStranger)).thenThrows('NOT_A_PARTY');
  });

  it('unfreezes on withdrawal, back to held', () => {
    given.when(unfreeze('d1')).then([unfrozen('d1')]);
    expect(spec.given([...history, unfrozen('d1')]).state()).toMatchObject({ status: 'held' });
  });

  it('refuses to unfreeze for another dispute', () => {
    given.when(unfreeze('d2')).thenThrows('ORDER_FROZEN', FROZEN);
  });

  it('lets only the platform or a mediator unfreeze', () => {
    given.when(unfreeze('d1', asMediator)).then([unfrozen('d1')]);
    given.when(unfreeze('d1', asBuyer)).thenThrows('ONLY_SYSTEM_OR_MEDIATOR');
  });
});

describe('Escrow — after a withdrawn dispute', () => {
  const given = spec.given([opened(), funded('t1', 12_000), frozen('d1'), unfrozen('d1')]);

  it('accepts the normal flow again', () => {
    given
      .when(release('r1', 12_000, 'accepted', asBuyer))
      .then([released('r1', 12_000, 1200, 200, 'accepted')]);
  });

  it('answers a repeated unfreeze with nothing', () => {
    given.when(unfreeze('d1')).then([]);
  });

  it('refuses to reopen the withdrawn dispute but accepts a new one', () => {
    given
      .when(freeze('d1'))
      .thenThrows('ESCROW_DISPUTE_ENDED', { currentStatus: 'held', disputeId: 'd1' });
    given.when(freeze('d2')).then([frozen('d2')]);
  });
});

describe('Escrow — closed by a decision', () => {
  const given = spec.given([
    opened(),
    funded('t1', 12_000),
    frozen('d1'),
    refunded('f1', 12_000, 'decision', D1),
  ]);

  it('stays closed: the unfreeze sent after the decision changes nothing', () => {
    given.when(unfreeze('d1')).then([]);
    expect(given.state().status).toBe('closed');
  });

  it('answers a retried decision with nothing', () => {
    given.when(refund('f1', 12_000, 'decision', asMediator, D1)).then([]);
  });

  it('refuses a different decision amount under the same refund id', () => {
    given.when(refund('f1', 100, 'decision', asMediator, D1)).thenThrows('ESCROW_ID_REUSED', {
      recordedCents: 12_000,
      requestedCents: 100,
    });
  });

  it('refuses another decision', () => {
    given
      .when(release('r1', 1, 'decision', asMediator, D1))
      .thenThrows('ESCROW_CLOSED', { currentStatus: 'closed' });
  });
});
