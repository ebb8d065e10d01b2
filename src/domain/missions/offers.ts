import type { Decider } from '../shared';
import type { ProviderOfferCommand } from './provider-offer.commands';
import { decide as decideProviderOffer } from './provider-offer.decide';
import type { ProviderOfferEvent } from './provider-offer.events';
import {
  evolve as evolveProviderOffer,
  initialState as initialProviderOffer,
  ProviderOfferState,
} from './provider-offer.state';
import type { ServiceTypeCommand } from './service-type.commands';
import { decide as decideServiceType } from './service-type.decide';
import type { ServiceTypeEvent } from './service-type.events';
import {
  evolve as evolveServiceType,
  initialState as initialServiceType,
  ServiceTypeState,
} from './service-type.state';

/** The catalogue of service types staff manage, one stream per type. */
export const serviceTypeDecider: Decider<ServiceTypeCommand, ServiceTypeState, ServiceTypeEvent> = {
  decide: decideServiceType,
  evolve: evolveServiceType,
  initialState: initialServiceType,
};

/** What one provider offers (types and prices, zone, availability), one stream per provider. */
export const providerOfferDecider: Decider<
  ProviderOfferCommand,
  ProviderOfferState,
  ProviderOfferEvent
> = {
  decide: decideProviderOffer,
  evolve: evolveProviderOffer,
  initialState: initialProviderOffer,
};

export * from './service-type.events';
export * from './provider-offer.events';
export type {
  CreateServiceType,
  RetireServiceType,
  ServiceTypeCommand,
  ServiceTypeInput,
  UpdateServiceType,
} from './service-type.commands';
export type {
  ExistingServiceType,
  ServiceTypeState,
  ServiceTypeStatus,
} from './service-type.state';
export { SERVICE_TYPE_STATUS_LABELS } from './service-type.state';
export { ServiceTypeErrorCode } from './service-type.errors';
export { SERVICE_TYPE_RULES, serviceTypeSlug } from './service-type.guards';
export type {
  AddAvailabilityException,
  LocatedPostalCode,
  OfferService,
  ProviderOfferCommand,
  RemoveAvailabilityException,
  SetWeeklyHours,
  SetZone,
  WithdrawService,
  ZoneInput,
} from './provider-offer.commands';
export type { DeclaredOffer, OfferedService, ProviderOfferState } from './provider-offer.state';
export { ProviderOfferErrorCode } from './provider-offer.errors';
export { PROVIDER_OFFER_RULES } from './provider-offer.guards';
