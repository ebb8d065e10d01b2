import { MissionCancelled } from './mission.events';
import {
  amounts,
  as,
  authorisationFailed,
  authorised,
  command,
  confirmed,
  history,
  ids,
  requested,
  spec,
  times,
} from './mission.fixtures.spec';

const cancelledEvent = (data: Partial<MissionCancelled['data']>): MissionCancelled => ({
  type: 'MissionCancelled',
  data: {
    missionId: ids.missionId,
    cancelledBy: 'client',
    actorId: ids.clientId,
    from: 'confirmed',
    late: false,
    feeCents: 0,
    refundCents: amounts.reservedCents,
    cancelledAt: times.now,
    ...data,
  },
});

/** The settings' late rule: within 48 h of the start, 30 % of the price. */
const lateRule = { lateWindowHours: 48, lateFeeBp: 3_000 };

describe('CancelMission', () => {
  it('lets the client cancel a pending request: everything authorised goes back', () => {
    spec
      .given(history.pending)
      .when(command.cancel(undefined, { reason: '  Plus besoin.  ' }))
      .then([cancelledEvent({ from: 'pending', reason: 'Plus besoin.' })]);
  });

  it('lets the client cancel an upcoming appointment for free by default', () => {
    spec
      .given(history.confirmed)
      .when(command.cancel(as.client(times.dayBeforeStart)))
      .then([cancelledEvent({ cancelledAt: times.dayBeforeStart })]);
  });

  it('charges the late fee, half-even, when the client cancels within the window', () => {
    // 30 % of 5 012 = 1 503.6 → 1 504.
    spec
      .given(history.confirmed)
      .when(command.cancel(as.client(times.dayBeforeStart), lateRule))
      .then([
        cancelledEvent({
          late: true,
          feeCents: 1_504,
          refundCents: amounts.reservedCents - 1_504,
          cancelledAt: times.dayBeforeStart,
        }),
      ]);
  });

  it('rounds the late fee half to even', () => {
    // 50 % of 5 013 = 2 506.5 → 2 506.
    spec
      .given([
        requested({
          candidates: [
            { providerId: 'provider-1', rank: 1, pricing: { kind: 'fixed' }, priceCents: 5_013 },
          ],
          reservedCents: 5_013,
        }),
        authorised(5_013),
        {
          ...confirmed,
          data: {
            ...confirmed.data,
            priceCents: 5_013,
            commissionCents: 627,
            providerNetCents: 4_386,
            releasedReservationCents: 0,
          },
        },
      ])
      .when(
        command.cancel(as.client(times.dayBeforeStart), { lateWindowHours: 48, lateFeeBp: 5_000 }),
      )
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({ feeCents: 2_506, refundCents: 2_507 }),
      );
  });

  it('is not late outside the window', () => {
    spec
      .given(history.confirmed)
      .when(
        command.cancel(as.client(times.dayBeforeStart), { lateWindowHours: 12, lateFeeBp: 3_000 }),
      )
      .thenMatches(([event]) => expect(event.data).toMatchObject({ late: false, feeCents: 0 }));
  });

  it('never charges a pending request, even inside the window', () => {
    spec
      .given(history.pending)
      .when(command.cancel(as.client(times.now), { lateWindowHours: 1_000, lateFeeBp: 3_000 }))
      .thenMatches(([event]) => expect(event.data).toMatchObject({ late: false, feeCents: 0 }));
  });

  it('keeps nothing when no card is authorised yet (nothing held, nothing refunded)', () => {
    spec
      .given([
        requested({ paymentPlan: 'authorise_later', authoriseAt: times.startsAt }),
        confirmed,
      ])
      .when(command.cancel(as.client(times.dayBeforeStart), lateRule))
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({ late: true, feeCents: 0, refundCents: 0 }),
      );
  });

  it('never charges the client when the provider cancels', () => {
    spec
      .given(history.confirmed)
      .when(command.cancel(as.provider(times.dayBeforeStart), lateRule))
      .then([
        cancelledEvent({
          cancelledBy: 'provider',
          actorId: ids.provider1,
          cancelledAt: times.dayBeforeStart,
        }),
      ]);
  });

  it('refuses a provider cancelling a request not yet confirmed with 409 MISSION_NOT_CONFIRMED', () => {
    spec
      .given(history.pending)
      .when(command.cancel(as.provider()))
      .thenThrows('MISSION_NOT_CONFIRMED', { currentStatus: 'pending' });
  });

  it('refuses a cancellation once the mission started with 409 MISSION_ALREADY_STARTED', () => {
    spec
      .given(history.confirmed)
      .when(command.cancel(as.client(times.startsAt)))
      .thenThrows('MISSION_ALREADY_STARTED', { startsAt: times.startsAt });
    spec
      .given(history.confirmed)
      .when(command.cancel(as.provider(times.afterStart)))
      .thenThrows('MISSION_ALREADY_STARTED');
  });

  it('lets the system cancel after the last failed authorisation, refunding nothing held', () => {
    spec
      .given([
        requested({ paymentPlan: 'authorise_later', authoriseAt: times.dayBeforeStart }),
        confirmed,
        authorisationFailed(1),
        authorisationFailed(2, null),
      ])
      .when(command.cancel(as.system(times.dayBeforeStart), lateRule))
      .then([
        {
          type: 'MissionCancelled',
          data: {
            missionId: ids.missionId,
            cancelledBy: 'system',
            from: 'confirmed',
            late: false,
            feeCents: 0,
            refundCents: 0,
            cancelledAt: times.dayBeforeStart,
          },
        },
      ]);
  });

  it('refuses the system’s cancellation while another attempt is planned: 409 MISSION_PAYMENT_NOT_FAILED', () => {
    spec
      .given([...history.confirmed, authorisationFailed(1)])
      .when(command.cancel(as.system()))
      .thenThrows('MISSION_PAYMENT_NOT_FAILED');
    spec
      .given(history.confirmed)
      .when(command.cancel(as.system()))
      .thenThrows('MISSION_PAYMENT_NOT_FAILED');
  });

  it.each([
    ['a negative window', { lateWindowHours: -1 }],
    ['a fee over 100 %', { lateFeeBp: 10_001 }],
    ['a fractional fee', { lateFeeBp: 12.5 }],
  ])('refuses a late rule with %s: 400 MISSION_INVALID_LATE_RULE', (_what, data) => {
    spec
      .given(history.confirmed)
      .when(command.cancel(undefined, data))
      .thenThrows('MISSION_INVALID_LATE_RULE');
  });

  it('refuses an unknown canceller with 400 MISSION_INVALID_CANCELLER', () => {
    spec
      .given(history.confirmed)
      .when(command.cancel(undefined, { cancelledBy: 'staff' as never }))
      .thenThrows('MISSION_INVALID_CANCELLER');
  });

  it('refuses a reason over 1 000 characters with 400 MISSION_TEXT_TOO_LONG', () => {
    spec
      .given(history.confirmed)
      .when(command.cancel(undefined, { reason: 'x'.repeat(1_001) }))
      .thenThrows('MISSION_TEXT_TOO_LONG');
  });

  it('keeps the confirmed provider on the cancelled mission (the profiles show the cancellation)', () => {
    expect(spec.given([...history.confirmed, cancelledEvent({})]).state()).toMatchObject({
      status: 'cancelled',
      provider: { providerId: ids.provider1 },
      cancellation: { cancelledBy: 'client', from: 'confirmed', actorId: ids.clientId },
    });
  });
});
