import type { Command } from '../shared';
import type { SolidarityMissionPlace } from './solidarity-mission.events';

/** The type as the application read it from its stream when the mission is proposed. */
export interface SolidarityTypeFact {
  solidarityTypeId: string;
  label: string;
  active: boolean;
}

export type ProposeSolidarityMission = Command<
  'ProposeSolidarityMission',
  {
    missionId: string;
    /** Null when the type does not exist. */
    solidarityType: SolidarityTypeFact | null;
    /** Whether the association's verification is approved (asked of identity by the application). */
    associationVerified: boolean;
    title: string;
    description: string;
    /** Coordinates derived from the postal code by the application (the geocoder). */
    place: SolidarityMissionPlace;
    startsAt: string;
    durationMinutes: number;
    volunteersNeeded: number;
  }
>;

export type CancelSolidarityMission = Command<
  'CancelSolidarityMission',
  { missionId: string; reason: string }
>;

/** The volunteer is the actor. */
export type SignUpVolunteer = Command<'SignUpVolunteer', { missionId: string }>;

/** The volunteer is the actor. */
export type WithdrawVolunteer = Command<'WithdrawVolunteer', { missionId: string }>;

export type ConfirmSolidarityAttendance = Command<
  'ConfirmSolidarityAttendance',
  { missionId: string; attended: string[] }
>;

export type SolidarityMissionCommand =
  | ProposeSolidarityMission
  | CancelSolidarityMission
  | SignUpVolunteer
  | WithdrawVolunteer
  | ConfirmSolidarityAttendance;
