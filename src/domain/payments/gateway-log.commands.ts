import { Command } from '../shared';
import { GatewayFacts, GatewayReceipt } from './gateway-log.events';

/** Records one provider notification in the log of the payout or escrow it concerns. */
export type RecordGatewayNotification = Command<
  'RecordGatewayNotification',
  GatewayReceipt & GatewayFacts
>;

export type GatewayLogCommand = RecordGatewayNotification;
