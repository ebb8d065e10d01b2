import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Pool } from 'pg';
import { Clock } from '../../../application/shared/clock';
import { MissionErrorCode } from '../../../domain/missions';
import { NotFoundError } from '../../../domain/shared';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import { renderInterventionSheetPdf } from '../../../projections/missions/intervention-sheet-pdf';
import {
  clientHistory,
  clientPending,
  clientUpcoming,
  interventionSheet,
  missionMessages,
  missionView,
  MissionViewer,
  providerAgenda,
  providerHistory,
  providerRequests,
  staffMissions,
} from '../../../projections/missions/missions.queries';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { IdParam } from '../problem/id-param';
import {
  MissionHistoryResponse,
  MissionListResponse,
  MissionMessageListResponse,
  MissionPageQuery,
  MissionViewResponse,
  ProviderRequestListResponse,
  StaffMissionsQuery,
} from './mission-views.dto';

const MISSION_ID = { name: 'missionId', example: '6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e' };
const NOT_FOUND_DOC = {
  status: 404,
  description:
    '`MISSION_NOT_FOUND`: no such mission, or one the caller is not a party of (its client, its confirmed provider, a candidate who has not refused while it is pending) nor staff.',
};
const missionNotFound = (missionId: string) =>
  new NotFoundError(MissionErrorCode.NOT_FOUND, 'Mission not found', { missionId });

const viewerOf = (actor: Actor): MissionViewer => ({
  accountId: actor.accountId,
  staff: actor.isStaff,
});
const pageOf = (q: MissionPageQuery) => ({ limit: q.limit ?? 50, offset: q.offset ?? 0 });

/**
 * The missions read side (seed 002): one mission, its conversation and its intervention sheet for
 * its parties; the client area ("Vos demandes", "Historique"), the provider's mirror and the staff list.
 */
