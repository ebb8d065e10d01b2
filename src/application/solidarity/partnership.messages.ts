import { partnershipStream as streamOf, type PartnershipCommand } from '../../domain/solidarity';
import { AggregateCommandMessage } from '../shared/aggregate-command';

/**
 * Published contract: send a PartnershipCommand to the `partnership-<associationId>` stream
 * through the CommandBus. A `GrantPartnership` may leave `standing` out: the handler reads it
 * from the identity context (the association's verification) on the state it decides on.
 */
export class PartnershipCommandMessage extends AggregateCommandMessage<PartnershipCommand> {}

export const partnershipStream = streamOf;
