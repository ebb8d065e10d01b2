import { Decider } from '../shared';
import { MissionCommand } from './mission.commands';
import { decide } from './mission.decide';
import { MissionEvent } from './mission.events';
import { MissionState, evolve, initialState } from './mission.state';

export const missionDecider: Decider<MissionCommand, MissionState, MissionEvent> = {
  decide,
  evolve,
  initialState,
};

export * from './mission.events';
export type * from './mission.commands';
export * from './service-type.events';
export * from './provider-offer.events';
export { MISSION_STATUS_LABELS, isTerminalMission, providerOf } from './mission.state';
export type {
  CancelledMission,
  ConfirmedMission,
  ConfirmedProvider,
  DisputedMission,
  EngagedMission,
  ExistingMission,
  ExpiredMission,
  MissionAuthorisation,
  MissionAuthorisationFailure,
  MissionCancellation,
  MissionChangeProposal,
  MissionDispute,
  MissionDisputeOutcome,
  MissionFacts,
  MissionFeedback,
  MissionPayment,
  MissionRefusal,
  MissionState,
  PendingMission,
  ResolvedMission,
  ValidatedMission,
} from './mission.state';
export { MissionErrorCode } from './mission.errors';
export {
  APPRECIATION_COMMENT_MAX_LENGTH,
  MISSION_COMMENT_MAX_LENGTH,
  MISSION_DETAILS_MAX_LENGTH,
  MISSION_DURATION_MAX_MINUTES,
  MISSION_DURATION_MIN_MINUTES,
  MISSION_MAX_CANDIDATES,
  MISSION_MESSAGE_MAX_FILES,
  MISSION_MESSAGE_MAX_LENGTH,
  MISSION_STATEMENT_MAX_LENGTH,
  RECOMMENDATION_MAX_LENGTH,
} from './mission.guards';
export { AUTHORISATION_FAILURE_REASON_MAX_LENGTH } from './mission.payment';
export type { LateCancellationRule } from './mission.cancellation';
export * from './offers';
export { MISSIONS_PERSONAL_FIELDS } from './mission.personal';
export type { MissionPersonalFields } from './mission.personal';
