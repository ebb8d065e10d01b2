import { Controller, Get, HttpCode, Logger, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectionsService } from '../../../projections/projections.service';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { ProblemException } from '../problem/problem-details.filter';

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
