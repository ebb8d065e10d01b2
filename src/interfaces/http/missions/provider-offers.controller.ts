import { Body, Controller, Delete, Get, Headers, Param, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  FindProviderByReferenceQuery,
  ProviderByReference,
} from '../../../application/identity/provider-reference.query';
import { ProviderOfferCommandMessage } from '../../../application/missions/provider-offer.messages';
import {
  GetProviderOfferQuery,
  ProviderOfferView,
} from '../../../application/missions/provider-offer.query';
import { Clock } from '../../../application/shared/clock';
import { parseProviderReference } from '../../../domain/identity';
import type { ProviderOfferCommand } from '../../../domain/missions/offers';
import { NotFoundError } from '../../../domain/shared';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { IdParam } from '../problem/id-param';
import { ApiStateChange, commandOptions, newId } from '../shared/http-support';
import {
  AvailabilityExceptionDto,
  ExceptionAddedResponse,
  OFFER_EXAMPLE,
  OfferServiceDto,
  ProviderOfferResponse,
  PublicProviderOfferResponse,
  WeeklyHoursDto,
  ZoneDto,
} from './provider-offer.dto';

const providerNotFound = (reference: string) =>
  new NotFoundError('PROVIDER_NOT_FOUND', 'No open provider account under this reference', {
    providerReference: reference,
  });

/**
 * A provider's offer for local missions (issue 14): the service types with their price, the zone
 * covered and the availability. Each provider changes only their own (`provider-offer-<id>`).
 */
