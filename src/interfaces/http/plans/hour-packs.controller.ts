import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Pool } from 'pg';
import { HourPackPurchases } from '../../../application/plans/hour-pack-purchase.service';
import { hourPackStreamOf } from '../../../application/plans/hour-pack.messages';
import { Clock } from '../../../application/shared/clock';
import { loadAggregate } from '../../../application/shared/command-handling';
import { EVENT_STORE, EventStore } from '../../../application/shared/event-store.port';
import { hourPackDecider, HourPackErrorCode, type HourPackState } from '../../../domain/plans';
import { NotFoundError } from '../../../domain/shared';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import { clientHourPacks, hourPackView } from '../../../projections/hour-packs/hour-packs.queries';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { IdParam } from '../problem/id-param';
import { ApiStateChange, newId } from '../shared/http-support';
import {
  HourPackListQuery,
  HourPackListResponse,
  HourPackResponse,
  PurchaseHourPackDto,
} from './hour-packs.dto';

const NOT_FOUND_DOC = {
  status: 404,
  description: '`HOUR_PACK_NOT_FOUND`: no such pack, or another client’s.',
};
const packNotFound = (packId: string) =>
  new NotFoundError(HourPackErrorCode.NOT_FOUND, 'No such hour pack', { packId });

/**
 * The client's hour packs (seed 000 "packs horaires à tarif réduit", docs/plans-hour-packs.md):
 * buy one, read them, withdraw within the legal period. A mission is paid from a pack with
 * `hourPackId` on `POST /missions`.
 */
@ApiTags('hour packs')
@ApiBearerAuth()
@Controller('me/hour-packs')
export class HourPacksController {
  constructor(
    private readonly purchases: HourPackPurchases,
    private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post()
  @Roles('client')
  @ApiStateChange({
    summary: 'Buy an hour pack ("Pack d’heures à tarif réduit")',
    description:
      'Buys hours of one service type at the reduced rate of an `hour_pack` plan, at the price of its current version. The card is saved and charged at once (keys derived from the purchase, so a retry never charges twice); the pack is valid `validityMonths` calendar months. A declined card writes nothing (422 `PAYMENT_DECLINED`). With an `Idempotency-Key` the pack id derives from it, so a repeat gets the same pack back. The platform invoices the pack (VAT 20 %).',
    refusals: [
      { status: 422, code: 'HOUR_PACK_PLAN_NOT_FOUND' },
      { status: 422, code: 'HOUR_PACK_PLAN_RETIRED' },
      { status: 422, code: 'PAYMENT_DECLINED' },
    ],
    ifMatch: false,
  })
  @ApiResponse({ status: 201, type: HourPackResponse, description: 'The pack bought.' })
  async purchase(
    @CurrentActor() actor: Actor,
    @Body() body: PurchaseHourPackDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<HourPackResponse> {
    const packId = newId('hour-pack', actor, key);
    const result = await this.purchases.purchase(
      { packId, clientId: actor.accountId, planId: body.planId, paymentMethod: body.paymentMethod },
      actor.meta(this.clock.now(), 'client'),
      actor.causation,
    );
    return this.viewOf(result.state, packId);
  }

  @Get()
  @Roles('client')
  @ApiOperation({
    summary: 'List my hour packs',
    description:
      'The caller’s packs, newest first, with minutes bought, reserved, consumed, refunded and available, the expiry and the missions each paid. Read from the `hour_packs` read model, so a purchase just made may take a moment to show (`GET /me/hour-packs/{packId}` is always current).',
  })
  @ApiOkResponse({ type: HourPackListResponse })
  async list(@CurrentActor() actor: Actor, @Query() query: HourPackListQuery) {
    return clientHourPacks(this.pool, actor.accountId, {
      status: query.status,
      limit: query.limit ?? 50,
    });
  }

  @Get(':packId')
  @Roles('client')
  @ApiOperation({
    summary: 'Read one of my hour packs',
    description:
      'Minutes total, reserved, consumed, refunded and available, value consumed and refunded, `expiresAt`, and the missions it paid (reserved, consumed or released). Read from the pack itself, so always current. Another client’s pack is 404.',
  })
  @ApiOkResponse({ type: HourPackResponse })
  @ApiResponse(NOT_FOUND_DOC)
  async get(@CurrentActor() actor: Actor, @IdParam('packId') packId: string) {
    const { state } = await loadAggregate(this.store, hourPackStreamOf(packId), hourPackDecider);
    if (state.status === 'none' || state.clientId !== actor.accountId) throw packNotFound(packId);
    return hourPackView(state);
  }

  @Post(':packId/withdraw')
  @HttpCode(200)
  @Roles('client')
  @ApiStateChange({
    summary: 'Withdraw from an hour pack ("Droit de rétractation")',
    description:
      'Within HOUR_PACK_WITHDRAWAL_DAYS (14) of the purchase, and while no mission ever reserved or used any of its minutes, the whole price is refunded to the card and the pack is closed (`withdrawn`); otherwise 409 `HOUR_PACK_WITHDRAWAL_CLOSED` (unused hours are then refunded at the expiry, docs/plans-hour-packs.md). A repeat answers the withdrawn pack. The platform issues the credit note.',
    refusals: [
      { status: 404, code: HourPackErrorCode.NOT_FOUND },
      {
        status: 409,
        code: HourPackErrorCode.WITHDRAWAL_CLOSED,
        currentStatus: 'active',
      },
    ],
    ifMatch: false,
  })
  @ApiOkResponse({ type: HourPackResponse, description: 'The pack, withdrawn and refunded.' })
  async withdraw(@CurrentActor() actor: Actor, @IdParam('packId') packId: string) {
    const result = await this.purchases.withdraw(
      packId,
      actor.meta(this.clock.now(), 'client'),
      actor.causation,
    );
    return this.viewOf(result.state, packId);
  }

  private viewOf(state: HourPackState, packId: string): HourPackResponse {
    if (state.status === 'none') throw packNotFound(packId);
    return hourPackView(state);
  }
}
