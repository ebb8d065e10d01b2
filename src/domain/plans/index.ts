export * from './plan.events';
export * from './subscription.events';
export * from './credits.events';
export * from './hour-pack.events';
export type * from './hour-pack.commands';
export { HourPackErrorCode } from './hour-pack.errors';
export {
  availableMinutes,
  cumulativeValue,
  expiryRefund,
  valueOfNext,
  type ExistingHourPack,
  type HourPackMission,
  type HourPackMissionUse,
  type HourPackState,
} from './hour-pack.state';
export { HOUR_PACK_MAX_MINUTES, withdrawalEndsAt } from './hour-pack.guards';
export { hourPackDecider } from './hour-pack.decider';
