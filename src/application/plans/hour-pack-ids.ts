import { stepIdsIn } from '../shared/deterministic-id';

/** Ids of the hour-pack steps, derived from the pack or the causing event. */
export const hourPackIds = stepIdsIn('hour-pack');

/** Gateway idempotency keys, all derived from the purchase (the pack id). */
export const hourPackGatewayKeys = {
  saveMethod: (packId: string) => `hour-pack-${packId}-save-method`,
  charge: (packId: string) => `hour-pack-${packId}-charge`,
  withdrawal: (packId: string) => `hour-pack-${packId}-withdrawal`,
  /** The n-th refund of the pack (0 for the first): a retried expiry refunds once. */
  expiryRefund: (packId: string, refundsSoFar: number) =>
    `hour-pack-${packId}-expiry-refund-${refundsSoFar}`,
} as const;
