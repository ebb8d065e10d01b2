import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Injectable,
  Param,
  PipeTransform,
  Post,
  Put,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Pool } from 'pg';
import {
  solidarityTypeIdFor,
  SolidarityTypeCommandMessage,
} from '../../../application/solidarity/solidarity-type.messages';
import { Clock } from '../../../application/shared/clock';
import { HandleResult } from '../../../application/shared/command-handling';
import { existingRevisionOf } from '../../../application/shared/revision';
import {
  SOLIDARITY_TYPE_STATUS_LABELS,
  type SolidarityTypeCommand,
  type SolidarityTypeEvent,
  type SolidarityTypeState,
} from '../../../domain/solidarity';
import { NotFoundError } from '../../../domain/shared';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import { activeSolidarityTypes } from '../../../projections/solidarity-missions/solidarity-missions.queries';
import { Actor, CurrentActor, Public, Roles } from '../auth/actor';
import { ProblemException } from '../problem/problem-details.filter';
import { ApiStateChange, commandOptions } from '../shared/http-support';
import {
  SOLIDARITY_TYPE_EXAMPLE,
  SolidarityTypeChangeResponse,
  SolidarityTypeDto,
  SolidarityTypeListResponse,
} from './solidarity-types.dto';

const notFound = (solidarityTypeId: string) =>
  new NotFoundError('SOLIDARITY_TYPE_NOT_FOUND', 'Solidarity type not found', { solidarityTypeId });

/** A type id is a slug: anything else is answered 400 INVALID_ID. */
@Injectable()
export class SlugParamPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (typeof value !== 'string' || value.length > 100 || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value))
      throw new ProblemException(400, 'INVALID_ID', 'solidarityTypeId must be a slug', {
        parameter: 'solidarityTypeId',
      });
    return value;
  }
}

/** A fresh object per use: the decorator keeps the one it is given. */
const typeParam = () => ({
  name: 'solidarityTypeId',
  example: SOLIDARITY_TYPE_EXAMPLE.solidarityTypeId,
  schema: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100 },
  description:
    'A slug (lower-case words joined by dashes); anything else is answered 400 `INVALID_ID`.',
});

const VALIDATION_REFUSALS = [
  { status: 400, code: 'SOLIDARITY_TYPE_LABEL_REQUIRED' },
  { status: 400, code: 'SOLIDARITY_TYPE_LABEL_TOO_LONG' },
  { status: 400, code: 'SOLIDARITY_TYPE_LABEL_WITHOUT_LETTERS' },
  { status: 400, code: 'SOLIDARITY_TYPE_DESCRIPTION_TOO_LONG' },
] as const;

/** The staff-managed list of solidarity types: staff define, revise and retire them; anyone reads it. */
@ApiTags('solidarity missions')
@Controller()
export class SolidarityTypesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post('admin/solidarity-types')
  @Roles('admin')
  @ApiStateChange({
    summary: 'Define a solidarity type',
    description:
      'Staff (admin) add a type associations propose missions of. Its id is the label\'s slug ("Aide alimentaire" -> `aide-alimentaire`), so defining it twice answers 409 `SOLIDARITY_TYPE_EXISTS`.',
    refusals: [
      ...VALIDATION_REFUSALS,
      { status: 409, code: 'SOLIDARITY_TYPE_EXISTS', currentStatus: 'active' },
    ],
    ifMatch: false,
  })
  @ApiResponse({
    status: 201,
    type: SolidarityTypeChangeResponse,
    description: 'The new active type.',
  })
  define(@CurrentActor() actor: Actor, @Body() body: SolidarityTypeDto) {
    const solidarityTypeId = solidarityTypeIdFor(typeof body.label === 'string' ? body.label : '');
    // A label without a slug names no stream: `_` is none, and the decider names the rule.
    return this.send(actor, solidarityTypeId || '_', {
      type: 'DefineSolidarityType',
      data: { solidarityTypeId, label: body.label, description: body.description },
      meta: actor.meta(this.clock.now(), 'admin'),
    });
  }

  @Put('admin/solidarity-types/:solidarityTypeId')
  @Roles('admin')
  @ApiParam(typeParam())
  @ApiStateChange({
    summary: 'Revise a solidarity type (label, description)',
    description:
      'The id stays; missions already proposed keep the label they were proposed with. The same values again change nothing.',
    refusals: [
      ...VALIDATION_REFUSALS,
      { status: 404, code: 'SOLIDARITY_TYPE_NOT_FOUND' },
      { status: 409, code: 'SOLIDARITY_TYPE_RETIRED', currentStatus: 'retired' },
    ],
  })
  @ApiOkResponse({ type: SolidarityTypeChangeResponse })
  revise(
    @CurrentActor() actor: Actor,
    @Param('solidarityTypeId', SlugParamPipe) solidarityTypeId: string,
    @Body() body: SolidarityTypeDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.send(
      actor,
      solidarityTypeId,
      {
        type: 'ReviseSolidarityType',
        data: { solidarityTypeId, label: body.label, description: body.description },
        meta: actor.meta(this.clock.now(), 'admin'),
      },
      ifMatch,
    );
  }

  @Post('admin/solidarity-types/:solidarityTypeId/retire')
  @HttpCode(200)
  @Roles('admin')
  @ApiParam(typeParam())
  @ApiStateChange({
    summary: 'Retire a solidarity type',
    description:
      'The type leaves the public list and takes no new mission (422 `SOLIDARITY_TYPE_RETIRED` on POST /solidarity/missions); missions already proposed keep it.',
    refusals: [
      { status: 404, code: 'SOLIDARITY_TYPE_NOT_FOUND' },
      { status: 409, code: 'SOLIDARITY_TYPE_RETIRED', currentStatus: 'retired' },
    ],
  })
  @ApiOkResponse({ type: SolidarityTypeChangeResponse })
  retire(
    @CurrentActor() actor: Actor,
    @Param('solidarityTypeId', SlugParamPipe) solidarityTypeId: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.send(
      actor,
      solidarityTypeId,
      {
        type: 'RetireSolidarityType',
        data: { solidarityTypeId },
        meta: actor.meta(this.clock.now(), 'admin'),
      },
      ifMatch,
    );
  }

  @Get('solidarity/types')
  @Public()
  @ApiOperation({
    summary: 'The active solidarity types',
    description:
      'What associations choose from when they propose a mission and volunteers filter on, by label; retired types are left out. Read model: a type just defined shows within moments.',
  })
  @ApiOkResponse({ type: SolidarityTypeListResponse })
  list() {
    return activeSolidarityTypes(this.pool);
  }

  private async send(
    actor: Actor,
    solidarityTypeId: string,
    command: SolidarityTypeCommand,
    ifMatch?: string,
  ): Promise<SolidarityTypeChangeResponse> {
    const result: HandleResult<SolidarityTypeState, SolidarityTypeEvent> =
      await this.commandBus.execute(
        new SolidarityTypeCommandMessage(
          solidarityTypeId,
          command,
          actor.causation,
          commandOptions(ifMatch),
        ),
      );
    const { state } = result;
    if (state.status === 'none') throw notFound(solidarityTypeId);
    return {
      solidarityTypeId: state.solidarityTypeId,
      ...state.details,
      status: state.status,
      statusLabel: SOLIDARITY_TYPE_STATUS_LABELS[state.status],
      revision: existingRevisionOf(result.nextExpectedRevision),
    };
  }
}
