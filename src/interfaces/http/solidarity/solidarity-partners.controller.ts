import { Body, Controller, Delete, Get, Headers, Inject, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Pool } from 'pg';
import { PartnershipCommandMessage } from '../../../application/solidarity/partnership.messages';
import { Clock } from '../../../application/shared/clock';
import { HandleResult } from '../../../application/shared/command-handling';
import { existingRevisionOf } from '../../../application/shared/revision';
import { NotFoundError } from '../../../domain/shared';
import {
  PARTNERSHIP_STATUS_LABELS,
  type PartnershipCommand,
  type PartnershipEvent,
  type PartnershipState,
} from '../../../domain/solidarity';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import { staffAssociations } from '../../../projections/solidarity-partners/solidarity-partners.queries';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { IdParam } from '../problem/id-param';
import { ApiStateChange, commandOptions } from '../shared/http-support';
import {
  EndPartnershipDto,
  GrantPartnershipDto,
  PartnershipResponse,
  StaffAssociationListResponse,
  StaffAssociationsQuery,
} from './solidarity-partners.dto';

const ASSOCIATION_ID = { name: 'associationId', example: '0b8a3e0e-7c55-4a8e-9d39-6f1f0e7c2b11' };

const associationNotFound = (associationId: string) =>
  new NotFoundError('ASSOCIATION_NOT_FOUND', 'No partner association under this id', {
    associationId,
  });

const flag = (value: 'true' | 'false' | undefined) =>
  value === undefined ? undefined : value === 'true';

/**
 * Partner associations of the solidarity pot (issue 18): staff (admin) grant a partnership to a
 * verified association and end it, and list association accounts.
 */
@ApiTags('solidarity: staff')
@ApiBearerAuth()
@Controller('admin/associations')
export class SolidarityPartnersAdminController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post(':associationId/partnership')
  @Roles('admin')
  @ApiParam(ASSOCIATION_ID)
  @ApiStateChange({
    summary: 'Make a verified association a partner of the solidarity pot',
    description:
      'Only an association account whose registration details are declared and whose statutes and declaration receipt are approved (422 `ASSOCIATION_NOT_VERIFIED`, also for an id that is no association); a current partner answers 409 `ALREADY_PARTNER`. The partnership carries the official name as verified; it counts for a month’s vote and share if it still runs when the month closes.',
    refusals: [
      { status: 400, code: 'PARTNERSHIP_NOTE_TOO_LONG' },
      { status: 409, code: 'ALREADY_PARTNER', currentStatus: 'partner' },
      { status: 422, code: 'ASSOCIATION_NOT_VERIFIED' },
    ],
  })
  @ApiResponse({ status: 201, type: PartnershipResponse, description: 'The partnership runs.' })
  grant(
    @CurrentActor() actor: Actor,
    @IdParam('associationId') associationId: string,
    @Body() body: GrantPartnershipDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.send(
      actor,
      associationId,
      {
        type: 'GrantPartnership',
        // The handler reads the association's standing from the identity context.
        data: { associationId, note: body.note },
        meta: actor.meta(this.clock.now(), 'admin'),
      },
      ifMatch,
    );
  }

  @Delete(':associationId/partnership')
  @Roles('admin')
  @ApiParam(ASSOCIATION_ID)
  @ApiStateChange({
    summary: 'End a partnership',
    description:
      'The association leaves the public list and the vote at once; a month that closes after this pays it nothing. It may be made a partner again later. An association that is not a partner answers 409 `NOT_A_PARTNER`.',
    refusals: [
      { status: 400, code: 'PARTNERSHIP_REASON_REQUIRED' },
      { status: 409, code: 'NOT_A_PARTNER', currentStatus: 'ended' },
    ],
  })
  @ApiOkResponse({ type: PartnershipResponse, description: 'The partnership has ended.' })
  end(
    @CurrentActor() actor: Actor,
    @IdParam('associationId') associationId: string,
    @Body() body: EndPartnershipDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.send(
      actor,
      associationId,
      {
        type: 'EndPartnership',
        data: { associationId, reason: body?.reason },
        meta: actor.meta(this.clock.now(), 'admin'),
      },
      ifMatch,
    );
  }

  @Get()
  @Roles('admin', 'mediator')
  @ApiOperation({
    summary: 'Association accounts with their verification and partnership',
    description:
      'Every account that declared association registration details or sent an association document, most recently changed first; filter with `verified` and `partner` (`true` or `false`). Read model: a review or a grant just made may take a moment to show.',
  })
  @ApiOkResponse({ type: StaffAssociationListResponse })
  list(@Query() query: StaffAssociationsQuery) {
    return staffAssociations(this.pool, {
      verified: flag(query.verified),
      partner: flag(query.partner),
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  }

  private async send(
    actor: Actor,
    associationId: string,
    command: PartnershipCommand,
    ifMatch?: string,
  ): Promise<PartnershipResponse> {
    const result: HandleResult<PartnershipState, PartnershipEvent> = await this.commandBus.execute(
      new PartnershipCommandMessage(
        associationId,
        command,
        actor.causation,
        commandOptions(ifMatch),
      ),
    );
    const { state } = result;
    if (state.status === 'none') throw associationNotFound(associationId);
    return {
      associationId: state.associationId,
      status: state.status,
      statusLabel: PARTNERSHIP_STATUS_LABELS[state.status],
      name: state.name,
      partnerSince: state.status === 'partner' ? state.since : null,
      endedAt: state.status === 'ended' ? state.endedAt : null,
      revision: existingRevisionOf(result.nextExpectedRevision),
    };
  }
}
