import type { SolidarityMissionEvent, SolidarityMissionPlace } from './solidarity-mission.events';

/**
 * `open`: places left; `full`: every place taken (a withdrawal reopens it); `cancelled` by the
 * association; `completed`: attendance confirmed. That the start has passed is read from the
 * clock, not a status.
 */
export type SolidarityMissionStatus = 'open' | 'full' | 'cancelled' | 'completed';

export const SOLIDARITY_MISSION_STATUS_LABELS: Readonly<Record<SolidarityMissionStatus, string>> = {
  open: 'Ouverte',
  full: 'Complète',
  cancelled: 'Annulée',
  completed: 'Terminée',
};

export interface SolidarityAttendance {
  attended: string[];
  absent: string[];
  confirmedAt: string;
}

export interface ExistingSolidarityMission {
  status: SolidarityMissionStatus;
  missionId: string;
  associationId: string;
  solidarityTypeId: string;
  solidarityTypeLabel: string;
  title: string;
  description: string;
  place: SolidarityMissionPlace;
  startsAt: string;
  durationMinutes: number;
  volunteersNeeded: number;
  /** The volunteers signed up now, in sign-up order (a withdrawal removes one). */
  volunteers: string[];
  proposedAt: string;
  cancellation: { reason: string; cancelledAt: string } | null;
  attendance: SolidarityAttendance | null;
}

export type SolidarityMissionState = { status: 'none' } | ExistingSolidarityMission;

export const initialState = (): SolidarityMissionState => ({ status: 'none' });

export const placesLeft = (mission: ExistingSolidarityMission): number =>
  Math.max(0, mission.volunteersNeeded - mission.volunteers.length);

const isLive = (s: SolidarityMissionState): s is ExistingSolidarityMission =>
  s.status === 'open' || s.status === 'full';

export function evolve(
  state: SolidarityMissionState,
  event: SolidarityMissionEvent,
): SolidarityMissionState {
  switch (event.type) {
    case 'SolidarityMissionProposed': {
      if (state.status !== 'none') return state;
      const d = event.data;
      return {
        status: 'open',
        missionId: d.missionId,
        associationId: d.associationId,
        solidarityTypeId: d.solidarityTypeId,
        solidarityTypeLabel: d.solidarityTypeLabel,
        title: d.title,
        description: d.description,
        place: d.place,
        startsAt: d.startsAt,
        durationMinutes: d.durationMinutes,
        volunteersNeeded: d.volunteersNeeded,
        volunteers: [],
        proposedAt: d.proposedAt,
        cancellation: null,
        attendance: null,
      };
    }
    case 'VolunteerSignedUp': {
      if (!isLive(state) || state.volunteers.includes(event.data.volunteerId)) return state;
      return { ...state, volunteers: [...state.volunteers, event.data.volunteerId] };
    }
    case 'SolidarityMissionFilled':
      if (state.status !== 'open') return state;
      return { ...state, status: 'full' };
    case 'VolunteerWithdrew': {
      if (!isLive(state) || !state.volunteers.includes(event.data.volunteerId)) return state;
      return {
        ...state,
        status: 'open',
        volunteers: state.volunteers.filter((v) => v !== event.data.volunteerId),
      };
    }
    case 'SolidarityMissionCancelled':
      if (!isLive(state)) return state;
      return {
        ...state,
        status: 'cancelled',
        cancellation: { reason: event.data.reason, cancelledAt: event.data.cancelledAt },
      };
    case 'SolidarityAttendanceConfirmed':
      if (!isLive(state)) return state;
      return {
        ...state,
        status: 'completed',
        attendance: {
          attended: event.data.attended,
          absent: event.data.absent,
          confirmedAt: event.data.confirmedAt,
        },
      };
    default:
      event satisfies never;
      return state;
  }
}