@ApiTags('missions')
@ApiBearerAuth()
@Controller()
export class MissionReadsController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly clock: Clock,
  ) {}

  @Get('missions/:missionId')
  @Roles('client', 'provider', 'admin', 'mediator', 'finance')
  @ApiParam(MISSION_ID)
  @ApiOperation({
    summary: 'Read a mission',
    description:
      'Status with its French label, service, date and time, place, duration, details, the provider’s name, price, reservation, payment state (authorised or not, `authoriseAt`), pending change proposal, appreciation and recommendation, cancellation. Its client, its confirmed provider, a candidate who has not refused while it is pending, and staff (admin, mediator, finance); anyone else gets 404. Read from the missions read model, so a write just made may take a moment to show.',
  })
  @ApiOkResponse({ type: MissionViewResponse })
  @ApiResponse(NOT_FOUND_DOC)
  async get(@CurrentActor() actor: Actor, @IdParam('missionId') missionId: string) {
    const view = await missionView(this.pool, missionId, viewerOf(actor));
    if (!view) throw missionNotFound(missionId);
    return view;
  }

  @Get('missions/:missionId/messages')
  @Roles('client', 'provider', 'admin', 'mediator', 'finance')
  @ApiParam(MISSION_ID)
  @ApiOperation({
    summary: 'Read the mission’s conversation',
    description:
      'Messages between the client and the provider (and candidates while the request is pending), oldest first, paginated. The same readers as the mission.',
  })
  @ApiOkResponse({ type: MissionMessageListResponse })
  @ApiResponse(NOT_FOUND_DOC)
  async messages(
    @CurrentActor() actor: Actor,
    @IdParam('missionId') missionId: string,
    @Query() query: MissionPageQuery,
  ) {
    const list = await missionMessages(this.pool, missionId, viewerOf(actor), pageOf(query));
    if (!list) throw missionNotFound(missionId);
    return list;
  }

  @Get('missions/:missionId/intervention-sheet')
  @Roles('client', 'provider', 'admin', 'mediator', 'finance')
  @ApiParam(MISSION_ID)
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: 'Print the intervention sheet',
    description:
      'Seed 002 "La fiche d’intervention", as an A4 PDF: the employer part (the client, who employs the provider for a home service, and the provider; date and details of the intervention; signature boxes) and, below a dashed cut line ("✂ Découper ici"), the provider’s detachable coupon (request number, date, service type, signature boxes). The same readers as the mission.',
  })
  @ApiResponse({
    status: 200,
    description: 'The PDF, inline, named after the request number.',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiResponse(NOT_FOUND_DOC)
  async sheet(
    @CurrentActor() actor: Actor,
    @IdParam('missionId') missionId: string,
  ): Promise<StreamableFile> {
    const sheet = await interventionSheet(this.pool, missionId, viewerOf(actor), this.clock.now());
    if (!sheet) throw missionNotFound(missionId);
    const bytes = await renderInterventionSheetPdf(sheet);
    return new StreamableFile(bytes, {
      type: 'application/pdf',
      disposition: `inline; filename="fiche-intervention-${sheet.requestNumber}.pdf"`,
      length: bytes.length,
    });
  }

  @Get('me/missions/pending')
  @Roles('client')
  @ApiOperation({
    summary: 'Requests awaiting an answer',
    description:
      'Seed 002 "Demandes en attente de réponse": my requests no provider has accepted yet, soonest first; each with the service, date and time, the provider’s name (for a request addressed to one provider), the price and the intervention sheet.',
  })
  @ApiOkResponse({ type: MissionListResponse })
  pending(@CurrentActor() actor: Actor, @Query() query: MissionPageQuery) {
    return clientPending(this.pool, actor.accountId, pageOf(query));
  }

  @Get('me/missions/upcoming')
  @Roles('client')
  @ApiOperation({
    summary: 'Upcoming appointments',
    description:
      'Seed 002 "Vos prochains rendez-vous": my requests a provider accepted, soonest first, until the intervention reaches the history 24 h after it ended.',
  })
  @ApiOkResponse({ type: MissionListResponse })
  upcoming(@CurrentActor() actor: Actor, @Query() query: MissionPageQuery) {
    return clientUpcoming(this.pool, actor.accountId, { ...pageOf(query), now: this.clock.now() });
  }

  @Get('me/missions/history')
  @Roles('client')
  @ApiOperation({
    summary: 'History of interventions',
    description:
      'Seed 002 "Historique": an intervention appears 24 h after it took place (start + duration + 24 h ≤ now), newest first, with a summary of the service, the intervention sheet, and my appreciation and recommendation.',
  })
  @ApiOkResponse({ type: MissionHistoryResponse })
  history(@CurrentActor() actor: Actor, @Query() query: MissionPageQuery) {
    return clientHistory(this.pool, actor.accountId, { ...pageOf(query), now: this.clock.now() });
  }

  @Get('me/provider/missions/requests')
  @Roles('provider')
  @ApiOperation({
    summary: 'Requests to answer',
    description:
      'Pending requests sent to me that I have not refused, soonest first, each at the price my offer implies.',
  })
  @ApiOkResponse({ type: ProviderRequestListResponse })
  requests(@CurrentActor() actor: Actor, @Query() query: MissionPageQuery) {
    return providerRequests(this.pool, actor.accountId, pageOf(query));
  }

  @Get('me/provider/missions/agenda')
  @Roles('provider')
  @ApiOperation({
    summary: 'My agenda',
    description:
      'The missions I confirmed, soonest first, until the intervention reaches the history 24 h after it ended.',
  })
  @ApiOkResponse({ type: MissionListResponse })
  agenda(@CurrentActor() actor: Actor, @Query() query: MissionPageQuery) {
    return providerAgenda(this.pool, actor.accountId, { ...pageOf(query), now: this.clock.now() });
  }

  @Get('me/provider/missions/history')
  @Roles('provider')
  @ApiOperation({
    summary: 'My past interventions',
    description:
      'The provider’s mirror of the client’s history: interventions that ended at least 24 h ago, newest first, with the client’s appreciation and recommendation.',
  })
  @ApiOkResponse({ type: MissionHistoryResponse })
  providerHistory(@CurrentActor() actor: Actor, @Query() query: MissionPageQuery) {
    return providerHistory(this.pool, actor.accountId, { ...pageOf(query), now: this.clock.now() });
  }

  @Get('admin/missions')
  @Roles('admin', 'mediator', 'finance')
  @ApiOperation({
    summary: 'Every mission (staff)',
    description:
      'All missions, latest intervention first; filter by status and by the intervention’s start (`from` inclusive, `to` exclusive).',
  })
  @ApiOkResponse({ type: MissionListResponse })
  staff(@Query() query: StaffMissionsQuery) {
    return staffMissions(this.pool, {
      ...pageOf(query),
      status: query.status,
      from: query.from,
      to: query.to,
    });
  }
}
