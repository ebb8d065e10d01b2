import type { GatewayLogCommand } from '../../domain/payments';
import { AggregateCommandMessage } from '../shared/aggregate-command';

/** Send a GatewayLogCommand to the `gateway-<id>` stream (a payout's or an escrow's) through the CommandBus. */
export class GatewayLogCommandMessage extends AggregateCommandMessage<GatewayLogCommand> {}

export const gatewayLogStream = (id: string) => `gateway-${id}`;
