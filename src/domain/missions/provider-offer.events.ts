import type { Cents, DomainEvent, EventVersions } from '../shared';

/**
 * What one provider offers for local missions: the service types with their price, the zone they
 * cover and when they are available. One stream per provider: `provider-offer-<providerId>`.
 * The dispatch index folds these events (with the identity context's verification and the
 * missions' bookings) to find the providers a request is sent to.
 */
export const PROVIDER_OFFER_STREAM_CATEGORY = 'provider-offer';
export const providerOfferStreamName = (providerId: string): string =>
  `${PROVIDER_OFFER_STREAM_CATEGORY}-${providerId}`;

/** Per hour (times the request's estimated duration) or a fixed price per intervention. TTC cents. */
export type OfferPricing =
  | { kind: 'hourly'; hourlyRateCents: Cents }
  | { kind: 'fixed'; fixedPriceCents: Cents };

/** The zone covered: a base location and a radius. Coordinates come from the postal code when not given. */
export interface ProviderZone {
  postalCode: string;
  city: string;
  lat: number;
  lng: number;
  radiusKm: number;
}

/** ISO weekday 1 (Monday) .. 7 (Sunday); `from` < `to`, "HH:MM" in Europe/Paris local time. */
export interface WeeklySlot {
  weekday: number;
  from: string;
  to: string;
}

/**
 * A dated exception to the weekly hours: `unavailable` (holidays, a day off) or `available`
 * (extra hours outside the weekly ones). Instants in ISO 8601.
 */
export interface AvailabilityException {
  exceptionId: string;
  kind: 'unavailable' | 'available';
  from: string;
  to: string;
}

export type ProviderServiceOffered = DomainEvent<
  'ProviderServiceOffered',
  { providerId: string; serviceTypeId: string; pricing: OfferPricing; offeredAt: string }
>;

export type ProviderServiceWithdrawn = DomainEvent<
  'ProviderServiceWithdrawn',
  { providerId: string; serviceTypeId: string; withdrawnAt: string }
>;

export type ProviderZoneSet = DomainEvent<
  'ProviderZoneSet',
  { providerId: string; zone: ProviderZone; setAt: string }
>;

/** Replaces the whole weekly schedule. */
export type ProviderWeeklyHoursSet = DomainEvent<
  'ProviderWeeklyHoursSet',
  { providerId: string; slots: WeeklySlot[]; setAt: string }
>;

export type ProviderAvailabilityExceptionAdded = DomainEvent<
  'ProviderAvailabilityExceptionAdded',
  AvailabilityException & { providerId: string; addedAt: string }
>;

export type ProviderAvailabilityExceptionRemoved = DomainEvent<
  'ProviderAvailabilityExceptionRemoved',
  { providerId: string; exceptionId: string; removedAt: string }
>;

export type ProviderOfferEvent =
  | ProviderServiceOffered
  | ProviderServiceWithdrawn
  | ProviderZoneSet
  | ProviderWeeklyHoursSet
  | ProviderAvailabilityExceptionAdded
  | ProviderAvailabilityExceptionRemoved;

export const PROVIDER_OFFER_EVENT_VERSIONS: EventVersions<ProviderOfferEvent['type']> = {
  ProviderServiceOffered: 1,
  ProviderServiceWithdrawn: 1,
  ProviderZoneSet: 1,
  ProviderWeeklyHoursSet: 1,
  ProviderAvailabilityExceptionAdded: 1,
  ProviderAvailabilityExceptionRemoved: 1,
};
