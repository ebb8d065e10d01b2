import { missionDecider } from './index';
import { MissionEvent } from './mission.events';
import {
  amounts,
  as,
  candidates,
  command,
  confirmed,
  history,
  ids,
  place,
  refusedBy,
  requested,
  spec,
  terms,
  times,
} from './mission.fixtures.spec';

describe('RequestMission', () => {
  it('publishes the request to its candidates and reserves the highest candidate price', () => {
    spec.given([]).when(command.request()).then([requested()]);
  });

  it('records the publication instant as the authorisation time of an authorise-now request', () => {
    spec
      .given([])
      .when(command.request(as.client(times.requestedAt), { authoriseAt: times.now }))
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({ authoriseAt: times.requestedAt }),
      );
  });

  it('keeps the planned authorisation time of a mission authorised later', () => {
    spec
      .given([])
      .when(
        command.request(as.client(times.requestedAt), {
          paymentPlan: 'authorise_later',
          authoriseAt: times.dayBeforeStart,
        }),
      )
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({
          paymentPlan: 'authorise_later',
          authoriseAt: times.dayBeforeStart,
        }),
      );
  });

  it('addresses a direct request to its one provider, reserving that price', () => {
    spec
      .given([])
      .when(command.request(undefined, { targeting: 'direct', candidates: [candidates[2]] }))
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({ targeting: 'direct', reservedCents: 4_000 }),
      );
  });

  it('trims the details and the place', () => {
    spec
      .given([])
      .when(
        command.request(undefined, {
          details: '  Sonner deux fois.  ',
          place: { ...place, city: ' Lyon ' },
        }),
      )
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({ details: 'Sonner deux fois.', place }),
      );
  });

  it('refuses a second request on the same mission id with 409 MISSION_ALREADY_EXISTS', () => {
    spec
      .given(history.pending)
      .when(command.request())
      .thenThrows('MISSION_ALREADY_EXISTS', { currentStatus: 'pending' });
  });

  it('refuses a request sent on behalf of someone else with 403 MISSION_ACTOR_MISMATCH', () => {
    spec.given([]).when(command.request(as.provider())).thenThrows('MISSION_ACTOR_MISMATCH');
  });

  it.each([
    ['no candidate', { candidates: [] }, 'MISSION_NO_CANDIDATES'],
    [
      'a direct request to two providers',
      { targeting: 'direct' as const },
      'MISSION_DIRECT_NEEDS_ONE_CANDIDATE',
    ],
    [
      'the same provider twice',
      { candidates: [candidates[0], { ...candidates[0], rank: 2 }] },
      'MISSION_DUPLICATE_CANDIDATE',
    ],
    [
      'the client among the candidates',
      { candidates: [{ ...candidates[0], providerId: ids.clientId }] },
      'MISSION_CLIENT_IS_CANDIDATE',
    ],
    [
      'a free candidate',
      { candidates: [{ ...candidates[0], priceCents: 0 }] },
      'MISSION_INVALID_PRICE',
    ],
    [
      'a fractional price',
      { candidates: [{ ...candidates[0], priceCents: 10.5 }] },
      'MISSION_INVALID_PRICE',
    ],
    [
      'a candidate without a rank',
      { candidates: [{ ...candidates[0], rank: 0 }] },
      'MISSION_INVALID_CANDIDATE',
    ],
    [
      'a candidate with a negative hourly rate',
      {
        candidates: [
          { ...candidates[0], pricing: { kind: 'hourly' as const, hourlyRateCents: -1 } },
        ],
      },
      'MISSION_INVALID_CANDIDATE',
    ],
    [
      'more than 50 candidates',
      {
        candidates: Array.from({ length: 51 }, (_, i) => ({
          ...candidates[0],
          providerId: `p-${i}`,
          rank: i + 1,
        })),
      },
      'MISSION_INVALID_CANDIDATE',
    ],
    ['an unknown targeting', { targeting: 'broadcast' as never }, 'MISSION_INVALID_TARGETING'],
    ['a duration under 30 minutes', { durationMinutes: 29 }, 'MISSION_INVALID_DURATION'],
    ['a duration over 12 hours', { durationMinutes: 721 }, 'MISSION_INVALID_DURATION'],
    ['a fractional duration', { durationMinutes: 90.5 }, 'MISSION_INVALID_DURATION'],
    ['a start in the past', { startsAt: '2026-02-28T08:00:00.000Z' }, 'MISSION_START_IN_PAST'],
    ['a start right now', { startsAt: times.requestedAt }, 'MISSION_START_IN_PAST'],
    ['a start that is no date', { startsAt: 'tomorrow' }, 'MISSION_INVALID_INSTANT'],
    ['details over 2 000 characters', { details: 'x'.repeat(2_001) }, 'MISSION_DETAILS_TOO_LONG'],
    [
      'a place without a postal code',
      { place: { ...place, postalCode: ' ' } },
      'MISSION_INVALID_PLACE',
    ],
    ['a latitude beyond the pole', { place: { ...place, lat: 91 } }, 'MISSION_INVALID_PLACE'],
    ['a commission over 100 %', { commissionRateBp: 10_001 }, 'MISSION_INVALID_COMMISSION_RATE'],
    ['an unknown payment plan', { paymentPlan: 'later' as never }, 'MISSION_INVALID_PAYMENT_PLAN'],
    [
      'a response window already over',
      { respondBy: times.requestedAt },
      'MISSION_INVALID_DEADLINE',
    ],
    [
      'a response window beyond the start',
      { respondBy: times.afterStart },
      'MISSION_INVALID_DEADLINE',
    ],
    [
      'an authorisation after the start',
      { authoriseAt: times.afterStart },
      'MISSION_INVALID_DEADLINE',
    ],
    [
      'an auto-validation before the end of the mission',
      { autoValidateAt: '2026-03-05T10:59:00.000Z' },
      'MISSION_INVALID_DEADLINE',
    ],
    ['no payment method', { paymentMethodRef: '' }, 'MISSION_MISSING_ID'],
    ['no escrow', { escrowId: '' }, 'MISSION_MISSING_ID'],
    ['no service label', { serviceTypeLabel: ' ' }, 'MISSION_TEXT_REQUIRED'],
  ])('refuses %s', (_what, data, code) => {
    spec.given([]).when(command.request(undefined, data)).thenThrows(code);
  });

  it('accepts the duration bounds themselves: 30 minutes and 12 hours', () => {
    for (const durationMinutes of [30, 720])
      spec
        .given([])
        .when(
          command.request(undefined, {
            durationMinutes,
            autoValidateAt: '2026-03-06T21:00:00.000Z',
          }),
        )
        .thenMatches(([event]) => expect(event.data).toMatchObject({ durationMinutes }));
  });
});

