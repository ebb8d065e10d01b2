import type { CustomRequestCommand } from '../../domain/orders';
import { AggregateCommandMessage } from '../shared/aggregate-command';

/** Published contract: send a CustomRequestCommand to the `custom_request-<id>` stream. */
export class CustomRequestCommandMessage extends AggregateCommandMessage<CustomRequestCommand> {}

export const customRequestStream = (id: string) => `custom_request-${id}`;
