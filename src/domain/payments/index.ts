import { Decider } from '../shared';
import { GatewayLogCommand } from './gateway-log.commands';
import { decide } from './gateway-log.decide';
import { GatewayEvent } from './gateway-log.events';
import { evolve, GatewayLogState, initialState } from './gateway-log.state';

export * from './gateway-log.events';
export * from './gateway-log.errors';
export type { GatewayLogCommand, RecordGatewayNotification } from './gateway-log.commands';
export type { GatewayLogState } from './gateway-log.state';

/** The log of what the payment gateway told us about one payout or escrow (`gateway-<id>`). */
export const gatewayLogDecider: Decider<GatewayLogCommand, GatewayLogState, GatewayEvent> = {
  decide,
  evolve,
  initialState,
};
