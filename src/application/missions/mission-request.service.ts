import { Inject, Injectable, Optional } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  missionDecider,
  MissionCandidate,
  MissionEvent,
  MissionPlace,
  MissionState,
  MissionTerms,
} from '../../domain/missions';
import { MissionErrorCode, ruleBroken } from '../../domain/missions/mission.errors';
import { checkedTerms, ensurePending, requireClient } from '../../domain/missions/mission.guards';
import { HOUR_PACK_ESCROW_PREFIX } from '../plans/hour-pack-escrow.contract';
import { CommandMeta } from '../../domain/shared';
import { FindProviderByReferenceQuery } from '../identity/provider-reference.query';
import { CausationContext, HandleResult, loadAggregate } from '../shared/command-handling';
import { deterministicId } from '../shared/deterministic-id';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { HOUR_PACK_AVAILABILITY, HourPackAvailability } from '../plans/hour-packs.port';
import { GEOCODER, Geocoder } from './geocoder.port';
import { CandidateQuery, MISSION_CANDIDATES, MissionCandidates } from './mission-candidates.port';
import { existingMission } from './mission-party';
import { MISSION_PAYMENTS, MissionPayments } from './mission-payments.port';
import {
  hourPackRefused,
  noAvailableProvider,
  paymentSourceRequired,
  postalCodeUnknown,
  providerDoesNotOfferService,
  providerReferenceUnknown,
  serviceTypeNotFound,
} from './mission-request.errors';
import { missionSchedule } from './mission-schedule';
import { MISSION_SETTINGS, MissionSettings } from './mission-settings';
import { MissionCommandMessage, missionStream } from './mission.messages';

/** The place as the client gives it: coordinates are derived from the postal code when absent. */
export interface PlaceInput {
  address: string;
  postalCode: string;
  city?: string;
  lat?: number;
  lng?: number;
}

export interface PublishMissionInput {
  missionId: string;
  clientId: string;
  serviceTypeId: string;
  place: PlaceInput;
  startsAt: string;
  durationMinutes: number;
  details?: string;
  /** Seed 002 "trouver un intervenant grâce à sa référence": the request goes to that provider only. */
  providerReference?: string;
  /** A card token from the front end; exactly one of it and `hourPackId`. */
  paymentMethod?: string;
  /** Paid from the client's hour pack (docs/plans-hour-packs.md): no card is authorised. */
  hourPackId?: string;
}

/** Before any confirmation: what the client changes (the rest stays as published). */
export interface ChangeMissionInput {
  missionId: string;
  place?: PlaceInput;
  startsAt?: string;
  durationMinutes?: number;
  details?: string;
}

export type MissionResult = HandleResult<MissionState, MissionEvent>;

/**
 * Publishing and changing a request (seed 000 "Comment demander un service ?"): everything the
 * pure decider cannot do (the catalogue, the geocoder, the dispatch index, the card) happens here
 * first, in that order, and any refusal leaves nothing written.
 */
