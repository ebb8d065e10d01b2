import { GatewayLogCommand } from './gateway-log.commands';
import { GATEWAY_EVENT_TYPES, GatewayEvent } from './gateway-log.events';
import { assertSystem, assertText } from './gateway-log.guards';
import { GatewayLogState, hasReceived, receiptKey } from './gateway-log.state';

export function decide(command: GatewayLogCommand, state: GatewayLogState): GatewayEvent[] {
  switch (command.type) {
    case 'RecordGatewayNotification': {
      assertSystem(command.meta.actorRole);
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
