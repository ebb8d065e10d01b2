import { DeciderSpecification } from '../../../test/support/decider-spec';
import { escrowBalance, escrowDecider } from './index';
import {
  asBuyer,
  asMediator,
  asSeller,
  asStranger,
  asSystem,
  BUYER,
  freeze,
  frozen,
  fund,
  funded,
  openCommand,
  opened,
  refund,
  refunded,
  release,
  released,
  unfreeze,
} from './escrow.fixtures.spec';

const spec = DeciderSpecification.for(escrowDecider);

describe('Escrow — no escrow yet', () => {
  const given = spec.given([]);

  it('opens with the first payment: EscrowOpened then EscrowFunded', () => {
    given.when(openCommand()).then([opened(), funded('t1', 12_000)]);
  });

  it('lets the platform open it when the gateway confirms the payment', () => {
    given.when(openCommand({}, asSystem)).then([opened(), funded('t1', 12_000)]);
  });

  it('refuses anyone but the payer or the platform', () => {
    given.when(openCommand({}, asSeller)).thenThrows('ONLY_PAYER');
  });

  it.each([0, -100, 10.5, Number.MAX_SAFE_INTEGER + 1])(
    'refuses an amount of %p cents',
    (amountCents) => {
      given
        .when(openCommand({ amountCents }))
        .thenThrows('ESCROW_INVALID_AMOUNT', { field: 'amountCents' });
    },
  );

  it.each([-1, 10_001, 12.5])(
    'refuses a commission rate of %p basis points',
    (commissionRateBp) => {
      given
        .when(openCommand({ commissionRateBp }))
        .thenThrows('ESCROW_INVALID_FIELD', { field: 'commissionRateBp' });
    },
  );

  it('refuses an unknown subject kind', () => {
    const subject = { kind: 'gig', id: 'g-1' } as never;
    given
      .when(openCommand({ subject }))
      .thenThrows('ESCROW_INVALID_FIELD', { field: 'subject.kind' });
  });

  it('refuses a payer paying themself', () => {
    given
      .when(openCommand({ payeeId: BUYER }))
      .thenThrows('ESCROW_INVALID_FIELD', { field: 'payeeId' });
  });

  it.each(['trancheId', 'paymentRef', 'escrowId'] as const)('refuses an empty %s', (field) => {
    given.when(openCommand({ [field]: ' ' })).thenThrows('ESCROW_INVALID_FIELD', { field });
  });

  it.each([
    ['FundEscrow', fund('t2', 100)],
    ['ReleaseEscrow', release('r1', 100, 'accepted', asBuyer)],
    ['RefundEscrow', refund('f1', 100, 'cancelled', asSystem)],
    ['FreezeEscrow', freeze('d1')],
    ['UnfreezeEscrow', unfreeze('d1')],
  ])('answers %s with ESCROW_NOT_FOUND', (_name, command) => {
    given.when(command).thenThrows('ESCROW_NOT_FOUND');
  });
});

