import {
  BusinessRuleError,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
} from '../shared';

/** Every code the solidarity-mission decider can throw. */
export const SolidarityMissionErrorCode = {
  NOT_FOUND: 'SOLIDARITY_MISSION_NOT_FOUND',
  EXISTS: 'SOLIDARITY_MISSION_EXISTS',
  NOT_THE_ASSOCIATION: 'NOT_A_PARTY',
  ASSOCIATION_ONLY: 'SOLIDARITY_MISSION_ASSOCIATION_ONLY',
  VOLUNTEER_ONLY: 'SOLIDARITY_MISSION_VOLUNTEER_ONLY',
  ASSOCIATION_NOT_VERIFIED: 'ASSOCIATION_NOT_VERIFIED',
  TYPE_NOT_FOUND: 'SOLIDARITY_TYPE_NOT_FOUND',
  TYPE_RETIRED: 'SOLIDARITY_TYPE_RETIRED',
  TITLE_REQUIRED: 'SOLIDARITY_MISSION_TITLE_REQUIRED',
  TITLE_TOO_LONG: 'SOLIDARITY_MISSION_TITLE_TOO_LONG',
  DESCRIPTION_TOO_LONG: 'SOLIDARITY_MISSION_DESCRIPTION_TOO_LONG',
  INVALID_PLACE: 'SOLIDARITY_MISSION_INVALID_PLACE',
  INVALID_START: 'SOLIDARITY_MISSION_INVALID_START',
  START_IN_PAST: 'SOLIDARITY_MISSION_START_IN_PAST',
  INVALID_DURATION: 'SOLIDARITY_MISSION_INVALID_DURATION',
  INVALID_VOLUNTEERS_NEEDED: 'SOLIDARITY_MISSION_INVALID_VOLUNTEERS_NEEDED',
  REASON_REQUIRED: 'SOLIDARITY_MISSION_REASON_REQUIRED',
  REASON_TOO_LONG: 'SOLIDARITY_MISSION_REASON_TOO_LONG',
  CANCELLED: 'SOLIDARITY_MISSION_CANCELLED',
  STARTED: 'SOLIDARITY_MISSION_STARTED',
  NOT_STARTED: 'SOLIDARITY_MISSION_NOT_STARTED',
  FULL: 'SOLIDARITY_MISSION_FULL',
  ALREADY_SIGNED_UP: 'ALREADY_SIGNED_UP',
  NOT_SIGNED_UP: 'NOT_SIGNED_UP',
  OWN_MISSION: 'SOLIDARITY_MISSION_OWN',
  ATTENDANCE_CONFIRMED: 'SOLIDARITY_ATTENDANCE_ALREADY_CONFIRMED',
  ATTENDEE_NOT_SIGNED_UP: 'SOLIDARITY_ATTENDEE_NOT_SIGNED_UP',
  INVALID_ATTENDANCE: 'SOLIDARITY_ATTENDANCE_INVALID',
} as const;
export type SolidarityMissionErrorCode =
  (typeof SolidarityMissionErrorCode)[keyof typeof SolidarityMissionErrorCode];

const C = SolidarityMissionErrorCode;

export const solidarityMissionNotFound = (missionId: string) =>
  new NotFoundError(C.NOT_FOUND, 'Solidarity mission not found', { missionId });

export const solidarityMissionIllegalState = (
  code: SolidarityMissionErrorCode,
  currentStatus: string,
  extra: Record<string, unknown> = {},
) =>
  new IllegalStateError(code, `The solidarity mission cannot do this while ${currentStatus}`, {
    currentStatus,
    ...extra,
  });

export const solidarityMissionInvalid = (
  code: SolidarityMissionErrorCode,
  field: string,
  extra: Record<string, unknown> = {},
) => new ValidationError(code, `Invalid solidarity mission field: ${field}`, { field, ...extra });

export const solidarityMissionRefused = (
  code: SolidarityMissionErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
) => new BusinessRuleError(code, message, extra);

export const solidarityMissionForbidden = (code: SolidarityMissionErrorCode, message: string) =>
  new ForbiddenError(code, message);
