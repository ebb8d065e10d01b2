import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { MediationQueueResponse } from './mediation-queue-responses.dto';
import { Pool } from 'pg';
import { Clock } from '../../../application/shared/clock';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import {
  mediationQueue,
  OPEN_DISPUTE_STATUSES,
} from '../../../projections/mediation/mediation-queue.queries';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { MediationQueueQuery } from './mediation-queue.dto';

@ApiTags('mediation')
@ApiBearerAuth()
@Controller('mediation')
export class MediationQueueController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly clock: Clock,
  ) {}

  @Get('queue')
  @Roles('mediator', 'admin')
  @ApiOperation({
    summary: 'Mediator queue',
    description:
      'Disputes oldest first with age, amount held, parties, reason and response deadline, orders and missions alike (`subject.kind`); filter by status (default: open ones), assignee (`me`, `unassigned`, an id) and subject (`order`, `mission`).',
  })
  @ApiResponse({ status: 200, type: MediationQueueResponse })
  queue(@CurrentActor() actor: Actor, @Query() q: MediationQueueQuery) {
    return mediationQueue(this.pool, {
      statuses: q.status ? q.status.split(',') : [...OPEN_DISPUTE_STATUSES],
      assignee:
        q.assignee === 'me'
          ? actor.accountId
          : q.assignee?.toLowerCase() === 'unassigned'
            ? 'unassigned'
            : q.assignee?.toLowerCase(),
      subjectKind: q.subject,
      limit: q.limit ?? 100,
      now: this.clock.now(),
    });
  }
}
