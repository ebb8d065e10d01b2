import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { DisputeCaseResult } from '../../../application/disputes/dispute-case.result';
import { OpenMissionDispute } from '../../../application/disputes/open-mission-dispute.handler';
import { Clock } from '../../../application/shared/clock';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { IdParam } from '../problem/id-param';
import { ApiStateChange } from '../shared/http-support';
import { DisputeCaseResponse } from './dispute-responses.dto';
import { MissionProblemReportDto } from './mission-disputes.dto';

/** "Signaler un problème" on a local mission: a dispute in the disputes context, the money frozen. */
@ApiTags('disputes')
@Controller()
export class MissionDisputesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
  ) {}

  @Post('missions/:missionId/problem-reports')
  @Roles('client', 'provider')
  @ApiStateChange({
    summary: 'Signaler un problème: report a problem on a confirmed mission (client or provider)',
    description:
      'The client or the confirmed provider opens a dispute on a confirmed mission. The mission takes the report first (it becomes `disputed`, "Problème signalé", and is no longer validated automatically); only then does the dispute open and the mission’s escrow freeze. The amount in dispute is what the escrow holds at that moment: mediation and arbitration then go through the `/disputes/{disputeId}` routes as for orders, and a decision can only distribute what is held (refund to the client + release to the provider = held). A withdrawal by the reporter unfreezes the escrow and puts the mission back to `confirmed`. Evidence ids must be your own `dispute_evidence` uploads (POST /files). The other party must respond before `responseDueAt` (DISPUTE_RESPONSE_DAYS).',
    ifMatch: false,
    refusals: [
      { status: 404, code: 'MISSION_NOT_FOUND' },
      { status: 409, code: 'MISSION_NOT_CONFIRMED', currentStatus: 'pending' },
      { status: 409, code: 'MISSION_ALREADY_VALIDATED', currentStatus: 'validated' },
      { status: 409, code: 'MISSION_TERMINAL', currentStatus: 'cancelled' },
      { status: 409, code: 'MISSION_NOT_AUTHORISED', currentStatus: 'confirmed' },
      { status: 409, code: 'DISPUTE_ALREADY_OPENED', currentStatus: 'disputed' },
      { status: 422, code: 'FILE_NOT_FOUND' },
      { status: 422, code: 'FILE_PURPOSE_MISMATCH' },
    ],
  })
  @ApiResponse({
    status: 201,
    type: DisputeCaseResponse,
    description:
      'The dispute (`disputeId`, Ouvert), the mission (`disputed`, Problème signalé) and its escrow (frozen, with what it holds).',
  })
  report(
    @IdParam('missionId') missionId: string,
    @Body() body: MissionProblemReportDto,
    @CurrentActor() actor: Actor,
  ): Promise<DisputeCaseResult> {
    return this.commandBus.execute(
      new OpenMissionDispute(
        missionId,
        { reason: body.reason, statement: body.statement, evidenceRefs: body.evidenceRefs },
        actor.meta(this.clock.now()),
        actor.causation,
      ),
    );
  }
}
