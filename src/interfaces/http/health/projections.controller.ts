import { Controller, Get, HttpCode, Logger, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ProjectionsService } from '../../../projections/projections.service';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { ProblemException } from '../problem/problem-details.filter';

/** A log position; commit and prepare are 64-bit, so strings. */
export const POSITION = {
  type: 'object',
  nullable: true,
  required: ['commit', 'prepare'],
  properties: { commit: { type: 'string' }, prepare: { type: 'string' } },
};

/** One read model's position, lag and runner state (`ProjectionReport`). */
const PROJECTION_REPORT = {
  type: 'object',
  required: ['name', 'version', 'current', 'behind', 'lagMs', 'state', 'haltedOn'],
  properties: {
    name: { type: 'string' },
    version: { type: 'integer' },
    current: { type: 'boolean' },
    generation: { type: 'integer', nullable: true },
    schema: { type: 'string', nullable: true },
    position: POSITION,
    eventsApplied: { type: 'integer' },
    behind: { type: 'integer' },
    behindCap: { type: 'integer' },
    lastEventAt: { type: 'string', format: 'date-time', nullable: true },
    lastEventAgeMs: { type: 'integer', nullable: true },
    lagMs: { type: 'integer' },
    state: { type: 'string' },
    lastError: { type: 'string', nullable: true },
    haltedOn: {
      type: 'object',
      nullable: true,
      properties: {
        name: { type: 'string' },
        eventId: { type: 'string' },
        eventType: { type: 'string' },
        streamName: { type: 'string' },
        position: POSITION,
        errorCode: { type: 'string', nullable: true },
        error: { type: 'string' },
        haltedAt: { type: 'string', format: 'date-time' },
      },
    },
  },
};

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/projections')
export class ProjectionsController {
  private readonly logger = new Logger('Projections');

  constructor(private readonly projections: ProjectionsService) {}

  @Get()
  @Roles('mediator', 'finance', 'admin')
  @ApiOperation({
    summary: 'Projection positions and lag',
    description:
      'For each read model: version and generation, checkpoint, events behind the head, lag in ms, state of the runner in this process, and `haltedOn`: the event it stopped on (id, type, stream, position) and why, when it cannot apply one.',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['projections'],
      properties: { projections: { type: 'array', items: PROJECTION_REPORT } },
    },
  })
  async list() {
    return { projections: await this.projections.status() };
  }

  @Post(':name/retry')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Retry a projection stopped on an event',
    description:
      'Clears the stop and applies the event again (after the cause was fixed); answers with the projection once it has caught up or stopped again (`haltedOn`). 404 `PROJECTION_NOT_FOUND`, 409 `PROJECTION_NOT_HALTED`.',
  })
  @ApiOkResponse({ description: 'The projection after the retry.', schema: PROJECTION_REPORT })
  @ApiResponse({ status: 403, description: '`ROLE_REQUIRED`: admins only.' })
  @ApiResponse({ status: 404, description: '`PROJECTION_NOT_FOUND`' })
  @ApiResponse({
    status: 409,
    description: '`PROJECTION_NOT_HALTED`: it is not stopped on an event.',
  })
  async retry(@Param('name') name: string, @CurrentActor() actor: Actor) {
    if (!this.projections.projections.some((p) => p.name === name))
      throw new ProblemException(
        404,
        'PROJECTION_NOT_FOUND',
        `No projection is named ${JSON.stringify(name)}`,
      );
    const report = await this.projections.retry(name);
    if (!report)
      throw new ProblemException(
        409,
        'PROJECTION_NOT_HALTED',
        `Projection ${name} is not stopped on an event`,
      );
    this.logger.log(`Projection ${name} retried by ${actor.accountId}`);
    return report;
  }
}
