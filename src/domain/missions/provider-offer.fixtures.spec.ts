// Given/when builders for the provider-offer specs; the `.spec.ts` suffix keeps them out of the build.
import { DeciderSpecification } from '../../../test/support/decider-spec';
import type { ActorRole } from '../shared';
import type { LocatedPostalCode, ProviderOfferCommand, ZoneInput } from './provider-offer.commands';
import type {
  AvailabilityException,
  OfferPricing,
  ProviderOfferEvent,
  ProviderZone,
  WeeklySlot,
} from './provider-offer.events';
import { providerOfferDecider } from './offers';

export const now = '2026-03-10T09:00:00.000Z';
export const providerId = 'provider-1';
export const menage = 'st-menage';
export const jardinage = 'st-jardinage';
export const meta = (actorId = providerId, actorRole: ActorRole = 'provider') => ({
  now,
  actorId,
  actorRole,
});
export const spec = DeciderSpecification.for(providerOfferDecider);

export const hourly = (hourlyRateCents = 2_500): OfferPricing => ({
  kind: 'hourly',
  hourlyRateCents,
});
export const fixed = (fixedPriceCents = 8_000): OfferPricing => ({
  kind: 'fixed',
  fixedPriceCents,
});

export const lyon: LocatedPostalCode = { city: 'Lyon', lat: 45.7597, lng: 4.8422 };
export const zone: ProviderZone = {
  postalCode: '69003',
  city: 'Lyon',
  lat: 45.7597,
  lng: 4.8422,
  radiusKm: 15,
};
export const mornings: WeeklySlot[] = [
  { weekday: 1, from: '09:00', to: '12:00' },
  { weekday: 3, from: '09:00', to: '12:00' },
];
export const holidays: AvailabilityException = {
  exceptionId: 'ex-1',
  kind: 'unavailable',
  from: '2026-08-01T00:00:00.000Z',
  to: '2026-08-15T00:00:00.000Z',
};

export const offered = (serviceTypeId = menage, pricing = hourly()): ProviderOfferEvent => ({
  type: 'ProviderServiceOffered',
  data: { providerId, serviceTypeId, pricing, offeredAt: '2026-03-01T00:00:00.000Z' },
});
export const withdrawn = (serviceTypeId = menage): ProviderOfferEvent => ({
  type: 'ProviderServiceWithdrawn',
  data: { providerId, serviceTypeId, withdrawnAt: '2026-03-02T00:00:00.000Z' },
});
export const zoneSet: ProviderOfferEvent = {
  type: 'ProviderZoneSet',
  data: { providerId, zone, setAt: '2026-03-01T00:00:00.000Z' },
};
export const hoursSet: ProviderOfferEvent = {
  type: 'ProviderWeeklyHoursSet',
  data: { providerId, slots: mornings, setAt: '2026-03-01T00:00:00.000Z' },
};
export const exceptionAdded: ProviderOfferEvent = {
  type: 'ProviderAvailabilityExceptionAdded',
  data: { ...holidays, providerId, addedAt: '2026-03-01T00:00:00.000Z' },
};
export const exceptionRemoved: ProviderOfferEvent = {
  type: 'ProviderAvailabilityExceptionRemoved',
  data: { providerId, exceptionId: holidays.exceptionId, removedAt: '2026-03-02T00:00:00.000Z' },
};

export const offer = (
  pricing: OfferPricing = hourly(),
  serviceTypeId = menage,
  serviceTypeActive = true,
  actorId = providerId,
  role: ActorRole = 'provider',
): ProviderOfferCommand => ({
  type: 'OfferService',
  data: { providerId, serviceTypeId, pricing, serviceTypeActive },
  meta: meta(actorId, role),
});
export const withdraw = (serviceTypeId = menage, actorId = providerId): ProviderOfferCommand => ({
  type: 'WithdrawService',
  data: { providerId, serviceTypeId },
  meta: meta(actorId),
});
export const setZone = (
  input: Partial<ZoneInput> = {},
  located: LocatedPostalCode | null = lyon,
  actorId = providerId,
): ProviderOfferCommand => ({
  type: 'SetZone',
  data: { providerId, zone: { postalCode: '69003', radiusKm: 15, ...input }, located },
  meta: meta(actorId),
});
export const setHours = (
  slots: WeeklySlot[] = mornings,
  actorId = providerId,
): ProviderOfferCommand => ({
  type: 'SetWeeklyHours',
  data: { providerId, slots },
  meta: meta(actorId),
});
export const addException = (
  input: Partial<AvailabilityException> = {},
  actorId = providerId,
): ProviderOfferCommand => ({
  type: 'AddAvailabilityException',
  data: { providerId, ...holidays, ...input },
  meta: meta(actorId),
});
export const removeException = (
  exceptionId = holidays.exceptionId,
  actorId = providerId,
): ProviderOfferCommand => ({
  type: 'RemoveAvailabilityException',
  data: { providerId, exceptionId },
  meta: meta(actorId),
});
