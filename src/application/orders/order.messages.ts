import type { OrderCommand } from '../../domain/orders';
import { AggregateCommandMessage } from '../shared/aggregate-command';

/** Published contract: send a OrderCommand to the `order-<id>` stream through the CommandBus. */
export class OrderCommandMessage extends AggregateCommandMessage<OrderCommand> {}

export const orderStream = (id: string) => `order-${id}`;
