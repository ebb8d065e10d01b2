import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { DisputeCaseResult } from '../../../application/disputes/dispute-case.result';
import { OpenProjectDispute } from '../../../application/disputes/open-project-dispute.handler';
import { Clock } from '../../../application/shared/clock';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { IdParam } from '../problem/id-param';
import { ApiStateChange } from '../shared/http-support';
import { DisputeCaseResponse } from './dispute-responses.dto';
import { ProjectDisputeDto } from './project-disputes.dto';

/** "Solliciter le SMA" on a signed R0 tender project: a dispute in the disputes context, the account frozen. */
@ApiTags('disputes')
@Controller()
export class ProjectDisputesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
  ) {}

  @Post('projects/:projectId/disputes')
  @Roles('client', 'provider')
  @ApiStateChange({
    summary: 'Solliciter le SMA: take a disagreement on a signed R0 project to mediation',
    description:
      'The client or the selected provider of a signed R0 project opens a dispute with the Service de Médiation et d’Arbitrage. The amount in dispute is what the project’s account holds at that moment; the account freezes (no funding, no release) until the decision or a withdrawal. Should a tranche be funded or released while the dispute opens, it is withdrawn at once and 409 `ESCROW_HELD_CHANGED` asks to open it again on what the account holds now. Mediation and arbitration then go through the `/disputes/{disputeId}` routes as for orders: a decision distributes only that amount (refund to the client + release to the provider = held), never an unfunded part. Evidence ids must be your own `dispute_evidence` uploads (POST /files).',
    refusals: [
      { status: 404, code: 'PROJECT_NOT_FOUND' },
      { status: 409, code: 'PROJECT_NOT_DISPUTABLE', currentStatus: 'finished' },
      { status: 409, code: 'PROJECT_ACCOUNT_EMPTY', currentStatus: 'closed' },
      { status: 409, code: 'DISPUTE_ALREADY_OPENED', currentStatus: 'open' },
      { status: 409, code: 'ESCROW_HELD_CHANGED', currentStatus: 'held' },
      { status: 422, code: 'PROJECT_ACCOUNT_NOT_R0' },
      { status: 422, code: 'FILE_NOT_FOUND' },
      { status: 422, code: 'FILE_PURPOSE_MISMATCH' },
    ],
    ifMatch: false,
  })
  @ApiResponse({
    status: 201,
    type: DisputeCaseResponse,
    description:
      'The dispute (`disputeId`, Ouvert) and the project’s account (frozen, with what it holds).',
  })
  dispute(
    @CurrentActor() actor: Actor,
    @IdParam('projectId') projectId: string,
    @Body() body: ProjectDisputeDto,
  ): Promise<DisputeCaseResult> {
    return this.commandBus.execute(
      new OpenProjectDispute(
        projectId,
        { reason: body.reason, statement: body.statement, evidenceRefs: body.evidenceRefs },
        actor.meta(this.clock.now()),
        actor.causation,
      ),
    );
  }
}
