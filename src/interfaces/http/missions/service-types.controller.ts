import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Put, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Pool } from 'pg';
import {
  serviceTypeIdFor,
  ServiceTypeCommandMessage,
} from '../../../application/missions/service-type.messages';
import { Clock } from '../../../application/shared/clock';
import { HandleResult } from '../../../application/shared/command-handling';
import { existingRevisionOf } from '../../../application/shared/revision';
import {
  SERVICE_TYPE_STATUS_LABELS,
  type ServiceTypeCommand,
  type ServiceTypeEvent,
  type ServiceTypeState,
} from '../../../domain/missions/offers';
import { NotFoundError } from '../../../domain/shared';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import {
  activeServiceTypes,
  serviceTypeById,
} from '../../../projections/service-types/service-types.queries';
import { Actor, CurrentActor, Public, Roles } from '../auth/actor';
import { IdParam } from '../problem/id-param';
import { ApiStateChange, commandOptions } from '../shared/http-support';
import {
  SERVICE_TYPE_EXAMPLE,
  ServiceTypeChangeResponse,
  ServiceTypeDetailResponse,
  ServiceTypeDto,
  ServiceTypeListQuery,
  ServiceTypeListResponse,
} from './service-type.dto';

const serviceTypeNotFound = (serviceTypeId: string) =>
  new NotFoundError('SERVICE_TYPE_NOT_FOUND', 'Service type not found', { serviceTypeId });

const VALIDATION_REFUSALS = [
  { status: 400, code: 'SERVICE_TYPE_LABEL_REQUIRED' },
  { status: 400, code: 'SERVICE_TYPE_LABEL_TOO_LONG' },
  { status: 400, code: 'SERVICE_TYPE_INVALID_CATEGORY' },
] as const;

/** The catalogue of service types local missions are booked for: staff manage it, anyone reads it. */
@ApiTags('service types')
@Controller()
export class ServiceTypesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post('admin/service-types')
  @Roles('admin')
  @ApiStateChange({
    summary: 'Add a service type to the catalogue',
    description:
      'Staff (admin) add a type providers can offer and clients request. Its id is derived from the label\'s slug (lower case, accents and punctuation dropped), so creating "Ménage" twice, or "menage", answers 409 `SERVICE_TYPE_EXISTS` naming the existing type in `serviceTypeId`.',
    refusals: [
      ...VALIDATION_REFUSALS,
      { status: 409, code: 'SERVICE_TYPE_EXISTS', currentStatus: 'active' },
    ],
    ifMatch: false,
  })
  @ApiResponse({
    status: 201,
    type: ServiceTypeChangeResponse,
    description: 'The new active type.',
  })
  create(@CurrentActor() actor: Actor, @Body() body: ServiceTypeDto) {
    const serviceTypeId = serviceTypeIdFor(typeof body.label === 'string' ? body.label.trim() : '');
    return this.send(actor, serviceTypeId, {
      type: 'CreateServiceType',
      data: {
        serviceTypeId,
        label: body.label,
        description: body.description,
        category: body.category,
      },
      meta: actor.meta(this.clock.now(), 'admin'),
    });
  }

  @Put('admin/service-types/:serviceTypeId')
  @Roles('admin')
  @ApiParam({ name: 'serviceTypeId', example: SERVICE_TYPE_EXAMPLE.serviceTypeId })
  @ApiStateChange({
    summary: "Replace a service type's label, description and category",
    description:
      'The id stays; missions already booked keep the label they were booked with. Renaming onto the label of another type answers 409 `SERVICE_TYPE_LABEL_TAKEN`; the same values again change nothing.',
    refusals: [
      ...VALIDATION_REFUSALS,
      { status: 404, code: 'SERVICE_TYPE_NOT_FOUND' },
      { status: 409, code: 'SERVICE_TYPE_RETIRED', currentStatus: 'retired' },
      { status: 409, code: 'SERVICE_TYPE_LABEL_TAKEN', currentStatus: 'active' },
    ],
  })
  @ApiOkResponse({ type: ServiceTypeChangeResponse })
  update(
    @CurrentActor() actor: Actor,
    @IdParam('serviceTypeId') serviceTypeId: string,
    @Body() body: ServiceTypeDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.send(
      actor,
      serviceTypeId,
      {
        type: 'UpdateServiceType',
        data: {
          serviceTypeId,
          label: body.label,
          description: body.description,
          category: body.category,
        },
        meta: actor.meta(this.clock.now(), 'admin'),
      },
      ifMatch,
    );
  }

  @Post('admin/service-types/:serviceTypeId/retire')
  @HttpCode(200)
  @Roles('admin')
  @ApiParam({ name: 'serviceTypeId', example: SERVICE_TYPE_EXAMPLE.serviceTypeId })
  @ApiStateChange({
    summary: 'Retire a service type',
    description:
      'The type leaves the public list and takes no new offer (422 `SERVICE_TYPE_NOT_FOUND` on PUT /me/provider-offer/services) nor request; offers and missions already made keep it.',
    refusals: [
      { status: 404, code: 'SERVICE_TYPE_NOT_FOUND' },
      { status: 409, code: 'SERVICE_TYPE_RETIRED', currentStatus: 'retired' },
    ],
  })
  @ApiOkResponse({ type: ServiceTypeChangeResponse })
  retire(
    @CurrentActor() actor: Actor,
    @IdParam('serviceTypeId') serviceTypeId: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.send(
      actor,
      serviceTypeId,
      {
        type: 'RetireServiceType',
        data: { serviceTypeId },
        meta: actor.meta(this.clock.now(), 'admin'),
      },
      ifMatch,
    );
  }

  @Get('service-types')
  @Public()
  @ApiOperation({
    summary: 'The active service types',
    description:
      'The catalogue clients choose from when they request a mission and providers when they declare their offer, by category then label; retired types are left out. Read model: a type just created shows within moments.',
  })
  @ApiOkResponse({ type: ServiceTypeListResponse })
  list(@Query() query: ServiceTypeListQuery) {
    return activeServiceTypes(this.pool, query.category);
  }

  @Get('service-types/:serviceTypeId')
  @Public()
  @ApiParam({ name: 'serviceTypeId', example: SERVICE_TYPE_EXAMPLE.serviceTypeId })
  @ApiOperation({
    summary: 'One service type',
    description: 'Active or retired (missions keep the label of a retired type).',
  })
  @ApiOkResponse({ type: ServiceTypeDetailResponse })
  @ApiResponse({ status: 404, description: '`SERVICE_TYPE_NOT_FOUND`' })
  async get(@IdParam('serviceTypeId') serviceTypeId: string) {
    const found = await serviceTypeById(this.pool, serviceTypeId);
    if (!found) throw serviceTypeNotFound(serviceTypeId);
    return found;
  }

  private async send(
    actor: Actor,
    serviceTypeId: string,
    command: ServiceTypeCommand,
    ifMatch?: string,
  ): Promise<ServiceTypeChangeResponse> {
    const result: HandleResult<ServiceTypeState, ServiceTypeEvent> = await this.commandBus.execute(
      new ServiceTypeCommandMessage(
        serviceTypeId,
        command,
        actor.causation,
        commandOptions(ifMatch),
      ),
    );
    const { state } = result;
    if (state.status === 'none') throw serviceTypeNotFound(serviceTypeId);
    return {
      serviceTypeId: state.serviceTypeId,
      ...state.details,
      status: state.status,
      statusLabel: SERVICE_TYPE_STATUS_LABELS[state.status],
      revision: existingRevisionOf(result.nextExpectedRevision),
    };
  }
}
