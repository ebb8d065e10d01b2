import {
  serviceTypeSlug,
  serviceTypeStreamName,
  type ServiceTypeCommand,
} from '../../domain/missions/offers';
import { AggregateCommandMessage } from '../shared/aggregate-command';
import { deterministicId } from '../shared/deterministic-id';

/** Published contract: send a ServiceTypeCommand to the `service-type-<id>` stream through the CommandBus. */
export class ServiceTypeCommandMessage extends AggregateCommandMessage<ServiceTypeCommand> {}

export const serviceTypeStream = serviceTypeStreamName;

/**
 * A type's id derives from its label's slug, so "Ménage" created twice (or "menage") lands on
 * one stream and the second creation is refused `SERVICE_TYPE_EXISTS`.
 */
export const serviceTypeIdFor = (label: string): string =>
  deterministicId('service-type', serviceTypeSlug(label));
