import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { parseCaseMoment } from '../../../application/disputes/case/case-at';
import { CaseHistory, CaseHistoryResult } from '../../../application/disputes/case/case-history';
import { Actor, CurrentActor } from '../auth/actor';
import { CaseHistoryQueryDto } from './disputes.dto';
import { IdParam } from '../problem/id-param';
import { CaseHistoryResponse } from './dispute-responses.dto';

@ApiTags('disputes')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly history: CaseHistory) {}

  @Get(':orderId/history')
  @ApiOperation({
    summary:
      'Replay a case: every event of the order, its conversation, its escrow and its disputes',
    description:
      'Chronological (log order), each entry with its time, actor and role, a plain-words line and the raw event. With `at` the timeline stops at that moment and `state` gives the order, escrow and disputes rebuilt as they stood then. Parties never see internal notes; mediators and admins see everything; finance sees the case without notes.',
  })
  @ApiResponse({ status: 200, type: CaseHistoryResponse })
  @ApiResponse({
    status: 400,
    description: 'CASE_AT_INVALID: `at` is neither an instant nor a position.',
  })
  @ApiResponse({ status: 404, description: 'CASE_NOT_FOUND: unknown order, or not your case.' })
  get(
    @IdParam('orderId') orderId: string,
    @Query() query: CaseHistoryQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<CaseHistoryResult> {
    const moment = query.at === undefined ? undefined : parseCaseMoment(query.at);
    return this.history.load(orderId, { accountId: actor.accountId, roles: actor.roles }, moment);
  }
}
