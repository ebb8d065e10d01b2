import { missionDecider } from './index';
import {
  amounts,
  as,
  authorisationFailed,
  authorised,
  command,
  confirmed,
  history,
  ids,
  proposed,
  requested,
  spec,
  times,
} from './mission.fixtures.spec';

/** A mission weeks away: the payment method is saved and authorised at `authoriseAt`. */
const later = requested({ paymentPlan: 'authorise_later', authoriseAt: times.dayBeforeStart });

describe('RecordMissionAuthorisation', () => {
  it('records the authorisation the money process obtained', () => {
    spec
      .given([later, confirmed])
      .when(command.authorise(as.system(times.dayBeforeStart), { amountCents: amounts.priceCents }))
      .then([
        {
          type: 'MissionPaymentAuthorised',
          data: {
            missionId: ids.missionId,
            escrowId: ids.escrowId,
            paymentRef: 'pi_auth_2',
            amountCents: amounts.priceCents,
            authorisedAt: times.dayBeforeStart,
          },
        },
      ]);
  });

  it('records nothing when the same authorisation is recorded again (a retry), whatever the status', () => {
    for (const status of ['pending', 'confirmed', 'validated', 'cancelled'] as const)
      spec
        .given(history[status])
        .when(command.authorise(undefined, { paymentRef: ids.paymentRef }))
        .then([]);
  });

  it('requires the reservation while pending: 422 MISSION_AUTHORISATION_INSUFFICIENT', () => {
    spec
      .given([later])
      .when(command.authorise(undefined, { amountCents: amounts.reservedCents - 1 }))
      .thenThrows('MISSION_AUTHORISATION_INSUFFICIENT', { neededCents: amounts.reservedCents });
  });

  it('requires only the confirmed price once a provider accepted', () => {
    spec
      .given([later, confirmed])
      .when(command.authorise(undefined, { amountCents: amounts.priceCents - 1 }))
      .thenThrows('MISSION_AUTHORISATION_INSUFFICIENT', { neededCents: amounts.priceCents });
  });

  it('refuses an authorisation of another escrow with 422 MISSION_ESCROW_MISMATCH', () => {
    spec
      .given([later])
      .when(command.authorise(undefined, { escrowId: 'escrow-9' }))
      .thenThrows('MISSION_ESCROW_MISMATCH');
  });

  it('refuses an amount that is not a positive integer with 400 MISSION_INVALID_AMOUNT', () => {
    spec
      .given([later])
      .when(command.authorise(undefined, { amountCents: 6_000.5 }))
      .thenThrows('MISSION_INVALID_AMOUNT');
  });

  it('refuses a new authorisation on a cancelled mission (the money process voids it)', () => {
    spec.given(history.cancelled).when(command.authorise()).thenThrows('MISSION_TERMINAL');
  });

  it('takes a new authorisation after an accepted change raised the price', () => {
    const accepted = missionDecider.decide(
      command.acceptChange(),
      spec.given([...history.confirmed, proposed]).state(),
    );
    const given = [...history.confirmed, proposed, ...accepted];
    const afterNewStart = as.client('2026-03-06T18:00:00.000Z');
    spec.given(given).when(command.validate(afterNewStart)).thenThrows('MISSION_NOT_AUTHORISED', {
      priceCents: amounts.proposedPriceCents,
      authorisedCents: amounts.reservedCents,
    });
    const reauthorised = authorised(amounts.proposedPriceCents, 'pi_auth_3');
    spec
      .given([...given, reauthorised])
      .when(command.validate(afterNewStart))
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({ priceCents: amounts.proposedPriceCents }),
      );
  });
});

describe('RecordMissionAuthorisationFailure', () => {
  it('records the failure and when the next attempt comes', () => {
    spec
      .given([later, confirmed])
      .when(command.authorisationFailure())
      .then([authorisationFailed(1, times.dayBeforeStart)]);
  });

  it('records nothing for an attempt already recorded', () => {
    spec
      .given([later, confirmed, authorisationFailed(2)])
      .when(command.authorisationFailure(undefined, { attempt: 2 }))
      .then([]);
    spec
      .given([later, confirmed, authorisationFailed(2)])
      .when(command.authorisationFailure(undefined, { attempt: 1 }))
      .then([]);
  });

  it('records the last attempt without a next one', () => {
    spec
      .given([later, confirmed, authorisationFailed(1)])
      .when(command.authorisationFailure(undefined, { attempt: 2, nextAttemptAt: undefined }))
      .thenMatches(([event]) => expect(event.data).not.toHaveProperty('nextAttemptAt'));
  });

  it.each([
    ['an attempt of 0', { attempt: 0 }, 'MISSION_INVALID_ATTEMPT'],
    ['no reason', { reason: ' ' }, 'MISSION_TEXT_REQUIRED'],
    ['a next attempt that is no date', { nextAttemptAt: 'soon' }, 'MISSION_INVALID_INSTANT'],
  ])('refuses %s', (_what, data, code) => {
    spec.given([later]).when(command.authorisationFailure(undefined, data)).thenThrows(code);
  });
});

describe('ReplaceMissionPaymentMethod', () => {
  const failed = [later, confirmed, authorisationFailed(1)];

  it('records the client’s new card after a failed authorisation', () => {
    spec
      .given(failed)
      .when(command.replacePaymentMethod())
      .then([
        {
          type: 'MissionPaymentMethodReplaced',
          data: { missionId: ids.missionId, paymentMethodRef: 'pm_saved_2', replacedAt: times.now },
        },
      ]);
  });

  it('may be recorded by the money process too, and a repeat records nothing', () => {
    spec
      .given(failed)
      .when(command.replacePaymentMethod(as.system()))
      .thenMatches((events) => expect(events).toHaveLength(1));
    const replaced = missionDecider.decide(
      command.replacePaymentMethod(),
      spec.given(failed).state(),
    );
    spec
      .given([...failed, ...replaced])
      .when(command.replacePaymentMethod())
      .then([]);
  });

  it('refuses a replacement when no authorisation failed with 409 MISSION_PAYMENT_NOT_FAILED', () => {
    spec
      .given([later, confirmed])
      .when(command.replacePaymentMethod())
      .thenThrows('MISSION_PAYMENT_NOT_FAILED', { currentStatus: 'confirmed' });
  });

  it('refuses the provider with 403 MISSION_ONLY_CLIENT', () => {
    spec
      .given(failed)
      .when(command.replacePaymentMethod(as.provider()))
      .thenThrows('MISSION_ONLY_CLIENT');
  });

  it('clears the failure once an authorisation succeeds', () => {
    const state = spec.given([...failed, authorised(amounts.priceCents, 'pi_auth_2')]).state();
    expect(state).toMatchObject({
      payment: { failedAttempts: 0, lastFailure: null, authorised: { paymentRef: 'pi_auth_2' } },
    });
  });
});
