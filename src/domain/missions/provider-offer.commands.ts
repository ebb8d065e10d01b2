import type { Command } from '../shared';
import type { AvailabilityException, OfferPricing, WeeklySlot } from './provider-offer.events';

/**
 * `serviceTypeActive` is read by the application from the type's stream: false when the type
 * does not exist or is retired.
 */
export type OfferService = Command<
  'OfferService',
  { providerId: string; serviceTypeId: string; pricing: OfferPricing; serviceTypeActive: boolean }
>;

export type WithdrawService = Command<
  'WithdrawService',
  { providerId: string; serviceTypeId: string }
>;

/** What the application found for the postal code (the `GEOCODER` port), or null when unknown. */
export interface LocatedPostalCode {
  city: string;
  lat: number;
  lng: number;
}

/** Coordinates and city are optional: when absent they come from `located`. */
export interface ZoneInput {
  postalCode: string;
  city?: string;
  lat?: number;
  lng?: number;
  radiusKm: number;
}

export type SetZone = Command<
  'SetZone',
  { providerId: string; zone: ZoneInput; located: LocatedPostalCode | null }
>;

/** Replaces the whole weekly schedule (an empty list: no weekly hours). */
export type SetWeeklyHours = Command<'SetWeeklyHours', { providerId: string; slots: WeeklySlot[] }>;

export type AddAvailabilityException = Command<
  'AddAvailabilityException',
  AvailabilityException & { providerId: string }
>;

export type RemoveAvailabilityException = Command<
  'RemoveAvailabilityException',
  { providerId: string; exceptionId: string }
>;

export type ProviderOfferCommand =
  | OfferService
  | WithdrawService
  | SetZone
  | SetWeeklyHours
  | AddAvailabilityException
  | RemoveAvailabilityException;
