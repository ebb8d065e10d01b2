import type { GigCommand } from '../../domain/catalog';
import { AggregateCommandMessage } from '../shared/aggregate-command';

/** Published contract: send a GigCommand to the `gig-<id>` stream through the CommandBus. */
export class GigCommandMessage extends AggregateCommandMessage<GigCommand> {}

export const gigStream = (id: string) => `gig-${id}`;
