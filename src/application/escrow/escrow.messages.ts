import type { EscrowCommand } from '../../domain/escrow';
import { AggregateCommandMessage } from '../shared/aggregate-command';

/** Published contract: send a EscrowCommand to the `escrow-<id>` stream through the CommandBus. */
export class EscrowCommandMessage extends AggregateCommandMessage<EscrowCommand> {}

export const escrowStream = (id: string) => `escrow-${id}`;
