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

  @Get(':caseId/history')
  @ApiOperation({
    summary:
      'Replay a case: every event of the order (or mission), its conversation, its escrow and its disputes',
    description:
      '`caseId` is an order id, a mission id ("Signaler un problème" disputes), or a dispute id (its subject’s case). Chronological (log order), each entry with its time, actor and role, a plain-words line and the raw event. With `at` the timeline stops at that moment and `state` gives the order, escrow and disputes rebuilt as they stood then. Parties never see internal notes; mediators and admins see everything; finance sees the case without notes.',
  })
  @ApiResponse({ status: 200, type: CaseHistoryResponse })
  @ApiResponse({
    status: 400,
    description: 'CASE_AT_INVALID: `at` is neither an instant nor a position.',
  })
  @ApiResponse({
    status: 404,
    description: 'CASE_NOT_FOUND: unknown order, mission or dispute, or not your case.',
  })
  get(
    @IdParam('caseId') caseId: string,
    @Query() query: CaseHistoryQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<CaseHistoryResult> {
    const moment = query.at === undefined ? undefined : parseCaseMoment(query.at);
    return this.history.load(caseId, { accountId: actor.accountId, roles: actor.roles }, moment);
  }
}
