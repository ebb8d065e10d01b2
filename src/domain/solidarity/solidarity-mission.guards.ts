import type { CommandMeta } from '../shared';
import type { ProposeSolidarityMission } from './solidarity-mission.commands';
import {
  SolidarityMissionErrorCode as C,
  solidarityMissionForbidden,
  solidarityMissionIllegalState,
  solidarityMissionInvalid,
  solidarityMissionNotFound,
  solidarityMissionRefused,
} from './solidarity-mission.errors';
import type { SolidarityMissionPlace } from './solidarity-mission.events';
import type { ExistingSolidarityMission, SolidarityMissionState } from './solidarity-mission.state';

export const SOLIDARITY_MISSION_RULES = {
  titleMaxLength: 120,
  descriptionMaxLength: 4_000,
  reasonMaxLength: 1_000,
  durationMinMinutes: 30,
  durationMaxMinutes: 12 * 60,
  volunteersMin: 1,
  volunteersMax: 100,
} as const;
const R = SOLIDARITY_MISSION_RULES;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export function existing(
  state: SolidarityMissionState,
  missionId: string,
): ExistingSolidarityMission {
  if (state.status === 'none') throw solidarityMissionNotFound(missionId);
  return state;
}

/** Only the association that proposed it; anyone else is told nothing (the HTTP layer answers 404). */
export function byItsAssociation(mission: ExistingSolidarityMission, meta: CommandMeta): void {
  if (meta.actorRole === 'system') return;
  if (meta.actorRole !== 'association' || meta.actorId !== mission.associationId)
    throw solidarityMissionForbidden(C.NOT_THE_ASSOCIATION, 'Not this mission’s association');
}

export function byVolunteer(meta: CommandMeta): void {
  if (meta.actorRole !== 'volunteer')
    throw solidarityMissionForbidden(C.VOLUNTEER_ONLY, 'Only a volunteer signs up');
}

const started = (mission: ExistingSolidarityMission, now: string): boolean =>
  Date.parse(now) >= Date.parse(mission.startsAt);

/** Still open or full (not cancelled, not completed). */
export function live(mission: ExistingSolidarityMission): void {
  if (mission.status === 'cancelled')
    throw solidarityMissionIllegalState(C.CANCELLED, mission.status, {
      missionId: mission.missionId,
    });
  if (mission.status === 'completed')
    throw solidarityMissionIllegalState(C.ATTENDANCE_CONFIRMED, mission.status, {
      missionId: mission.missionId,
    });
}

export function notStarted(mission: ExistingSolidarityMission, now: string): void {
  if (started(mission, now))
    throw solidarityMissionIllegalState(C.STARTED, mission.status, {
      missionId: mission.missionId,
      startsAt: mission.startsAt,
    });
}

export function hasStarted(mission: ExistingSolidarityMission, now: string): void {
  if (!started(mission, now))
    throw solidarityMissionIllegalState(C.NOT_STARTED, mission.status, {
      missionId: mission.missionId,
      startsAt: mission.startsAt,
    });
}

export function checkedReason(value: unknown): string {
  const reason = text(value);
  if (reason.length === 0) throw solidarityMissionInvalid(C.REASON_REQUIRED, 'reason');
  if (reason.length > R.reasonMaxLength)
    throw solidarityMissionInvalid(C.REASON_TOO_LONG, 'reason', { maxLength: R.reasonMaxLength });
  return reason;
}

function checkedPlace(place: SolidarityMissionPlace): SolidarityMissionPlace {
  if (typeof place !== 'object' || place === null)
    throw solidarityMissionInvalid(C.INVALID_PLACE, 'place');
  const field = (name: 'address' | 'postalCode' | 'city') => {
    const value = text(place[name]);
    if (value.length === 0 || value.length > 300)
      throw solidarityMissionInvalid(C.INVALID_PLACE, `place.${name}`);
    return value;
  };
  const coordinate = (name: 'lat' | 'lng', bound: number) => {
    const value = place[name];
    if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > bound)
      throw solidarityMissionInvalid(C.INVALID_PLACE, `place.${name}`, { value });
    return value;
  };
  return {
    address: field('address'),
    postalCode: field('postalCode'),
    city: field('city'),
    lat: coordinate('lat', 90),
    lng: coordinate('lng', 180),
  };
}

