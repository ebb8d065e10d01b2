import type { Decider } from '../shared';
import type { DisputeCommand } from './dispute.commands';
import { decide } from './dispute.decide';
import type { DisputeEvent } from './dispute.events';
import { DisputeState, evolve, initialState } from './dispute.state';

export const disputeDecider: Decider<DisputeCommand, DisputeState, DisputeEvent> = {
  decide,
  evolve,
  initialState,
};

export * from './dispute.events';
export * from './dispute.state';
export * from './dispute.commands';
export { decide } from './dispute.decide';
export * from './dispute.errors';
export * from './dispute.labels';
export { assertDistributesHeld, decisionDistribution } from './dispute.amounts';
export type { Distribution } from './dispute.amounts';
