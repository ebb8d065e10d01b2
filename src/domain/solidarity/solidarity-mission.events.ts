import type { DomainEvent, EventVersions } from '../shared';

/**
 * A solidarity mission (seed 000 "Proposer une mission solidaire"): a mission without money an
 * association proposes, volunteers sign up for until it is full, and whose attendance the
 * association confirms. Stream of one mission: `solidarity_mission-<missionId>`.
 */
export const SOLIDARITY_MISSION_CATEGORY = 'solidarity_mission';
export const solidarityMissionStreamName = (missionId: string): string =>
  `${SOLIDARITY_MISSION_CATEGORY}-${missionId}`;

/** Where the volunteers meet; coordinates come from the postal code (the geocoder). */
export interface SolidarityMissionPlace {
  address: string;
  postalCode: string;
  city: string;
  lat: number;
  lng: number;
}

export type SolidarityMissionProposed = DomainEvent<
  'SolidarityMissionProposed',
  {
    missionId: string;
    associationId: string;
    solidarityTypeId: string;
    /** The type's label when proposed (a later revision of the type does not change it). */
    solidarityTypeLabel: string;
    title: string;
    description: string;
    place: SolidarityMissionPlace;
    startsAt: string;
    durationMinutes: number;
    volunteersNeeded: number;
    proposedAt: string;
  }
>;

/** The association calls it off; `volunteerIds` are the volunteers signed up then, who are told. */
export type SolidarityMissionCancelled = DomainEvent<
  'SolidarityMissionCancelled',
  {
    missionId: string;
    associationId: string;
    reason: string;
    volunteerIds: string[];
    cancelledBy: string;
    cancelledAt: string;
  }
>;

export type VolunteerSignedUp = DomainEvent<
  'VolunteerSignedUp',
  { missionId: string; volunteerId: string; signedUpAt: string; placesLeft: number }
>;

/** Recorded with the sign-up that takes the last place. */
export type SolidarityMissionFilled = DomainEvent<
  'SolidarityMissionFilled',
  { missionId: string; volunteersNeeded: number; filledAt: string }
>;

/** Before the start only; the place opens again (a full mission is open again). */
export type VolunteerWithdrew = DomainEvent<
  'VolunteerWithdrew',
  { missionId: string; volunteerId: string; withdrewAt: string; placesLeft: number }
>;

/** After the start, once: who came (`attended`) and who did not (`absent`), among those signed up. */
export type SolidarityAttendanceConfirmed = DomainEvent<
  'SolidarityAttendanceConfirmed',
  {
    missionId: string;
    associationId: string;
    attended: string[];
    absent: string[];
    confirmedBy: string;
    confirmedAt: string;
  }
>;

export type SolidarityMissionEvent =
  | SolidarityMissionProposed
  | SolidarityMissionCancelled
  | VolunteerSignedUp
  | SolidarityMissionFilled
  | VolunteerWithdrew
  | SolidarityAttendanceConfirmed;

export const SOLIDARITY_MISSION_EVENT_VERSIONS: EventVersions<SolidarityMissionEvent['type']> = {
  SolidarityMissionProposed: 1,
  SolidarityMissionCancelled: 1,
  VolunteerSignedUp: 1,
  SolidarityMissionFilled: 1,
  VolunteerWithdrew: 1,
  SolidarityAttendanceConfirmed: 1,
};
