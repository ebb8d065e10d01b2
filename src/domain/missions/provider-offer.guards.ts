import type { CommandMeta } from '../shared';
import type { LocatedPostalCode, ZoneInput } from './provider-offer.commands';
import type {
  AvailabilityException,
  OfferPricing,
  ProviderZone,
  WeeklySlot,
} from './provider-offer.events';
import {
  notOfferOwner,
  offerInvalid,
  offerRefused,
  ProviderOfferErrorCode as C,
} from './provider-offer.errors';

export const PROVIDER_OFFER_RULES = {
  /** 1 € to 1 000 € per hour, TTC. */
  minHourlyRateCents: 100,
  maxHourlyRateCents: 100_000,
  /** 1 € to 10 000 € per intervention, TTC. */
  minFixedPriceCents: 100,
  maxFixedPriceCents: 1_000_000,
  maxServices: 30,
  minRadiusKm: 1,
  maxRadiusKm: 100,
  cityMaxLength: 100,
  maxWeeklySlots: 70,
  maxExceptions: 200,
  /** An exception longer than this is a change of weekly hours, not an exception. */
  maxExceptionDays: 366,
} as const;

const R = PROVIDER_OFFER_RULES;
const DAY_MS = 86_400_000;
/** Metropolitan France, Corsica and overseas: five digits. */
const POSTAL_CODE = /^\d{5}$/;
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Only the provider acts on their own offer. */
export function ownOffer(meta: CommandMeta, providerId: string): void {
  if (meta.actorId !== providerId || meta.actorRole !== 'provider') throw notOfferOwner();
}

const integerIn = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;

export function validatePricing(pricing: OfferPricing): OfferPricing {
  if (pricing?.kind === 'hourly') {
    if (!integerIn(pricing.hourlyRateCents, R.minHourlyRateCents, R.maxHourlyRateCents))
      throw offerInvalid(C.INVALID_PRICING, 'hourlyRateCents', {
        value: pricing.hourlyRateCents,
        min: R.minHourlyRateCents,
        max: R.maxHourlyRateCents,
      });
    return { kind: 'hourly', hourlyRateCents: pricing.hourlyRateCents };
  }
  if (pricing?.kind === 'fixed') {
    if (!integerIn(pricing.fixedPriceCents, R.minFixedPriceCents, R.maxFixedPriceCents))
      throw offerInvalid(C.INVALID_PRICING, 'fixedPriceCents', {
        value: pricing.fixedPriceCents,
        min: R.minFixedPriceCents,
        max: R.maxFixedPriceCents,
      });
    return { kind: 'fixed', fixedPriceCents: pricing.fixedPriceCents };
  }
  throw offerInvalid(C.INVALID_PRICING, 'kind', {
    value: (pricing as { kind?: unknown } | undefined)?.kind,
    allowed: ['hourly', 'fixed'],
  });
}

const isCoordinate = (value: unknown, limit: number): value is number =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit;

/**
 * The zone as stored: coordinates given by the provider win; missing ones (and a missing city)
 * come from the postal code, which must then be known.
 */
export function validateZone(input: ZoneInput, located: LocatedPostalCode | null): ProviderZone {
  const postalCode = typeof input.postalCode === 'string' ? input.postalCode.trim() : '';
  if (!POSTAL_CODE.test(postalCode))
    throw offerInvalid(C.INVALID_POSTAL_CODE, 'postalCode', { value: input.postalCode });
  if (!integerIn(input.radiusKm, R.minRadiusKm, R.maxRadiusKm))
    throw offerInvalid(C.INVALID_RADIUS, 'radiusKm', {
      value: input.radiusKm,
      min: R.minRadiusKm,
      max: R.maxRadiusKm,
    });
  const hasLat = input.lat !== undefined && input.lat !== null;
  const hasLng = input.lng !== undefined && input.lng !== null;
  if (hasLat !== hasLng)
    throw offerInvalid(C.INVALID_COORDINATES, hasLat ? 'lng' : 'lat', {
      reason: 'lat and lng go together',
    });
  if (hasLat && (!isCoordinate(input.lat, 90) || !isCoordinate(input.lng, 180)))
    throw offerInvalid(C.INVALID_COORDINATES, 'lat', { lat: input.lat, lng: input.lng });
  const typedCity = typeof input.city === 'string' ? input.city.trim().replace(/\s+/g, ' ') : '';
  if (input.city !== undefined && input.city !== null && typedCity.length === 0)
    throw offerInvalid(C.INVALID_CITY, 'city');
  if (typedCity.length > R.cityMaxLength)
    throw offerInvalid(C.INVALID_CITY, 'city', { maxLength: R.cityMaxLength });
  const city = typedCity || located?.city;
  if (!city || (!hasLat && !located))
    throw offerRefused(
      C.POSTAL_CODE_UNKNOWN,
      'The postal code is unknown: give the coordinates and the city',
      {
        postalCode,
        ...(typedCity ? { city: typedCity } : {}),
      },
    );
  const lat = hasLat ? (input.lat as number) : located!.lat;
  const lng = hasLng ? (input.lng as number) : located!.lng;
  return { postalCode, city, lat, lng, radiusKm: input.radiusKm };
}