@ApiTags('provider offers')
@Controller()
export class ProviderOffersController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Get('me/provider-offer')
  @Roles('provider')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'My offer',
    description:
      'The service types I offer with their price, my zone, weekly hours and exceptions, and whether I am verified: any provider may declare an offer, but only verified ones are sent requests and take paid missions. Empty (revision `-1`) before the first declaration.',
  })
  @ApiOkResponse({ type: ProviderOfferResponse })
  mine(@CurrentActor() actor: Actor): Promise<ProviderOfferView> {
    return this.offerOf(actor.accountId);
  }

  @Put('me/provider-offer/services/:serviceTypeId')
  @Roles('provider')
  @ApiParam({ name: 'serviceTypeId', example: OFFER_EXAMPLE.serviceTypeId })
  @ApiStateChange({
    summary: 'Offer a service type at a price',
    description:
      'An hourly rate (100 to 100 000 TTC cents per hour, times the estimated duration of a request) or a fixed price per intervention (100 to 1 000 000 cents). Sending it again replaces the price; the same price changes nothing. The type must be active in the catalogue (422 `SERVICE_TYPE_NOT_FOUND` when unknown or retired).',
    refusals: [
      { status: 400, code: 'OFFER_INVALID_PRICING' },
      { status: 400, code: 'OFFER_TOO_MANY_SERVICES' },
      { status: 422, code: 'SERVICE_TYPE_NOT_FOUND' },
    ],
  })
  @ApiOkResponse({ type: ProviderOfferResponse })
  offer(
    @CurrentActor() actor: Actor,
    @IdParam('serviceTypeId') serviceTypeId: string,
    @Body() body: OfferServiceDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    const pricing =
      body.kind === 'hourly'
        ? { kind: 'hourly' as const, hourlyRateCents: body.hourlyRateCents as number }
        : { kind: 'fixed' as const, fixedPriceCents: body.fixedPriceCents as number };
    return this.send(
      actor,
      {
        type: 'OfferService',
        // The handler reads the type's status from its stream.
        data: { providerId: actor.accountId, serviceTypeId, pricing, serviceTypeActive: false },
        meta: actor.meta(this.clock.now(), 'provider'),
      },
      ifMatch,
    );
  }

  @Delete('me/provider-offer/services/:serviceTypeId')
  @Roles('provider')
  @ApiParam({ name: 'serviceTypeId', example: OFFER_EXAMPLE.serviceTypeId })
  @ApiStateChange({
    summary: 'Withdraw a service type from my offer',
    description: 'No new request of this type is sent to me; missions already booked go on.',
    refusals: [{ status: 404, code: 'SERVICE_NOT_OFFERED' }],
  })
  @ApiOkResponse({ type: ProviderOfferResponse })
  withdraw(
    @CurrentActor() actor: Actor,
    @IdParam('serviceTypeId') serviceTypeId: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.send(
      actor,
      {
        type: 'WithdrawService',
        data: { providerId: actor.accountId, serviceTypeId },
        meta: actor.meta(this.clock.now(), 'provider'),
      },
      ifMatch,
    );
  }

  @Put('me/provider-offer/zone')
  @Roles('provider')
  @ApiStateChange({
    summary: 'Set the zone I cover',
    description:
      'A base location and a radius (whole km, 1 to 100). Without `lat` and `lng` the coordinates come from the French postal code (bundled dataset; the city picks the commune when a code serves several); an unknown postal code then answers 422 `POSTAL_CODE_UNKNOWN`.',
    refusals: [
      { status: 400, code: 'OFFER_INVALID_POSTAL_CODE' },
      { status: 400, code: 'OFFER_INVALID_RADIUS' },
      { status: 400, code: 'OFFER_INVALID_COORDINATES' },
      { status: 422, code: 'POSTAL_CODE_UNKNOWN' },
    ],
  })
  @ApiOkResponse({ type: ProviderOfferResponse })
  zone(@CurrentActor() actor: Actor, @Body() body: ZoneDto, @Headers('if-match') ifMatch?: string) {
    return this.send(
      actor,
      {
        type: 'SetZone',
        data: { providerId: actor.accountId, zone: { ...body }, located: null },
        meta: actor.meta(this.clock.now(), 'provider'),
      },
      ifMatch,
    );
  }

  @Put('me/provider-offer/weekly-hours')
  @Roles('provider')
  @ApiStateChange({
    summary: 'Set my weekly hours',
    description:
      'Replaces the whole weekly schedule: slots of an ISO weekday (1 Monday .. 7 Sunday) from "HH:MM" to a later "HH:MM", Europe/Paris local time. Slots of one day may touch (09:00-12:00 and 12:00-14:00) but not overlap (422 `OFFER_SLOTS_OVERLAP`). An empty list: no weekly hours.',
    refusals: [
      { status: 400, code: 'OFFER_INVALID_SLOT' },
      { status: 400, code: 'OFFER_TOO_MANY_SLOTS' },
      { status: 422, code: 'OFFER_SLOTS_OVERLAP' },
    ],
  })
  @ApiOkResponse({ type: ProviderOfferResponse })
  weeklyHours(
    @CurrentActor() actor: Actor,
    @Body() body: WeeklyHoursDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.send(
      actor,
      {
        type: 'SetWeeklyHours',
        data: {
          providerId: actor.accountId,
          slots: body.slots.map(({ weekday, from, to }) => ({ weekday, from, to })),
        },
        meta: actor.meta(this.clock.now(), 'provider'),
      },
      ifMatch,
    );
  }

  @Post('me/provider-offer/exceptions')
  @Roles('provider')
  @ApiStateChange({
    summary: 'Add an exception to my weekly hours',
    description:
      '`unavailable` (holidays, a day off) or `available` (extra hours), between two ISO 8601 instants; it must end in the future and last at most a year.',
    refusals: [
      { status: 400, code: 'OFFER_INVALID_EXCEPTION' },
      { status: 400, code: 'OFFER_TOO_MANY_EXCEPTIONS' },
      { status: 422, code: 'OFFER_EXCEPTION_IN_PAST' },
      { status: 422, code: 'OFFER_EXCEPTION_TOO_LONG' },
    ],
    ifMatch: false,
  })
  @ApiResponse({
    status: 201,
    type: ExceptionAddedResponse,
    description: 'The offer with the new exception.',
  })
  async addException(
    @CurrentActor() actor: Actor,
    @Body() body: AvailabilityExceptionDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<ExceptionAddedResponse> {
    const exceptionId = newId('provider-offer-exception', actor, key);
    const offer = await this.send(actor, {
      type: 'AddAvailabilityException',
      data: {
        providerId: actor.accountId,
        exceptionId,
        kind: body.kind,
        from: body.from,
        to: body.to,
      },
      meta: actor.meta(this.clock.now(), 'provider'),
    });
    return { ...offer, exceptionId };
  }

  @Delete('me/provider-offer/exceptions/:exceptionId')
  @Roles('provider')
  @ApiParam({ name: 'exceptionId', example: OFFER_EXAMPLE.exceptionId })
  @ApiStateChange({
    summary: 'Remove an exception',
    description: 'The weekly hours apply again over its period.',
    refusals: [{ status: 404, code: 'OFFER_EXCEPTION_NOT_FOUND' }],
  })
  @ApiOkResponse({ type: ProviderOfferResponse })
  removeException(
    @CurrentActor() actor: Actor,
    @IdParam('exceptionId') exceptionId: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.send(
      actor,
      {
        type: 'RemoveAvailabilityException',
        data: { providerId: actor.accountId, exceptionId },
        meta: actor.meta(this.clock.now(), 'provider'),
      },
      ifMatch,
    );
  }

  @Get('providers/:reference/offer')
  @ApiBearerAuth()
  @ApiParam({
    name: 'reference',
    description:
      "The provider's public reference, case-insensitive; anything else is answered 400 `INVALID_PROVIDER_REFERENCE`.",
    example: 'PR-7K3Q9',
  })
  @ApiOperation({
    summary: "A provider's offer, found by reference",
    description:
      'Seed 002 "trouver un intervenant grâce à sa référence": the service types the provider offers (active ones) with their price, the area covered (postal code, city and radius; the exact base location stays private), the weekly hours and the exceptions not yet over, and whether the provider is verified (only verified providers take paid missions).',
  })
  @ApiOkResponse({ type: PublicProviderOfferResponse })
  @ApiResponse({ status: 400, description: '`INVALID_PROVIDER_REFERENCE`' })
  @ApiResponse({
    status: 404,
    description: '`PROVIDER_NOT_FOUND`: no open provider account under this reference.',
  })
  async byReference(@Param('reference') reference: string): Promise<PublicProviderOfferResponse> {
    const normalised = parseProviderReference(reference);
    const provider: ProviderByReference | null = await this.queryBus.execute(
      new FindProviderByReferenceQuery(normalised),
    );
    if (!provider) throw providerNotFound(normalised);
    const offer = await this.offerOf(provider.providerId);
    const now = this.clock.now().toISOString();
    return {
      providerId: offer.providerId,
      providerReference: normalised,
      verified: offer.verified,
      services: offer.services.filter((s) => s.serviceTypeStatus === 'active'),
      zone: offer.zone
        ? {
            postalCode: offer.zone.postalCode,
            city: offer.zone.city,
            radiusKm: offer.zone.radiusKm,
          }
        : null,
      weeklyHours: offer.weeklyHours,
      exceptions: offer.exceptions.filter((e) => e.to > now),
    };
  }

  private offerOf(providerId: string): Promise<ProviderOfferView> {
    return this.queryBus.execute(
      new GetProviderOfferQuery(providerId, this.clock.now().toISOString()),
    );
  }

  private async send(
    actor: Actor,
    command: ProviderOfferCommand,
    ifMatch?: string,
  ): Promise<ProviderOfferView> {
    await this.commandBus.execute(
      new ProviderOfferCommandMessage(actor.accountId, command, actor.causation, {
        ...commandOptions(ifMatch),
      }),
    );
    return this.offerOf(actor.accountId);
  }
}
