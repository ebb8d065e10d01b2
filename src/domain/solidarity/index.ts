export * from './partnership.events';
export * from './solidarity-type.events';
export type * from './solidarity-type.commands';
export * from './solidarity-mission.events';
export type * from './solidarity-mission.commands';
export { solidarityTypeDecider } from './solidarity-type.decider';
export { solidarityMissionDecider } from './solidarity-mission.decider';
export { SOLIDARITY_TYPE_STATUS_LABELS } from './solidarity-type.state';
export type {
  ExistingSolidarityType,
  SolidarityTypeState,
  SolidarityTypeStatus,
} from './solidarity-type.state';
export { SolidarityTypeErrorCode } from './solidarity-type.errors';
export { SOLIDARITY_TYPE_RULES, solidarityTypeSlug } from './solidarity-type.guards';
export { SOLIDARITY_MISSION_STATUS_LABELS, placesLeft } from './solidarity-mission.state';
export type {
  ExistingSolidarityMission,
  SolidarityAttendance,
  SolidarityMissionState,
  SolidarityMissionStatus,
} from './solidarity-mission.state';
export { SolidarityMissionErrorCode, solidarityMissionNotFound } from './solidarity-mission.errors';
export { SOLIDARITY_MISSION_RULES } from './solidarity-mission.guards';
