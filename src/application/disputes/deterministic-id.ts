import { deterministicIdsIn } from '../shared/deterministic-id';

/** Ids of the disputes context's steps, in its own namespace so a retried step gives the same ids. */
export const deterministicId = deterministicIdsIn('marketplace:disputes');

/** Ids of everything a dispute causes elsewhere; each effect happens at most once per dispute. */
export const disputeEffectIds = {
  /** The n-th dispute of an order: one at a time, so buyer and seller opening together collide. */
  dispute: (orderId: string, ordinal: number) =>
    deterministicId('dispute', orderId, String(ordinal)),
  /** The n-th dispute of a mission: one at a time, so client and provider reporting together collide. */
  missionDispute: (missionId: string, ordinal: number) =>
    deterministicId('mission-dispute', missionId, String(ordinal)),
  /** The n-th dispute of a tender project (SMA): one at a time, so client and provider opening together collide. */
  projectDispute: (projectId: string, ordinal: number) =>
    deterministicId('project-dispute', projectId, String(ordinal)),
  opened: (disputeId: string) => deterministicId(disputeId, 'opened'),
  /** A party's "Signaler un problème" sent to the mission; per actor, like `contestBy`. */
  reportBy: (disputeId: string, actorId: string) =>
    deterministicId(disputeId, 'mission-problem-reported', actorId),
  /** The mission told its dispute ended (withdrawn or decided). */
  closeMission: (disputeId: string, resolutionId: string) =>
    deterministicId(disputeId, resolutionId, 'mission-dispute-closed'),
  contest: (disputeId: string) => deterministicId(disputeId, 'order-contested'),
  /** A party's contest on the request path: buyer and seller racing on one dispute id must not dedupe into each other. */
  contestBy: (disputeId: string, actorId: string) =>
    deterministicId(disputeId, 'order-contested', actorId),
  freeze: (disputeId: string) => deterministicId(disputeId, 'escrow-frozen'),
  withdrawContest: (disputeId: string) => deterministicId(disputeId, 'order-contest-withdrawn'),
  unfreeze: (disputeId: string) => deterministicId(disputeId, 'escrow-unfrozen'),
  /** The withdrawal recorded when the order refused to be frozen. */
  unfrozenWithdrawal: (disputeId: string) => deterministicId(disputeId, 'withdrawn-not-frozen'),
  refund: (disputeId: string, resolutionId: string) =>
    deterministicId(disputeId, resolutionId, 'refund'),
  release: (disputeId: string, resolutionId: string) =>
    deterministicId(disputeId, resolutionId, 'release'),
  resolve: (disputeId: string, resolutionId: string) =>
    deterministicId(disputeId, resolutionId, 'order-resolved'),
  /** Id of the event the escrow or order appends for that step. */
  event: (stepId: string, index: number) => deterministicId(stepId, 'event', String(index)),
} as const;
