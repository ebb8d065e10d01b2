import { solidarityMissionDecider } from './solidarity-mission.decider';
import type { SolidarityMissionEvent } from './solidarity-mission.events';
import {
  afterStart,
  associationId,
  attendanceConfirmed,
  cancel,
  cancelled,
  confirm,
  filled,
  full,
  missionId,
  now,
  PLACE,
  propose,
  proposed,
  signUp,
  signedUp,
  spec,
  startsAt,
  withdraw,
  withdrew,
} from './solidarity-mission.fixtures.spec';

const beforeStart = '2026-03-14T07:59:59.999Z';

describe('Proposing a solidarity mission ("Proposer une mission solidaire")', () => {
  it('given a verified association and an active type, records the mission (no money anywhere)', () => {
    spec
      .given([])
      .when(propose({ title: '  Distribution   de colis ' }))
      .then([
        { ...proposed, data: { ...proposed.data, proposedAt: now } } as SolidarityMissionEvent,
      ]);
  });

  it('refuses an association whose verification is not approved', () => {
    spec
      .given([])
      .when(propose({ associationVerified: false }))
      .thenThrows('ASSOCIATION_NOT_VERIFIED');
  });

  it.each(['volunteer', 'client', 'provider', 'admin'] as const)('refuses a %s', (role) => {
    spec.given([]).when(propose({}, role)).thenThrows('SOLIDARITY_MISSION_ASSOCIATION_ONLY');
  });

  it.each([
    ['an unknown type', { solidarityType: null }, 'SOLIDARITY_TYPE_NOT_FOUND'],
    [
      'a retired type',
      { solidarityType: { solidarityTypeId: 'x', label: 'X', active: false } },
      'SOLIDARITY_TYPE_RETIRED',
    ],
    ['an empty title', { title: ' ' }, 'SOLIDARITY_MISSION_TITLE_REQUIRED'],
    ['a title of 121 characters', { title: 't'.repeat(121) }, 'SOLIDARITY_MISSION_TITLE_TOO_LONG'],
    [
      'a description of 4 001 characters',
      { description: 'd'.repeat(4_001) },
      'SOLIDARITY_MISSION_DESCRIPTION_TOO_LONG',
    ],
    ['29 minutes', { durationMinutes: 29 }, 'SOLIDARITY_MISSION_INVALID_DURATION'],
    ['12 h 01', { durationMinutes: 721 }, 'SOLIDARITY_MISSION_INVALID_DURATION'],
    ['a fractional duration', { durationMinutes: 60.5 }, 'SOLIDARITY_MISSION_INVALID_DURATION'],
    ['no volunteer', { volunteersNeeded: 0 }, 'SOLIDARITY_MISSION_INVALID_VOLUNTEERS_NEEDED'],
    ['101 volunteers', { volunteersNeeded: 101 }, 'SOLIDARITY_MISSION_INVALID_VOLUNTEERS_NEEDED'],
    ['a start that is no date', { startsAt: 'demain' }, 'SOLIDARITY_MISSION_INVALID_START'],
    ['a start now', { startsAt: now }, 'SOLIDARITY_MISSION_START_IN_PAST'],
    [
      'a place without address',
      { place: { ...PLACE, address: '' } },
      'SOLIDARITY_MISSION_INVALID_PLACE',
    ],
    ['a latitude of 91', { place: { ...PLACE, lat: 91 } }, 'SOLIDARITY_MISSION_INVALID_PLACE'],
  ])('refuses %s', (_what, overrides, code) => {
    spec.given([]).when(propose(overrides)).thenThrows(code);
  });

  it('accepts the bounds: 30 minutes, 12 hours, 1 and 100 volunteers', () => {
    for (const overrides of [
      { durationMinutes: 30, volunteersNeeded: 1 },
      { durationMinutes: 720, volunteersNeeded: 100 },
    ])
      spec
        .given([])
        .when(propose(overrides))
        .thenMatches(([e]) => expect(e.data).toMatchObject(overrides));
  });

  it('refuses to propose the same mission twice', () => {
    spec.given([proposed]).when(propose()).thenThrows('SOLIDARITY_MISSION_EXISTS', { missionId });
  });
});

