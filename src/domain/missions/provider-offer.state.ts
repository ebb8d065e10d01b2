import type {
  AvailabilityException,
  OfferPricing,
  ProviderOfferEvent,
  ProviderZone,
  WeeklySlot,
} from './provider-offer.events';

export interface OfferedService {
  serviceTypeId: string;
  pricing: OfferPricing;
  offeredAt: string;
}

/** A provider's offer once they declared anything; withdrawing every service keeps it declared. */
export interface DeclaredOffer {
  status: 'declared';
  providerId: string;
  /** By service type id. */
  services: Readonly<Record<string, OfferedService>>;
  zone: ProviderZone | null;
  weeklyHours: readonly WeeklySlot[];
  /** Sorted by `from`. */
  exceptions: readonly AvailabilityException[];
}

export type ProviderOfferState = { status: 'none' } | DeclaredOffer;

export const initialState = (): ProviderOfferState => ({ status: 'none' });

const declared = (state: ProviderOfferState, providerId: string): DeclaredOffer =>
  state.status === 'declared'
    ? state
    : { status: 'declared', providerId, services: {}, zone: null, weeklyHours: [], exceptions: [] };

export function evolve(state: ProviderOfferState, event: ProviderOfferEvent): ProviderOfferState {
  switch (event.type) {
    case 'ProviderServiceOffered': {
      const offer = declared(state, event.data.providerId);
      const { serviceTypeId, pricing, offeredAt } = event.data;
      return {
        ...offer,
        services: { ...offer.services, [serviceTypeId]: { serviceTypeId, pricing, offeredAt } },
      };
    }
    case 'ProviderServiceWithdrawn': {
      const offer = declared(state, event.data.providerId);
      const { [event.data.serviceTypeId]: _gone, ...services } = offer.services;
      return { ...offer, services };
    }
    case 'ProviderZoneSet':
      return { ...declared(state, event.data.providerId), zone: event.data.zone };
    case 'ProviderWeeklyHoursSet':
      return { ...declared(state, event.data.providerId), weeklyHours: event.data.slots };
    case 'ProviderAvailabilityExceptionAdded': {
      const offer = declared(state, event.data.providerId);
      const { exceptionId, kind, from, to } = event.data;
      if (offer.exceptions.some((e) => e.exceptionId === exceptionId)) return offer;
      const exceptions = [...offer.exceptions, { exceptionId, kind, from, to }].sort((a, b) =>
        a.from < b.from ? -1 : a.from > b.from ? 1 : 0,
      );
      return { ...offer, exceptions };
    }
    case 'ProviderAvailabilityExceptionRemoved': {
      const offer = declared(state, event.data.providerId);
      return {
        ...offer,
        exceptions: offer.exceptions.filter((e) => e.exceptionId !== event.data.exceptionId),
      };
    }
    default:
      event satisfies never;
      return state;
  }
}