export type CheckedProposal = Omit<
  ProposeSolidarityMission['data'],
  'solidarityType' | 'associationVerified'
> & { solidarityTypeId: string; solidarityTypeLabel: string };

/** The association's right to propose, the type, and every field's bounds. */
export function checkedProposal(
  data: ProposeSolidarityMission['data'],
  meta: CommandMeta,
): CheckedProposal {
  if (meta.actorRole !== 'association')
    throw solidarityMissionForbidden(C.ASSOCIATION_ONLY, 'Only an association proposes a mission');
  if (!data.associationVerified)
    throw solidarityMissionForbidden(
      C.ASSOCIATION_NOT_VERIFIED,
      'The association’s verification is not approved',
    );
  const title = text(data.title).replace(/\s+/g, ' ');
  if (title.length === 0) throw solidarityMissionInvalid(C.TITLE_REQUIRED, 'title');
  if (title.length > R.titleMaxLength)
    throw solidarityMissionInvalid(C.TITLE_TOO_LONG, 'title', { maxLength: R.titleMaxLength });
  const description = text(data.description);
  if (description.length > R.descriptionMaxLength)
    throw solidarityMissionInvalid(C.DESCRIPTION_TOO_LONG, 'description', {
      maxLength: R.descriptionMaxLength,
    });
  const { durationMinutes, volunteersNeeded } = data;
  if (
    !Number.isSafeInteger(durationMinutes) ||
    durationMinutes < R.durationMinMinutes ||
    durationMinutes > R.durationMaxMinutes
  )
    throw solidarityMissionInvalid(C.INVALID_DURATION, 'durationMinutes', {
      value: durationMinutes,
      min: R.durationMinMinutes,
      max: R.durationMaxMinutes,
    });
  if (
    !Number.isSafeInteger(volunteersNeeded) ||
    volunteersNeeded < R.volunteersMin ||
    volunteersNeeded > R.volunteersMax
  )
    throw solidarityMissionInvalid(C.INVALID_VOLUNTEERS_NEEDED, 'volunteersNeeded', {
      value: volunteersNeeded,
      min: R.volunteersMin,
      max: R.volunteersMax,
    });
  const startMs = typeof data.startsAt === 'string' ? Date.parse(data.startsAt) : NaN;
  if (!Number.isFinite(startMs)) throw solidarityMissionInvalid(C.INVALID_START, 'startsAt');
  const startsAt = new Date(startMs).toISOString();
  const place = checkedPlace(data.place);
  const type = data.solidarityType;
  if (!type)
    throw solidarityMissionRefused(C.TYPE_NOT_FOUND, 'Unknown solidarity type', {
      field: 'solidarityTypeId',
    });
  if (!type.active)
    throw solidarityMissionRefused(C.TYPE_RETIRED, 'This solidarity type is retired', {
      field: 'solidarityTypeId',
      solidarityTypeId: type.solidarityTypeId,
    });
  if (startMs <= Date.parse(meta.now))
    throw solidarityMissionRefused(C.START_IN_PAST, 'The mission must start in the future', {
      field: 'startsAt',
      startsAt,
      now: meta.now,
    });
  return {
    missionId: data.missionId,
    solidarityTypeId: type.solidarityTypeId,
    solidarityTypeLabel: type.label,
    title,
    description,
    place,
    startsAt,
    durationMinutes,
    volunteersNeeded,
  };
}

/** The attended list: unique ids, every one signed up now. */
export function checkedAttendance(mission: ExistingSolidarityMission, attended: unknown): string[] {
  if (!Array.isArray(attended) || attended.some((id) => typeof id !== 'string'))
    throw solidarityMissionInvalid(C.INVALID_ATTENDANCE, 'attended');
  const unique = [...new Set(attended as string[])];
  const strangers = unique.filter((id) => !mission.volunteers.includes(id));
  if (strangers.length > 0)
    throw solidarityMissionRefused(
      C.ATTENDEE_NOT_SIGNED_UP,
      'Only volunteers signed up can be recorded as present',
      { volunteerIds: strangers },
    );
  // Kept in sign-up order, whatever order the association listed them in.
  return mission.volunteers.filter((id) => unique.includes(id));
}
