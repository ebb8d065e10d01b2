import type { SolidarityMissionEvent, SolidarityTypeEvent } from '../../domain/solidarity';
import { earthCube } from '../dispatch/dispatch.evolve';
import type {
  SignUpStatus,
  SolidarityMissionRow,
  SolidaritySignUpRow,
  SolidarityTypeRow,
} from './solidarity-missions.tables';

export const signUpKey = (missionId: string, volunteerId: string): string =>
  `${missionId}:${volunteerId}`;

/** One row per type; an event for a type never defined changes nothing. */
export function evolveTypeRow(
  row: SolidarityTypeRow | undefined,
  event: SolidarityTypeEvent,
  rev: number,
  at: string,
): SolidarityTypeRow | undefined {
  switch (event.type) {
    case 'SolidarityTypeDefined': {
      if (row) return { ...row, rev };
      const d = event.data;
      return {
        solidarity_type_id: d.solidarityTypeId,
        rev,
        label: d.label,
        description: d.description,
        status: 'active',
        defined_at: d.definedAt,
        updated_at: at,
        retired_at: null,
      };
    }
    case 'SolidarityTypeRevised':
      if (!row) return undefined;
      return {
        ...row,
        rev,
        label: event.data.label,
        description: event.data.description,
        updated_at: at,
      };
    case 'SolidarityTypeRetired':
      if (!row) return undefined;
      return { ...row, rev, status: 'retired', retired_at: event.data.retiredAt, updated_at: at };
    default:
      event satisfies never;
      return row;
  }
}

const live = (row: SolidarityMissionRow) => row.status === 'open' || row.status === 'full';

/** The mission's row after one of its events; undefined when the event does not apply. */
export function evolveMissionRow(
  row: SolidarityMissionRow | undefined,
  event: SolidarityMissionEvent,
  rev: number,
  at: string,
): SolidarityMissionRow | undefined {
  if (event.type === 'SolidarityMissionProposed') {
    if (row) return { ...row, rev };
    const d = event.data;
    return {
      mission_id: d.missionId,
      rev,
      status: 'open',
      association_id: d.associationId,
      solidarity_type_id: d.solidarityTypeId,
      solidarity_type_label: d.solidarityTypeLabel,
      title: d.title,
      description: d.description,
      address: d.place.address,
      postal_code: d.place.postalCode,
      city: d.place.city,
      lat: d.place.lat,
      lng: d.place.lng,
      earth: earthCube(d.place.lat, d.place.lng),
      starts_at: d.startsAt,
      ends_at: new Date(Date.parse(d.startsAt) + d.durationMinutes * 60_000).toISOString(),
      duration_minutes: d.durationMinutes,
      volunteers_needed: d.volunteersNeeded,
      volunteers_count: 0,
      proposed_at: d.proposedAt,
      filled_at: null,
      cancel_reason: null,
      cancelled_at: null,
      attendance_confirmed_at: null,
      updated_at: at,
    };
  }
  if (!row) return undefined;
  const next = { ...row, rev, updated_at: at };
  switch (event.type) {
    case 'VolunteerSignedUp':
      if (!live(row)) return next;
      return { ...next, volunteers_count: row.volunteers_needed - event.data.placesLeft };
    case 'SolidarityMissionFilled':
      if (row.status !== 'open') return next;
      return { ...next, status: 'full', filled_at: event.data.filledAt };
    case 'VolunteerWithdrew':
      if (!live(row)) return next;
      return {
        ...next,
        status: 'open',
        filled_at: null,
        volunteers_count: row.volunteers_needed - event.data.placesLeft,
      };
    case 'SolidarityMissionCancelled':
      if (!live(row)) return next;
      return {
        ...next,
        status: 'cancelled',
        cancel_reason: event.data.reason,
        cancelled_at: event.data.cancelledAt,
      };
    case 'SolidarityAttendanceConfirmed':
      if (!live(row)) return next;
      return { ...next, status: 'completed', attendance_confirmed_at: event.data.confirmedAt };
    default:
      event satisfies never;
      return next;
  }
}

/** The sign-up rows an event changes: (volunteer, new status) pairs, with the time. */
export function signUpChanges(
  event: SolidarityMissionEvent,
): { volunteerId: string; status: SignUpStatus; at: string }[] {
  switch (event.type) {
    case 'VolunteerSignedUp':
      return [
        { volunteerId: event.data.volunteerId, status: 'signed_up', at: event.data.signedUpAt },
      ];
    case 'VolunteerWithdrew':
      return [
        { volunteerId: event.data.volunteerId, status: 'withdrawn', at: event.data.withdrewAt },
      ];
    case 'SolidarityMissionCancelled':
      return event.data.volunteerIds.map((volunteerId) => ({
        volunteerId,
        status: 'mission_cancelled' as const,
        at: event.data.cancelledAt,
      }));
    case 'SolidarityAttendanceConfirmed':
      return [
        ...event.data.attended.map((volunteerId) => ({
          volunteerId,
          status: 'attended' as const,
          at: event.data.confirmedAt,
        })),
        ...event.data.absent.map((volunteerId) => ({
          volunteerId,
          status: 'absent' as const,
          at: event.data.confirmedAt,
        })),
      ];
    default:
      return [];
  }
}

export function applySignUpChange(
  row: SolidaritySignUpRow | undefined,
  missionId: string,
  change: { volunteerId: string; status: SignUpStatus; at: string },
): SolidaritySignUpRow | undefined {
  if (change.status === 'signed_up')
    return {
      sign_up_key: signUpKey(missionId, change.volunteerId),
      mission_id: missionId,
      volunteer_id: change.volunteerId,
      status: 'signed_up',
      signed_up_at: change.at,
      withdrew_at: null,
      updated_at: change.at,
    };
  if (!row) return undefined;
  return {
    ...row,
    status: change.status,
    withdrew_at: change.status === 'withdrawn' ? change.at : row.withdrew_at,
    updated_at: change.at,
  };
}