describe('Signing up ("Devenir bénévole")', () => {
  it('given places left, records the sign-up and the places left', () => {
    spec
      .given([proposed])
      .when(signUp('v1'))
      .then([
        {
          type: 'VolunteerSignedUp',
          data: { missionId, volunteerId: 'v1', signedUpAt: now, placesLeft: 2 },
        },
      ]);
  });

  it('the sign-up that takes the last place records that the mission is full', () => {
    spec
      .given([proposed, signedUp('v1', 2), signedUp('v2', 1)])
      .when(signUp('v3'))
      .then([
        {
          type: 'VolunteerSignedUp',
          data: { missionId, volunteerId: 'v3', signedUpAt: now, placesLeft: 0 },
        },
        {
          type: 'SolidarityMissionFilled',
          data: { missionId, volunteersNeeded: 3, filledAt: now },
        },
      ]);
  });

  it('refuses a volunteer already signed up (409 ALREADY_SIGNED_UP)', () => {
    spec
      .given([proposed, signedUp('v1', 2)])
      .when(signUp('v1'))
      .thenThrows('ALREADY_SIGNED_UP', { currentStatus: 'open' });
  });

  it('refuses once full (409 SOLIDARITY_MISSION_FULL)', () => {
    spec.given(full).when(signUp('v4')).thenThrows('SOLIDARITY_MISSION_FULL', {
      currentStatus: 'full',
      volunteersNeeded: 3,
    });
  });

  it('refuses after the start, a cancelled and a completed mission', () => {
    spec.given([proposed]).when(signUp('v1', afterStart)).thenThrows('SOLIDARITY_MISSION_STARTED');
    spec.given([proposed, cancelled]).when(signUp('v1')).thenThrows('SOLIDARITY_MISSION_CANCELLED');
    spec
      .given([proposed, attendanceConfirmed])
      .when(signUp('v1'))
      .thenThrows('SOLIDARITY_ATTENDANCE_ALREADY_CONFIRMED');
  });

  it('needs the volunteer role, and not the association of the mission', () => {
    spec
      .given([proposed])
      .when(signUp('c1', now, 'client'))
      .thenThrows('SOLIDARITY_MISSION_VOLUNTEER_ONLY');
    spec.given([proposed]).when(signUp(associationId)).thenThrows('SOLIDARITY_MISSION_OWN');
  });

  it('refuses an unknown mission', () => {
    spec.given([]).when(signUp('v1')).thenThrows('SOLIDARITY_MISSION_NOT_FOUND', { missionId });
  });
});

describe('Withdrawing', () => {
  it('before the start, the place opens again (a full mission is open again)', () => {
    const events = [...full, withdrew('v2', 1)];
    spec
      .given(full)
      .when(withdraw('v2', beforeStart))
      .then([
        {
          type: 'VolunteerWithdrew',
          data: { missionId, volunteerId: 'v2', withdrewAt: beforeStart, placesLeft: 1 },
        },
      ]);
    expect(spec.given(events).state()).toMatchObject({
      status: 'open',
      volunteers: ['v1', 'v3'],
    });
    spec
      .given(events)
      .when(signUp('v4'))
      .thenMatches((e) =>
        expect(e.map((x) => x.type)).toEqual(['VolunteerSignedUp', 'SolidarityMissionFilled']),
      );
  });

  it('a volunteer who withdrew may sign up again while places are left', () => {
    spec
      .given([proposed, signedUp('v1', 2), withdrew('v1', 3)])
      .when(signUp('v1'))
      .thenMatches(([e]) => expect(e.data).toMatchObject({ volunteerId: 'v1', placesLeft: 2 }));
  });

  it('refuses from the start on, and a volunteer not signed up', () => {
    spec.given(full).when(withdraw('v1', startsAt)).thenThrows('SOLIDARITY_MISSION_STARTED');
    spec.given(full).when(withdraw('v9')).thenThrows('NOT_SIGNED_UP');
  });
});

