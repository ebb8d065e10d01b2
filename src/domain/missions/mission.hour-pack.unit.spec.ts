import { MissionErrorCode as Code } from './mission.errors';
import type { MissionEvent } from './mission.events';
import {
  as,
  command,
  confirmed,
  disputeClosed,
  reported,
  requested,
  spec,
  times,
  validated,
} from './mission.fixtures.spec';

/** A mission paid from the client's hour pack (docs/plans-hour-packs.md): no card at all. */
const fromPack = requested({
  paymentPlan: 'hour_pack',
  authoriseAt: times.requestedAt,
  paymentMethodRef: 'hour-pack:pack-1',
  hourPackId: 'pack-1',
});

describe('Mission paid from an hour pack: request', () => {
  it('records the pack and no card; the authorisation time is the request’s', () => {
    spec
      .given([])
      .when(
        command.request(as.client(times.requestedAt), {
          paymentPlan: 'hour_pack',
          hourPackId: 'pack-1',
          paymentMethodRef: '',
          authoriseAt: '2026-03-03T00:00:00.000Z',
        }),
      )
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({
          paymentPlan: 'hour_pack',
          hourPackId: 'pack-1',
          paymentMethodRef: 'hour-pack:pack-1',
          authoriseAt: times.requestedAt,
        }),
      );
  });

  it('refuses a pack plan without a pack, and a pack on a card plan', () => {
    spec
      .given([])
      .when(command.request(as.client(times.requestedAt), { paymentPlan: 'hour_pack' }))
      .thenThrows('MISSION_MISSING_ID', { field: 'hourPackId' });
    spec
      .given([])
      .when(command.request(as.client(times.requestedAt), { hourPackId: 'pack-1' }))
      .thenThrows(Code.INVALID_PAYMENT_PLAN);
  });

  it('an old request without the pack fields still folds as a card mission', () => {
    const state = spec.given([requested()]).state();
    expect(state.status !== 'none' && state.payment).toMatchObject({
      plan: 'authorise_now',
      hourPackId: null,
    });
  });

  it('a change of the request keeps it paid from the pack, and a card mission cannot switch to a pack', () => {
    spec
      .given([fromPack])
      .when(command.change(as.client(), { paymentPlan: 'authorise_later' }))
      .thenMatches(([event]) => expect(event.data).toMatchObject({ paymentPlan: 'hour_pack' }));
    spec
      .given([requested()])
      .when(command.change(as.client(), { paymentPlan: 'hour_pack' }))
      .thenThrows(Code.INVALID_PAYMENT_PLAN);
  });
});

describe('Mission paid from an hour pack: validation and cancellation', () => {
  const confirmedFromPack: MissionEvent[] = [fromPack, confirmed];

  it('is validated without any card authorisation', () => {
    spec.given(confirmedFromPack).when(command.validate()).then([validated]);
  });

  it('a card mission still needs its authorisation to be validated', () => {
    spec.given([requested(), confirmed]).when(command.validate()).thenThrows(Code.NOT_AUTHORISED);
  });

  it('the system cancels it when the pack could not reserve its minutes; no fee, nothing to refund', () => {
    spec
      .given(confirmedFromPack)
      .when(
        command.cancel(as.system(), { reason: 'Le pack d’heures ne couvre plus cette mission.' }),
      )
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({ cancelledBy: 'system', feeCents: 0, refundCents: 0 }),
      );
  });

  it('a late cancellation by the client takes no fee from a pack', () => {
    spec
      .given(confirmedFromPack)
      .when(
        command.cancel(as.client(times.dayBeforeStart), { lateWindowHours: 48, lateFeeBp: 5_000 }),
      )
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({ late: true, feeCents: 0, refundCents: 0 }),
      );
  });

  it('a dispute’s decision is bounded by the price the platform funded from the pack', () => {
    spec
      .given([...confirmedFromPack, reported])
      .when(command.closeDispute())
      .then([disputeClosed('decided', 2_000, 3_012)]);
    spec
      .given([...confirmedFromPack, reported])
      .when(command.closeDispute(undefined, { refundedToClientCents: 3_013 }))
      .thenThrows(Code.RESOLUTION_EXCEEDS_HELD, { heldCents: 5_012 });
  });
});
