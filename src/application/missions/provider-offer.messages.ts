import { providerOfferStreamName, type ProviderOfferCommand } from '../../domain/missions/offers';
import { AggregateCommandMessage } from '../shared/aggregate-command';

/** Published contract: send a ProviderOfferCommand to `provider-offer-<providerId>` through the CommandBus. */
export class ProviderOfferCommandMessage extends AggregateCommandMessage<ProviderOfferCommand> {}

export const providerOfferStream = providerOfferStreamName;