describe('Escrow — held (order, 10 %)', () => {
  const history = [opened(), funded('t1', 12_000)];
  const given = spec.given(history);

  it('holds the funded amount', () => {
    expect(given.state()).toMatchObject({ status: 'held' });
    expect(escrowBalance(given.state())).toEqual({
      fundedCents: 12_000,
      releasedCents: 0,
      refundedCents: 0,
      heldCents: 12_000,
      commissionCents: 0,
    });
  });

  it('answers a retried opening with nothing', () => {
    given.when(openCommand()).then([]);
  });

  it('refuses a second opening with another payment', () => {
    given
      .when(openCommand({ trancheId: 't9' }))
      .thenThrows('ESCROW_ALREADY_OPENED', { currentStatus: 'held' });
  });

  it('refuses a second payment for an order', () => {
    given.when(fund('t2', 500)).thenThrows('ESCROW_ALREADY_FUNDED', { currentStatus: 'held' });
  });

  it('answers a repeated payment with nothing, but refuses the same tranche id for another amount', () => {
    given.when(fund('t1', 12_000)).then([]);
    given
      .when(fund('t1', 11_000))
      .thenThrows('ESCROW_ID_REUSED', { recordedCents: 12_000, requestedCents: 11_000 });
  });

  it('releases everything on acceptance, commission 10 % TTC with its VAT', () => {
    given
      .when(release('r1', 12_000, 'accepted', asBuyer))
      .then([released('r1', 12_000, 1200, 200, 'accepted')]);
  });

  it('closes once everything is released', () => {
    const state = spec.given([...history, released('r1', 12_000, 1200, 200, 'accepted')]).state();
    expect(state.status).toBe('closed');
    expect(escrowBalance(state)).toMatchObject({
      releasedCents: 12_000,
      heldCents: 0,
      commissionCents: 1200,
    });
  });

  it('rounds the commission half to even, once', () => {
    spec
      .given([opened(), funded('t1', 1005)])
      .when(release('r1', 1005, 'accepted', asBuyer))
      .then([released('r1', 1005, 100, 17, 'accepted')]);
    spec
      .given([opened(), funded('t1', 1015)])
      .when(release('r1', 1015, 'accepted', asBuyer))
      .then([released('r1', 1015, 102, 17, 'accepted')]);
  });

  it('keeps the rate fixed at opening (20 % on a custom order)', () => {
    spec
      .given([opened('order', 2000), funded('t1', 50_000)])
      .when(release('r1', 50_000, 'accepted', asBuyer))
      .then([released('r1', 50_000, 10_000, 1667, 'accepted')]);
  });

  it.each([
    ['the seller', asSeller],
    ['a mediator', asMediator],
    ['the platform', asSystem],
  ])('refuses acceptance by %s', (_who, by) => {
    given.when(release('r1', 12_000, 'accepted', by)).thenThrows('ONLY_PAYER');
  });

  it('refuses a partial release on acceptance', () => {
    given.when(release('r1', 5000, 'accepted', asBuyer)).thenThrows('ESCROW_RELEASE_MUST_BE_FULL', {
      heldCents: 12_000,
      requestedCents: 5000,
    });
  });

  it('refuses releasing more than held', () => {
    given.when(release('r1', 12_001, 'accepted', asBuyer)).thenThrows('ESCROW_INSUFFICIENT_HELD', {
      heldCents: 12_000,
      requestedCents: 12_001,
    });
  });

  it('releases on automatic acceptance by the platform only', () => {
    given
      .when(release('r1', 12_000, 'auto_accepted', asSystem))
      .then([released('r1', 12_000, 1200, 200, 'auto_accepted')]);
    given.when(release('r1', 12_000, 'auto_accepted', asBuyer)).thenThrows('ONLY_SYSTEM');
  });

  it('refuses a tranche release on an order', () => {
    given
      .when(release('r1', 1000, 'tranche_released', asBuyer))
      .thenThrows('ESCROW_TRANCHES_ONLY_FOR_PROJECTS');
  });

  it('refuses a decision while no dispute froze the escrow', () => {
    const refs = { disputeId: 'd1', decisionId: 'dec1' };
    given
      .when(release('r1', 12_000, 'decision', asMediator, refs))
      .thenThrows('ESCROW_NOT_FROZEN', {
        currentStatus: 'held',
      });
    given.when(refund('f1', 12_000, 'decision', asMediator, refs)).thenThrows('ESCROW_NOT_FROZEN');
  });

  it('requires the decision and dispute ids on a decision', () => {
    given
      .when(release('r1', 100, 'decision', asMediator, { disputeId: 'd1' }))
      .thenThrows('ESCROW_INVALID_FIELD', {
        field: 'decisionId',
      });
  });

  it('refuses unknown reasons and empty amounts', () => {
    given
      .when(release('r1', 100, 'gift' as never, asBuyer))
      .thenThrows('ESCROW_INVALID_FIELD', { field: 'reason' });
    given.when(refund('f1', 0, 'cancelled', asSystem)).thenThrows('ESCROW_INVALID_AMOUNT');
  });

  it('refunds the buyer in full after a cancellation', () => {
    given
      .when(refund('f1', 12_000, 'cancelled', asSystem))
      .then([refunded('f1', 12_000, 'cancelled')]);
  });

  it('keeps holding the rest after a partial refund', () => {
    const state = spec.given([...history, refunded('f1', 2000, 'mutual')]).state();
    expect(state.status).toBe('held');
    expect(escrowBalance(state)).toMatchObject({ refundedCents: 2000, heldCents: 10_000 });
  });

  it('lets only the platform or a mediator refund', () => {
    given
      .when(refund('f1', 12_000, 'seller_declined', asMediator))
      .then([refunded('f1', 12_000, 'seller_declined')]);
    given.when(refund('f1', 12_000, 'cancelled', asBuyer)).thenThrows('ONLY_SYSTEM_OR_MEDIATOR');
    given
      .when(refund('f1', 12_000, 'late_delivery', asSeller))
      .thenThrows('ONLY_SYSTEM_OR_MEDIATOR');
  });

  it('refuses refunding more than held', () => {
    given.when(refund('f1', 20_000, 'cancelled', asSystem)).thenThrows('ESCROW_INSUFFICIENT_HELD', {
      heldCents: 12_000,
      requestedCents: 20_000,
    });
  });

  it('freezes when either party contests, or the platform on their behalf', () => {
    given.when(freeze('d1', asBuyer)).then([frozen('d1')]);
    given.when(freeze('d1', asSeller)).then([frozen('d1')]);
    given.when(freeze('d1', asSystem)).then([frozen('d1')]);
  });

  it('refuses a freeze by someone outside the deal', () => {
    given.when(freeze('d1', asStranger)).thenThrows('NOT_A_PARTY');
  });

  it('refuses to unfreeze what is not frozen', () => {
    given.when(unfreeze('d1')).thenThrows('ESCROW_NOT_FROZEN', { currentStatus: 'held' });
  });
});
