import { stepIdsIn } from '../shared/deterministic-id';

/** Ids and gateway keys of the missions money process, all derived from the mission or the causing event. */
export const missionMoneyIds = stepIdsIn('mission-money');

/**
 * The gateway idempotency keys. The first authorisation's key is the mission's own, so
 * `MissionPayments.secure` (at publication) and the money reactor (on `MissionRequested`) get
 * the same authorisation back: the card is authorised once.
 */
export const missionGatewayKeys = {
  firstAuthorisation: (missionId: string) => `mission-${missionId}-authorise`,
  saveMethod: (missionId: string) => `mission-${missionId}-save-method`,
  saveReplacement: (missionId: string, idempotencyKey: string) =>
    `mission-${missionId}-replacement-${idempotencyKey}`,
  /** A later authorisation (scheduled attempt, replaced card, changed price): keyed by its cause. */
  authorisation: (missionId: string, causeId: string) =>
    `mission-${missionId}-authorise-${causeId}`,
  capture: (missionId: string, paymentRef: string) => `mission-${missionId}-capture-${paymentRef}`,
  cancel: (missionId: string, paymentRef: string) => `mission-${missionId}-cancel-${paymentRef}`,
  instantPayout: (missionId: string) => `mission-${missionId}-instant-payout`,
} as const;
