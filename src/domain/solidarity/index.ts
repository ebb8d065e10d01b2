export * from './partnership.events';
import type { Decider } from '../shared';
import type { PartnershipCommand } from './partnership.commands';
import { decide as decidePartnership } from './partnership.decide';
import type { PartnershipEvent } from './partnership.events';
import {
  evolve as evolvePartnership,
  initialState as initialPartnership,
  type PartnershipState,
} from './partnership.state';

export const partnershipDecider: Decider<PartnershipCommand, PartnershipState, PartnershipEvent> = {
  decide: decidePartnership,
  evolve: evolvePartnership,
  initialState: initialPartnership,
};

export type {
  AssociationStanding,
  EndPartnership,
  GrantPartnership,
  PartnershipCommand,
} from './partnership.commands';
export * from './partnership.errors';
export {
  PARTNERSHIP_STATUS_LABELS,
  type PartnershipPeriod,
  type PartnershipState,
  type PartnershipStatus,
} from './partnership.state';
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
export * from './vote.events';
export type * from './vote.commands';
export * from './solidarity-month.events';
export type * from './solidarity-month.commands';
export * from './solidarity-month.calendar';
export * from './pot-shares';
export { tally, type BallotState } from './vote.state';
export type { ShareState, SolidarityMonthState } from './solidarity-month.state';
export { VoteErrorCode } from './vote.errors';
export { SolidarityMonthErrorCode } from './solidarity-month.errors';
export { ballotDecider, solidarityMonthDecider } from './solidarity-pot.deciders';