describe('Cancelling', () => {
  it('by its association before the start, naming the volunteers to tell', () => {
    spec
      .given([proposed, signedUp('v1', 2), signedUp('v2', 1), withdrew('v1', 2)])
      .when(cancel(' Salle indisponible '))
      .then([
        {
          type: 'SolidarityMissionCancelled',
          data: {
            missionId,
            associationId,
            reason: 'Salle indisponible',
            volunteerIds: ['v2'],
            cancelledBy: associationId,
            cancelledAt: now,
          },
        },
      ]);
  });

  it('refuses another association (NOT_A_PARTY: answered 404), an empty reason, twice, after the start', () => {
    spec.given([proposed]).when(cancel('x', 'asso-2')).thenThrows('NOT_A_PARTY');
    spec.given([proposed]).when(cancel('  ')).thenThrows('SOLIDARITY_MISSION_REASON_REQUIRED');
    spec.given([proposed, cancelled]).when(cancel()).thenThrows('SOLIDARITY_MISSION_CANCELLED');
    spec
      .given([proposed])
      .when(cancel('x', associationId, afterStart))
      .thenThrows('SOLIDARITY_MISSION_STARTED');
  });
});

describe('Confirming attendance', () => {
  it('after the start, once: the others signed up are recorded absent', () => {
    spec
      .given([...full, withdrew('v2', 1), signedUp('v4', 0), filled])
      .when(confirm(['v4', 'v1', 'v1']))
      .then([
        {
          type: 'SolidarityAttendanceConfirmed',
          data: {
            missionId,
            associationId,
            attended: ['v1', 'v4'],
            absent: ['v3'],
            confirmedBy: associationId,
            confirmedAt: afterStart,
          },
        },
      ]);
  });

  it('refuses before the start, a volunteer not signed up (or withdrawn), a second time, another association', () => {
    spec
      .given(full)
      .when(confirm(['v1'], beforeStart))
      .thenThrows('SOLIDARITY_MISSION_NOT_STARTED');
    spec
      .given([...full, withdrew('v2', 1)])
      .when(confirm(['v1', 'v2', 'v9']))
      .thenThrows('SOLIDARITY_ATTENDEE_NOT_SIGNED_UP', { volunteerIds: ['v2', 'v9'] });
    spec
      .given([...full, attendanceConfirmed])
      .when(confirm([]))
      .thenThrows('SOLIDARITY_ATTENDANCE_ALREADY_CONFIRMED');
    spec
      .given(full)
      .when(confirm([], afterStart, 'asso-2'))
      .thenThrows('NOT_A_PARTY');
    spec.given([proposed, cancelled]).when(confirm([])).thenThrows('SOLIDARITY_MISSION_CANCELLED');
  });

  it('with nobody signed up, records an empty attendance', () => {
    spec
      .given([proposed])
      .when(confirm([]))
      .thenMatches(([e]) => expect(e.data).toMatchObject({ attended: [], absent: [] }));
  });
});

describe('SolidarityMission: evolve', () => {
  const fold = (events: unknown[]) =>
    (events as SolidarityMissionEvent[]).reduce(
      solidarityMissionDecider.evolve,
      solidarityMissionDecider.initialState(),
    );

  it('is total: out-of-status, repeated and unknown events leave the state as it is', () => {
    expect(fold([signedUp('v1', 2), filled, cancelled])).toEqual({ status: 'none' });
    expect(fold([proposed, proposed])).toEqual(fold([proposed]));
    expect(fold([proposed, signedUp('v1', 2), signedUp('v1', 2)])).toEqual(
      fold([proposed, signedUp('v1', 2)]),
    );
    expect(fold([proposed, withdrew('v9', 3)])).toEqual(fold([proposed]));
    expect(fold([proposed, cancelled, signedUp('v1', 2), attendanceConfirmed])).toEqual(
      fold([proposed, cancelled]),
    );
    expect(fold([proposed, { type: 'SolidarityMissionMovedV9', data: {} }])).toEqual(
      fold([proposed]),
    );
  });
});
