import { DeciderSpecification } from '../../../test/support/decider-spec';
import { escrowDecider } from './index';
import {
  asBuyer,
  asSystem,
  BUYER,
  ESCROW_ID,
  freeze,
  fund,
  funded,
  meta,
  opened,
  refund,
  release,
  released,
  SELLER,
  unfreeze,
} from './escrow.fixtures.spec';

const spec = DeciderSpecification.for(escrowDecider);

describe('Escrow — awaiting funding (opened event alone)', () => {
  const given = spec.given([opened()]);

  it('accepts the payment that was missing', () => {
    given.when(fund('t1', 12_000)).then([funded('t1', 12_000)]);
  });

  it('refuses to move money that never arrived', () => {
    given.when(release('r1', 100, 'accepted', asBuyer)).thenThrows('ESCROW_NOT_FUNDED', {
      currentStatus: 'awaiting_funding',
    });
    given.when(freeze('d1')).thenThrows('ESCROW_NOT_FUNDED', { currentStatus: 'awaiting_funding' });
  });
});

describe('Escrow — closed (order)', () => {
  const given = spec.given([
    opened(),
    funded('t1', 12_000),
    released('r1', 12_000, 1200, 200, 'accepted'),
  ]);

  it('answers a retried release with nothing', () => {
    given.when(release('r1', 12_000, 'accepted', asBuyer)).then([]);
  });

  it('refuses a new payment for an order', () => {
    given.when(fund('t2', 100)).thenThrows('ESCROW_CLOSED', { currentStatus: 'closed' });
  });

  it.each([
    ['a release', release('r2', 1, 'accepted', asBuyer)],
    ['a refund', refund('f1', 1, 'cancelled', asSystem)],
    ['a freeze', freeze('d1')],
  ])('refuses %s', (_what, command) => {
    given.when(command).thenThrows('ESCROW_CLOSED', { currentStatus: 'closed' });
  });

  it('refuses an unfreeze', () => {
    given.when(unfreeze('d1')).thenThrows('ESCROW_NOT_FROZEN', { currentStatus: 'closed' });
  });

  it('ignores a redelivered release event when folding', () => {
    const state = given.state();
    const again = escrowDecider.evolve(state, released('r1', 12_000, 1200, 200, 'accepted'));
    expect(again).toEqual(state);
  });
});

describe('Escrow — evolve', () => {
  it('ignores events on an escrow that was never opened', () => {
    expect(escrowDecider.evolve(escrowDecider.initialState(), funded('t1', 100))).toEqual({
      status: 'none',
    });
  });

  it('keeps the parties and ids from the opening', () => {
    expect(spec.given([opened(), funded('t1', 100)]).state()).toMatchObject({
      escrowId: ESCROW_ID,
      payerId: BUYER,
      payeeId: SELLER,
      commissionRateBp: 1000,
    });
  });

  it('uses the actor id, not the role, to recognise the payer', () => {
    spec
      .given([opened(), funded('t1', 100)])
      .when(release('r1', 100, 'accepted', meta(BUYER, 'provider')))
      .then([released('r1', 100, 10, 2, 'accepted')]);
  });
});
