import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectionsService } from '../../../projections/projections.service';
import { Roles } from '../auth/actor';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/projections')
export class ProjectionsController {
  constructor(private readonly projections: ProjectionsService) {}

  @Get()
  @Roles('mediator', 'finance', 'admin')
  @ApiOperation({
    summary: 'Projection positions and lag',
    description:
      'For each read model: version and generation, checkpoint, events behind the head, lag in ms, state of the runner in this process.',
  })
  async list() {
    return { projections: await this.projections.status() };
  }
}