describe('AcceptMission', () => {
  it('confirms the first acceptance at the accepting candidate’s price, commission half-even', () => {
    spec.given(history.pending).when(command.accept()).then([confirmed]);
  });

  it('gives back to the client’s reservation what was reserved above the winner’s price', () => {
    spec
      .given(history.pending)
      .when(command.accept(as.provider3()))
      .thenMatches(([event]) =>
        expect(event.data).toEqual({
          missionId: ids.missionId,
          clientId: ids.clientId,
          providerId: ids.provider3,
          priceCents: 4_000,
          commissionCents: 500,
          providerNetCents: 3_500,
          releasedReservationCents: 2_000,
          confirmedAt: times.now,
        }),
      );
  });

  it('lets exactly one of twenty racing candidates win; the others get 409 MISSION_ALREADY_CONFIRMED', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => ({
      providerId: `racer-${i}`,
      rank: i + 1,
      pricing: { kind: 'fixed' as const },
      priceCents: 5_000 + i,
    }));
    let state = missionDecider.evolve(
      missionDecider.initialState(),
      requested({ candidates: twenty, reservedCents: 5_019 }),
    );
    const outcomes = twenty.map(({ providerId }) => {
      try {
        const events = missionDecider.decide(
          command.accept({ actorId: providerId, actorRole: 'provider', now: times.now }),
          state,
        );
        state = events.reduce(missionDecider.evolve, state);
        return events.map((e) => e.type).join(',');
      } catch (error) {
        return (error as { code: string }).code;
      }
    });
    expect(outcomes.filter((o) => o === 'MissionConfirmed')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'MISSION_ALREADY_CONFIRMED')).toHaveLength(19);
    expect(state).toMatchObject({ status: 'confirmed', provider: { providerId: 'racer-0' } });
  });

  it('records nothing when the winner accepts again', () => {
    spec.given(history.confirmed).when(command.accept()).then([]);
  });

  it('refuses a candidate who already refused with 409 MISSION_ALREADY_REFUSED', () => {
    spec
      .given([...history.pending, refusedBy('provider-2')])
      .when(command.accept(as.provider2()))
      .thenThrows('MISSION_ALREADY_REFUSED', { currentStatus: 'pending' });
  });

  it('refuses an acceptance once the response window closed with 409 MISSION_RESPONSE_WINDOW_CLOSED', () => {
    spec
      .given(history.pending)
      .when(command.accept(as.provider(times.respondBy)))
      .thenThrows('MISSION_RESPONSE_WINDOW_CLOSED', { respondBy: times.respondBy });
  });

  it('refuses an unverified provider with 403 PROVIDER_NOT_VERIFIED', () => {
    spec
      .given(history.pending)
      .when(command.accept(undefined, { providerVerified: false }))
      .thenThrows('PROVIDER_NOT_VERIFIED');
  });

  it('refuses the client accepting their own request with 403 MISSION_NOT_A_CANDIDATE', () => {
    spec
      .given(history.pending)
      .when(command.accept(as.client()))
      .thenThrows('MISSION_NOT_A_CANDIDATE');
  });

  it('lets the last candidate accept after the others refused', () => {
    spec
      .given([...history.pending, refusedBy('provider-1'), refusedBy('provider-2')])
      .when(command.accept(as.provider3()))
      .thenMatches(([event]) => expect(event.type).toBe('MissionConfirmed'));
  });
});