/** `Date.parse` rolls 30 February over to March: the calendar date must exist as written. */
function realDate(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const minutes = (time: string): number => {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
};

/** Checks each slot, refuses overlaps on one weekday (touching slots are fine), sorts them. */
export function validateWeeklySlots(slots: WeeklySlot[]): WeeklySlot[] {
  if (!Array.isArray(slots)) throw offerInvalid(C.INVALID_SLOT, 'slots');
  if (slots.length > R.maxWeeklySlots)
    throw offerInvalid(C.TOO_MANY_SLOTS, 'slots', { max: R.maxWeeklySlots });
  const clean = slots.map((slot, index) => {
    const field = `slots[${index}]`;
    if (!integerIn(slot?.weekday, 1, 7))
      throw offerInvalid(C.INVALID_SLOT, `${field}.weekday`, {
        value: slot?.weekday,
        min: 1,
        max: 7,
      });
    for (const key of ['from', 'to'] as const) {
      if (typeof slot[key] !== 'string' || !CLOCK_TIME.test(slot[key]))
        throw offerInvalid(C.INVALID_SLOT, `${field}.${key}`, {
          value: slot[key],
          format: 'HH:MM',
        });
    }
    if (slot.from === '24:00' || minutes(slot.from) >= minutes(slot.to))
      throw offerInvalid(C.INVALID_SLOT, field, {
        reason: 'from must be before to',
        from: slot.from,
        to: slot.to,
      });
    return { weekday: slot.weekday, from: slot.from, to: slot.to };
  });
  clean.sort((a, b) => a.weekday - b.weekday || minutes(a.from) - minutes(b.from));
  for (let i = 1; i < clean.length; i++) {
    const [before, after] = [clean[i - 1], clean[i]];
    if (before.weekday === after.weekday && minutes(after.from) < minutes(before.to))
      throw offerRefused(C.SLOTS_OVERLAP, 'Two weekly slots overlap', { slots: [before, after] });
  }
  return clean;
}

/** ISO instants, `from` < `to`, ending in the future, at most a year long. */
export function validateException(
  input: AvailabilityException,
  now: string,
): AvailabilityException {
  if (typeof input.exceptionId !== 'string' || input.exceptionId.length === 0)
    throw offerInvalid(C.INVALID_EXCEPTION, 'exceptionId');
  if (input.kind !== 'unavailable' && input.kind !== 'available')
    throw offerInvalid(C.INVALID_EXCEPTION, 'kind', {
      value: input.kind,
      allowed: ['unavailable', 'available'],
    });
  const at = (field: 'from' | 'to'): number => {
    const value = input[field];
    const ms =
      typeof value === 'string' && ISO_INSTANT.test(value) && realDate(value)
        ? Date.parse(value)
        : NaN;
    if (Number.isNaN(ms))
      throw offerInvalid(C.INVALID_EXCEPTION, field, { value, format: 'ISO 8601' });
    return ms;
  };
  const from = at('from');
  const to = at('to');
  if (from >= to)
    throw offerInvalid(C.INVALID_EXCEPTION, 'to', {
      reason: 'from must be before to',
      from: input.from,
      to: input.to,
    });
  if (to <= Date.parse(now))
    throw offerRefused(C.EXCEPTION_IN_PAST, 'The exception ends before now', { to: input.to, now });
  if (to - from > R.maxExceptionDays * DAY_MS)
    throw offerRefused(C.EXCEPTION_TOO_LONG, 'An exception lasts at most a year', {
      maxDays: R.maxExceptionDays,
    });
  return {
    exceptionId: input.exceptionId,
    kind: input.kind,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
  };
}
