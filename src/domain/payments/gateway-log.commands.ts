import { Command } from '../shared';
import { GatewayLogFacts, GatewayReceipt } from './gateway-log.events';

/** Records one provider notification in the log of the payout, escrow or plan sale it concerns. */
export type RecordGatewayNotification = Command<
  'RecordGatewayNotification',
  GatewayReceipt & GatewayLogFacts
>;

export type GatewayLogCommand = RecordGatewayNotification;
