import type { DisputeCommand, DisputeState } from '../../domain/disputes';
import { AggregateCommandMessage } from '../shared/aggregate-command';

/** Published contract: send a DisputeCommand to the `dispute-<id>` stream through the CommandBus. */
export class DisputeCommandMessage extends AggregateCommandMessage<DisputeCommand, DisputeState> {}

export const disputeStream = (id: string) => `dispute-${id}`;
