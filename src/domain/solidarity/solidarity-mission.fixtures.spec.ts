// Given/when builders for the solidarity-mission specs; the `.spec.ts` suffix keeps them out of the build.
import { DeciderSpecification } from '../../../test/support/decider-spec';
import type { ActorRole } from '../shared';
import type {
  ProposeSolidarityMission,
  SolidarityMissionCommand,
} from './solidarity-mission.commands';
import { solidarityMissionDecider } from './solidarity-mission.decider';
import type { SolidarityMissionEvent } from './solidarity-mission.events';

export const now = '2026-03-10T09:00:00.000Z';
export const startsAt = '2026-03-14T08:00:00.000Z';
export const afterStart = '2026-03-14T08:00:00.000Z';
export const missionId = 'sm-1';
export const associationId = 'asso-1';
export const spec = DeciderSpecification.for(solidarityMissionDecider);
export const meta = (actorId: string, actorRole: ActorRole, at = now) => ({
  now: at,
  actorId,
  actorRole,
});

export const PLACE = {
  address: '3 rue de la Solidarité',
  postalCode: '75011',
  city: 'Paris',
  lat: 48.8674,
  lng: 2.3636,
};

export const proposal: ProposeSolidarityMission['data'] = {
  missionId,
  solidarityType: { solidarityTypeId: 'aide-alimentaire', label: 'Aide alimentaire', active: true },
  associationVerified: true,
  title: 'Distribution de colis',
  description: 'Préparer et distribuer 80 colis.',
  place: PLACE,
  startsAt,
  durationMinutes: 180,
  volunteersNeeded: 3,
};

export const propose = (
  overrides: Partial<ProposeSolidarityMission['data']> = {},
  actorRole: ActorRole = 'association',
): SolidarityMissionCommand => ({
  type: 'ProposeSolidarityMission',
  data: { ...proposal, ...overrides },
  meta: meta(associationId, actorRole),
});

export const proposed: SolidarityMissionEvent = {
  type: 'SolidarityMissionProposed',
  data: {
    missionId,
    associationId,
    solidarityTypeId: 'aide-alimentaire',
    solidarityTypeLabel: 'Aide alimentaire',
    title: 'Distribution de colis',
    description: 'Préparer et distribuer 80 colis.',
    place: PLACE,
    startsAt,
    durationMinutes: 180,
    volunteersNeeded: 3,
    proposedAt: '2026-03-09T09:00:00.000Z',
  },
};

export const signedUp = (volunteerId: string, placesLeft: number): SolidarityMissionEvent => ({
  type: 'VolunteerSignedUp',
  data: { missionId, volunteerId, signedUpAt: '2026-03-09T10:00:00.000Z', placesLeft },
});
export const filled: SolidarityMissionEvent = {
  type: 'SolidarityMissionFilled',
  data: { missionId, volunteersNeeded: 3, filledAt: '2026-03-09T10:00:00.000Z' },
};
export const withdrew = (volunteerId: string, placesLeft: number): SolidarityMissionEvent => ({
  type: 'VolunteerWithdrew',
  data: { missionId, volunteerId, withdrewAt: '2026-03-09T11:00:00.000Z', placesLeft },
});
export const cancelled: SolidarityMissionEvent = {
  type: 'SolidarityMissionCancelled',
  data: {
    missionId,
    associationId,
    reason: 'Salle indisponible',
    volunteerIds: [],
    cancelledBy: associationId,
    cancelledAt: '2026-03-09T12:00:00.000Z',
  },
};
export const attendanceConfirmed: SolidarityMissionEvent = {
  type: 'SolidarityAttendanceConfirmed',
  data: {
    missionId,
    associationId,
    attended: [],
    absent: [],
    confirmedBy: associationId,
    confirmedAt: '2026-03-14T12:00:00.000Z',
  },
};

/** Three places, all taken by v1, v2, v3. */
export const full: SolidarityMissionEvent[] = [
  proposed,
  signedUp('v1', 2),
  signedUp('v2', 1),
  signedUp('v3', 0),
  filled,
];

export const signUp = (volunteerId: string, at = now, role: ActorRole = 'volunteer') =>
  ({
    type: 'SignUpVolunteer',
    data: { missionId },
    meta: meta(volunteerId, role, at),
  }) satisfies SolidarityMissionCommand;
export const withdraw = (volunteerId: string, at = now) =>
  ({
    type: 'WithdrawVolunteer',
    data: { missionId },
    meta: meta(volunteerId, 'volunteer', at),
  }) satisfies SolidarityMissionCommand;
export const cancel = (reason = 'Salle indisponible', actorId = associationId, at = now) =>
  ({
    type: 'CancelSolidarityMission',
    data: { missionId, reason },
    meta: meta(actorId, 'association', at),
  }) satisfies SolidarityMissionCommand;
export const confirm = (attended: string[], at = afterStart, actorId = associationId) =>
  ({
    type: 'ConfirmSolidarityAttendance',
    data: { missionId, attended },
    meta: meta(actorId, 'association', at),
  }) satisfies SolidarityMissionCommand;
