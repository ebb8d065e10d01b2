import { Command } from '../shared';
import {
  GATEWAY_EVENT_TYPES,
  GatewayEvent,
  GatewayFacts,
  GatewayReceipt,
} from './gateway-log.events';
import { notificationInvalid, systemOnly } from './gateway-log.errors';
import { GatewayLogState, hasReceived, receiptKey } from './gateway-log.state';

/** Records one provider notification in the log of the payout or escrow it concerns. */
export type RecordGatewayNotification = Command<
  'RecordGatewayNotification',
  GatewayReceipt & GatewayFacts
>;

export type GatewayLogCommand = RecordGatewayNotification;

function assertText(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.trim() === '') throw notificationInvalid(field, value);
}

export function decide(command: GatewayLogCommand, state: GatewayLogState): GatewayEvent[] {
  switch (command.type) {
    case 'RecordGatewayNotification': {
      if (command.meta.actorRole !== 'system') throw systemOnly();
      const { kind, ...data } = command.data;
      assertText(data.providerEventId, 'providerEventId');
      assertText(data.providerType, 'providerType');
      // A redelivered notification is already on record: recording it again changes nothing.
      if (hasReceived(state, receiptKey(data))) return [];
      return [{ type: GATEWAY_EVENT_TYPES[kind], data } as GatewayEvent];
    }
    default:
      command.type satisfies never;
      return [];
  }
}