describe('RefuseMission', () => {
  it('records the refusal with its reason and comment', () => {
    spec
      .given(history.pending)
      .when(command.refuse(undefined, { reason: 'location', comment: '  Trop loin.  ' }))
      .then([
        {
          type: 'MissionRefusedByProvider',
          data: {
            missionId: ids.missionId,
            providerId: ids.provider2,
            reason: 'location',
            comment: 'Trop loin.',
            refusedAt: times.now,
          },
        },
      ]);
  });

  it('keeps the request pending when every candidate refused, until its response window ends', () => {
    const given = spec.given([
      ...history.pending,
      refusedBy('provider-1'),
      refusedBy('provider-2'),
      refusedBy('provider-3'),
    ]);
    expect(given.state()).toMatchObject({ status: 'pending' });
    given.when(command.expire(as.system(times.now))).thenThrows('MISSION_RESPONSE_WINDOW_OPEN');
  });

  it('refuses a second refusal with 409 MISSION_ALREADY_REFUSED', () => {
    spec
      .given([...history.pending, refusedBy('provider-2')])
      .when(command.refuse())
      .thenThrows('MISSION_ALREADY_REFUSED');
  });

  it('refuses an unknown reason with 400 MISSION_INVALID_REFUSAL_REASON', () => {
    spec
      .given(history.pending)
      .when(command.refuse(undefined, { reason: 'mood' as never }))
      .thenThrows('MISSION_INVALID_REFUSAL_REASON');
  });

  it('refuses a comment over 1 000 characters with 400 MISSION_TEXT_TOO_LONG', () => {
    spec
      .given(history.pending)
      .when(command.refuse(undefined, { comment: 'x'.repeat(1_001) }))
      .thenThrows('MISSION_TEXT_TOO_LONG');
  });

  it('refuses a refusal after the response window with 409 MISSION_RESPONSE_WINDOW_CLOSED', () => {
    spec
      .given(history.pending)
      .when(command.refuse(as.provider2(times.afterRespondBy)))
      .thenThrows('MISSION_RESPONSE_WINDOW_CLOSED');
  });
});