@Injectable()
export class MissionRequests {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MISSION_CANDIDATES) private readonly candidates: MissionCandidates,
    @Inject(GEOCODER) private readonly geocoder: Geocoder,
    @Inject(MISSION_PAYMENTS) private readonly payments: MissionPayments,
    @Inject(MISSION_SETTINGS) private readonly settings: MissionSettings,
    @Optional()
    @Inject(HOUR_PACK_AVAILABILITY)
    private readonly hourPacks?: HourPackAvailability,
  ) {}

  async publish(
    input: PublishMissionInput,
    meta: CommandMeta,
    causation: CausationContext,
  ): Promise<MissionResult> {
    const { missionId, clientId, serviceTypeId } = input;
    const fromPack = hasText(input.hourPackId);
    if (fromPack === hasText(input.paymentMethod)) throw paymentSourceRequired();
    const terms = checkedTerms(
      {
        startsAt: input.startsAt,
        durationMinutes: input.durationMinutes,
        details: input.details ?? '',
      },
      meta.now,
    );
    const serviceTypeLabel = await this.candidates.serviceTypeLabel(serviceTypeId);
    if (serviceTypeLabel === null) throw serviceTypeNotFound(serviceTypeId);
    const place = await this.placeOf(input.place);
    const query = this.queryFor(serviceTypeId, place, terms);
    const direct = input.providerReference !== undefined && input.providerReference !== '';
    const candidates = direct
      ? [await this.directCandidate(input.providerReference!, clientId, query)]
      : await this.dispatched(clientId, query);
    const schedule = missionSchedule(terms, meta.now, this.settings);
    // A pack mission's escrow is funded by the platform from the pack (docs/plans-hour-packs.md).
    const escrowId = fromPack
      ? `${HOUR_PACK_ESCROW_PREFIX}${deterministicId('mission-escrow', missionId)}`
      : deterministicId('mission-escrow', missionId);
    if (fromPack) await this.checkPack(input.hourPackId!, clientId, serviceTypeId, terms);
    const { paymentMethodRef } = fromPack
      ? { paymentMethodRef: '' }
      : await this.payments.secure({
          missionId,
          escrowId,
          clientId,
          amountCents: reservation(candidates),
          paymentMethod: input.paymentMethod!,
          plan: schedule.paymentPlan,
          idempotencyKey: deterministicId('mission-secure', missionId),
        });
    return this.commandBus.execute(
      new MissionCommandMessage(
        missionId,
        {
          type: 'RequestMission',
          data: {
            missionId,
            escrowId,
            clientId,
            serviceTypeId,
            serviceTypeLabel,
            place,
            targeting: direct ? 'direct' : 'dispatch',
            ...terms,
            candidates,
            commissionRateBp: this.settings.commissionBp,
            paymentPlan: fromPack ? 'hour_pack' : schedule.paymentPlan,
            authoriseAt: fromPack ? meta.now : schedule.authoriseAt,
            paymentMethodRef,
            ...(fromPack ? { hourPackId: input.hourPackId! } : {}),
            respondBy: schedule.respondBy,
            autoValidateAt: schedule.autoValidateAt,
          },
          meta,
        },
        causation,
      ),
    );
  }

  /**
   * Until a provider confirms, the client changes the request freely: it is sent again to the
   * providers found for the new terms (a direct request to the same provider); the money
   * process authorises again when the reservation grows (docs/missions-money.md).
   */
  async change(
    input: ChangeMissionInput,
    meta: CommandMeta,
    causation: CausationContext,
  ): Promise<MissionResult> {
    const { state } = await loadAggregate(
      this.store,
      missionStream(input.missionId),
      missionDecider,
    );
    const mission = existingMission(state, input.missionId, meta.actorId);
    requireClient(mission, meta);
    ensurePending(mission);
    const terms = checkedTerms(
      {
        startsAt: input.startsAt ?? mission.terms.startsAt,
        durationMinutes: input.durationMinutes ?? mission.terms.durationMinutes,
        details: input.details ?? mission.terms.details,
      },
      meta.now,
    );
    const place = input.place ? await this.placeOf(input.place) : mission.place;
    const query = {
      ...this.queryFor(mission.serviceTypeId, place, terms),
      ignoreMissionId: mission.missionId,
    };
    let candidates: MissionCandidate[];
    if (mission.targeting === 'direct') {
      const providerId = mission.candidates[0].providerId;
      const candidate = await this.candidates.direct(providerId, query);
      if (candidate === null) throw providerDoesNotOfferService(providerId, mission.serviceTypeId);
      candidates = [{ ...candidate, rank: 1 }];
    } else {
      candidates = await this.dispatched(mission.clientId, query);
    }
    // The money process follows the new reservation (a larger authorisation, or one at the new `authoriseAt`).
    const schedule = missionSchedule(terms, meta.now, this.settings);
    // A mission paid from a pack: the pack must still cover the new terms.
    const hourPackId = mission.payment.hourPackId;
    if (mission.payment.plan === 'hour_pack' && hourPackId)
      await this.checkPack(hourPackId, mission.clientId, mission.serviceTypeId, terms);
    return this.commandBus.execute(
      new MissionCommandMessage(
        mission.missionId,
        {
          type: 'ChangeMissionRequest',
          data: {
            missionId: mission.missionId,
            ...terms,
            place,
            candidates,
            paymentPlan: schedule.paymentPlan,
            authoriseAt: schedule.authoriseAt,
            respondBy: schedule.respondBy,
            autoValidateAt: schedule.autoValidateAt,
          },
          meta,
        },
        causation,
      ),
    );
  }

  /** The pack must be the client's, of the service type, valid at the start, with the duration available. */
  private async checkPack(
    packId: string,
    clientId: string,
    serviceTypeId: string,
    terms: MissionTerms,
  ): Promise<void> {
    if (!this.hourPacks) throw hourPackRefused('HOUR_PACK_NOT_FOUND', packId);
    const answer = await this.hourPacks.check({
      packId,
      clientId,
      serviceTypeId,
      minutes: terms.durationMinutes,
      startsAt: terms.startsAt,
    });
    if (!answer.ok) throw hourPackRefused(answer.code, packId);
  }

  private queryFor(
    serviceTypeId: string,
    place: MissionPlace,
    terms: MissionTerms,
  ): CandidateQuery {
    return {
      serviceTypeId,
      place: { lat: place.lat, lng: place.lng },
      startsAt: terms.startsAt,
      durationMinutes: terms.durationMinutes,
      limit: this.settings.dispatchLimit,
    };
  }

  /** Given coordinates are kept; the commune (and the coordinates when absent) come from the postal code. */
  private async placeOf(input: PlaceInput): Promise<MissionPlace> {
    const postalCode = input.postalCode.trim();
    const city = input.city?.trim() || undefined;
    const hasCoordinates = typeof input.lat === 'number' && typeof input.lng === 'number';
    if (hasCoordinates && city !== undefined)
      return { address: input.address, postalCode, city, lat: input.lat!, lng: input.lng! };
    const located = await this.geocoder.locate(postalCode, city);
    if (located === null) throw postalCodeUnknown(postalCode, city);
    return {
      address: input.address,
      postalCode: located.postalCode,
      city: city ?? located.city,
      lat: hasCoordinates ? input.lat! : located.lat,
      lng: hasCoordinates ? input.lng! : located.lng,
    };
  }

  private async directCandidate(
    reference: string,
    clientId: string,
    query: CandidateQuery,
  ): Promise<MissionCandidate> {
    const provider = await this.queryBus.execute(new FindProviderByReferenceQuery(reference));
    if (provider === null) throw providerReferenceUnknown(reference);
    if (provider.providerId === clientId)
      throw ruleBroken(MissionErrorCode.CLIENT_IS_CANDIDATE, 'A client cannot book themselves', {
        field: 'providerReference',
      });
    const candidate = await this.candidates.direct(provider.providerId, query);
    if (candidate === null)
      throw providerDoesNotOfferService(provider.providerReference, query.serviceTypeId);
    return { ...candidate, rank: 1 };
  }

  /** The ranked available providers, never the client themselves (a client may also be a provider). */
  private async dispatched(clientId: string, query: CandidateQuery): Promise<MissionCandidate[]> {
    const found = (await this.candidates.available(query)).filter((c) => c.providerId !== clientId);
    if (found.length === 0) throw noAvailableProvider(query.serviceTypeId);
    return found
      .slice(0, query.limit)
      .map((candidate, index) => ({ ...candidate, rank: index + 1 }));
  }
}

const hasText = (value: string | undefined): boolean =>
  typeof value === 'string' && value.trim() !== '';

/** Whoever accepts, the reservation covers them: the highest candidate price. */
const reservation = (candidates: MissionCandidate[]): number =>
  Math.max(...candidates.map((c) => c.priceCents));
