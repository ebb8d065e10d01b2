import { assertNever } from '../shared';
import type {
  AddAvailabilityException,
  OfferService,
  ProviderOfferCommand,
  RemoveAvailabilityException,
  SetWeeklyHours,
  SetZone,
  WithdrawService,
} from './provider-offer.commands';
import type { OfferPricing, ProviderOfferEvent, ProviderZone } from './provider-offer.events';
import {
  exceptionExists,
  exceptionNotFound,
  offerInvalid,
  offerServiceTypeNotFound,
  ProviderOfferErrorCode as C,
  serviceNotOffered,
} from './provider-offer.errors';
import {
  ownOffer,
  PROVIDER_OFFER_RULES,
  validateException,
  validatePricing,
  validateWeeklySlots,
  validateZone,
} from './provider-offer.guards';
import type { ProviderOfferState } from './provider-offer.state';

const samePricing = (a: OfferPricing, b: OfferPricing): boolean =>
  a.kind === 'hourly'
    ? b.kind === 'hourly' && a.hourlyRateCents === b.hourlyRateCents
    : b.kind === 'fixed' && a.fixedPriceCents === b.fixedPriceCents;

const sameZone = (a: ProviderZone | null, b: ProviderZone): boolean =>
  a !== null &&
  a.postalCode === b.postalCode &&
  a.city === b.city &&
  a.lat === b.lat &&
  a.lng === b.lng &&
  a.radiusKm === b.radiusKm;

function offerService(
  { data, meta }: OfferService,
  state: ProviderOfferState,
): ProviderOfferEvent[] {
  ownOffer(meta, data.providerId);
  const pricing = validatePricing(data.pricing);
  const current = state.status === 'declared' ? state.services[data.serviceTypeId] : undefined;
  // A retired type keeps the offers already made, but takes no new price.
  if (data.serviceTypeActive !== true) throw offerServiceTypeNotFound(data.serviceTypeId);
  // The same price again records nothing, so a retried PUT is harmless.
  if (current && samePricing(current.pricing, pricing)) return [];
  const count = state.status === 'declared' ? Object.keys(state.services).length : 0;
  if (!current && count >= PROVIDER_OFFER_RULES.maxServices)
    throw offerInvalid(C.TOO_MANY_SERVICES, 'serviceTypeId', {
      max: PROVIDER_OFFER_RULES.maxServices,
    });
  return [
    {
      type: 'ProviderServiceOffered',
      data: {
        providerId: data.providerId,
        serviceTypeId: data.serviceTypeId,
        pricing,
        offeredAt: meta.now,
      },
    },
  ];
}

function withdrawService(
  { data, meta }: WithdrawService,
  state: ProviderOfferState,
): ProviderOfferEvent[] {
  ownOffer(meta, data.providerId);
  if (state.status !== 'declared' || !state.services[data.serviceTypeId])
    throw serviceNotOffered(data.serviceTypeId);
  return [
    {
      type: 'ProviderServiceWithdrawn',
      data: {
        providerId: data.providerId,
        serviceTypeId: data.serviceTypeId,
        withdrawnAt: meta.now,
      },
    },
  ];
}

function setZone({ data, meta }: SetZone, state: ProviderOfferState): ProviderOfferEvent[] {
  ownOffer(meta, data.providerId);
  const zone = validateZone(data.zone, data.located);
  if (state.status === 'declared' && sameZone(state.zone, zone)) return [];
  return [
    { type: 'ProviderZoneSet', data: { providerId: data.providerId, zone, setAt: meta.now } },
  ];
}

function setWeeklyHours(
  { data, meta }: SetWeeklyHours,
  state: ProviderOfferState,
): ProviderOfferEvent[] {
  ownOffer(meta, data.providerId);
  const slots = validateWeeklySlots(data.slots);
  const current = state.status === 'declared' ? state.weeklyHours : null;
  if (
    current &&
    current.length === slots.length &&
    current.every(
      (s, i) => s.weekday === slots[i].weekday && s.from === slots[i].from && s.to === slots[i].to,
    )
  )
    return [];
  return [
    {
      type: 'ProviderWeeklyHoursSet',
      data: { providerId: data.providerId, slots, setAt: meta.now },
    },
  ];
}

function addException(
  { data, meta }: AddAvailabilityException,
  state: ProviderOfferState,
): ProviderOfferEvent[] {
  ownOffer(meta, data.providerId);
  const { providerId, ...input } = data;
  const exception = validateException(input, meta.now);
  const existing =
    state.status === 'declared'
      ? state.exceptions.find((e) => e.exceptionId === exception.exceptionId)
      : undefined;
  if (existing) {
    // The same exception sent again is already recorded; another one under its id is a clash.
    if (
      existing.kind === exception.kind &&
      existing.from === exception.from &&
      existing.to === exception.to
    )
      return [];
    throw exceptionExists(exception.exceptionId);
  }
  const count = state.status === 'declared' ? state.exceptions.length : 0;
  if (count >= PROVIDER_OFFER_RULES.maxExceptions)
    throw offerInvalid(C.TOO_MANY_EXCEPTIONS, 'exceptions', {
      max: PROVIDER_OFFER_RULES.maxExceptions,
    });
  return [
    {
      type: 'ProviderAvailabilityExceptionAdded',
      data: { ...exception, providerId, addedAt: meta.now },
    },
  ];
}

function removeException(
  { data, meta }: RemoveAvailabilityException,
  state: ProviderOfferState,
): ProviderOfferEvent[] {
  ownOffer(meta, data.providerId);
  if (
    state.status !== 'declared' ||
    !state.exceptions.some((e) => e.exceptionId === data.exceptionId)
  )
    throw exceptionNotFound(data.exceptionId);
  return [
    {
      type: 'ProviderAvailabilityExceptionRemoved',
      data: { providerId: data.providerId, exceptionId: data.exceptionId, removedAt: meta.now },
    },
  ];
}

export function decide(
  command: ProviderOfferCommand,
  state: ProviderOfferState,
): ProviderOfferEvent[] {
  switch (command.type) {
    case 'OfferService':
      return offerService(command, state);
    case 'WithdrawService':
      return withdrawService(command, state);
    case 'SetZone':
      return setZone(command, state);
    case 'SetWeeklyHours':
      return setWeeklyHours(command, state);
    case 'AddAvailabilityException':
      return addException(command, state);
    case 'RemoveAvailabilityException':
      return removeException(command, state);
    default:
      return assertNever(command);
  }
}