describe('ChangeMissionRequest', () => {
  const given = spec.given([...history.pending, refusedBy('provider-1')]);

  it('sends the request again: new terms and candidates, the reservation follows the price', () => {
    given.when(command.change()).thenMatches(([event]) =>
      expect(event).toEqual({
        type: 'MissionRequestChanged',
        data: {
          missionId: ids.missionId,
          clientId: ids.clientId,
          ...terms,
          durationMinutes: 180,
          place,
          candidates: [
            { ...candidates[0], priceCents: 7_518 },
            { ...candidates[2], priceCents: 6_000 },
          ],
          reservedCents: 7_518,
          previousReservedCents: amounts.reservedCents,
          paymentPlan: 'authorise_now',
          authoriseAt: times.now,
          respondBy: times.respondBy,
          autoValidateAt: times.autoValidateAt,
          changedAt: times.now,
        },
      }),
    );
  });

  it('forgets the earlier refusals: a candidate who refused may accept the new request', () => {
    const changed = missionDecider.decide(command.change(), given.state());
    spec
      .given([...history.pending, refusedBy('provider-1'), ...changed])
      .when(command.accept(as.provider()))
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({ priceCents: 7_518, releasedReservationCents: 0 }),
      );
  });

  it('keeps a direct request direct: one candidate only', () => {
    spec
      .given([
        requested({ targeting: 'direct', candidates: [candidates[0]], reservedCents: 5_012 }),
      ])
      .when(command.change())
      .thenThrows('MISSION_DIRECT_NEEDS_ONE_CANDIDATE');
  });

  it('refuses a change with a start in the past with 422 MISSION_START_IN_PAST', () => {
    given
      .when(command.change(as.client(times.afterStart), { startsAt: times.startsAt }))
      .thenThrows('MISSION_START_IN_PAST');
  });

  it('refuses a change once a provider confirmed with 409 MISSION_NOT_PENDING', () => {
    spec
      .given(history.confirmed)
      .when(command.change())
      .thenThrows('MISSION_NOT_PENDING', { currentStatus: 'confirmed' });
  });
});

describe('ExpireMission', () => {
  const expiredEvent: MissionEvent = {
    type: 'MissionExpired',
    data: { missionId: ids.missionId, respondBy: times.respondBy, expiredAt: times.respondBy },
  };

  it('expires a request nobody accepted at its response deadline', () => {
    spec
      .given(history.pending)
      .when(command.expire(as.system(times.respondBy)))
      .then([expiredEvent]);
  });

  it('refuses to expire before the deadline with 409 MISSION_RESPONSE_WINDOW_OPEN', () => {
    spec
      .given(history.pending)
      .when(command.expire(as.system(times.now)))
      .thenThrows('MISSION_RESPONSE_WINDOW_OPEN', {
        currentStatus: 'pending',
        respondBy: times.respondBy,
      });
  });

  it('records nothing on an expired request (the job ran twice)', () => {
    spec.given(history.expired).when(command.expire()).then([]);
  });

  it('leaves a confirmed mission alone with 409 MISSION_NOT_PENDING', () => {
    spec.given(history.confirmed).when(command.expire()).thenThrows('MISSION_NOT_PENDING');
  });
});
