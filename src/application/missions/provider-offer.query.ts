import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import {
  providerOfferDecider,
  serviceTypeDecider,
  type AvailabilityException,
  type OfferPricing,
  type ProviderZone,
  type WeeklySlot,
} from '../../domain/missions/offers';
import { GetProviderVerificationQuery } from '../identity/provider-verification.query';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { providerOfferStream } from './provider-offer.messages';
import { serviceTypeStream } from './service-type.messages';

export interface OfferedServiceView {
  serviceTypeId: string;
  /** The type's current label (null if the type vanished from the catalogue). */
  label: string | null;
  /** A retired type's offer stays on record but takes no new mission. */
  serviceTypeStatus: 'active' | 'retired' | 'unknown';
  pricing: OfferPricing;
  offeredAt: string;
}

/** A provider's offer folded from its stream. */
export interface ProviderOfferView {
  providerId: string;
  /** From the identity context: only verified providers are dispatched and take paid missions. */
  verified: boolean;
  services: OfferedServiceView[];
  zone: ProviderZone | null;
  weeklyHours: WeeklySlot[];
  exceptions: AvailabilityException[];
  /** The offer stream's revision (`-1` before the first declaration), usable as `If-Match`. */
  revision: string;
}

/** Published contract: a provider's offer as of now (an empty one when nothing was declared). */
export class GetProviderOfferQuery extends Query<ProviderOfferView> {
  constructor(
    readonly providerId: string,
    /** ISO instant, for the verification (a document past its date counts as expired). */
    readonly now: string,
  ) {
    super();
  }
}

@QueryHandler(GetProviderOfferQuery)
export class GetProviderOfferHandler implements IQueryHandler<
  GetProviderOfferQuery,
  ProviderOfferView
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly queryBus: QueryBus,
  ) {}

  async execute({ providerId, now }: GetProviderOfferQuery): Promise<ProviderOfferView> {
    const [{ state, revision }, verification] = await Promise.all([
      loadAggregate(this.store, providerOfferStream(providerId), providerOfferDecider),
      this.queryBus.execute(new GetProviderVerificationQuery(providerId, now)),
    ]);
    const offered = state.status === 'declared' ? Object.values(state.services) : [];
    const services = await Promise.all(
      offered.map(async (service): Promise<OfferedServiceView> => {
        const type = await loadAggregate(
          this.store,
          serviceTypeStream(service.serviceTypeId),
          serviceTypeDecider,
        );
        return {
          serviceTypeId: service.serviceTypeId,
          label: type.state.status === 'none' ? null : type.state.details.label,
          serviceTypeStatus: type.state.status === 'none' ? 'unknown' : type.state.status,
          pricing: service.pricing,
          offeredAt: service.offeredAt,
        };
      }),
    );
    services.sort((a, b) => (a.label ?? '').localeCompare(b.label ?? '', 'fr'));
    return {
      providerId,
      verified: verification.verified,
      services,
      zone: state.status === 'declared' ? state.zone : null,
      weeklyHours: state.status === 'declared' ? [...state.weeklyHours] : [],
      exceptions: state.status === 'declared' ? [...state.exceptions] : [],
      revision: revision === null ? '-1' : revision.toString(),
    };
  }
}
