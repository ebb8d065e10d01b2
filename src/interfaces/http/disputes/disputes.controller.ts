import { Body, Controller, Get, Headers, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { DisputeCaseResult } from '../../../application/disputes/dispute-case.result';
import { DisputeQueries, DisputeView } from '../../../application/disputes/dispute.queries';
import { OpenOrderDispute } from '../../../application/disputes/open-order-dispute.handler';
import {
  DisputeCaseAction,
  RunDisputeCase,
} from '../../../application/disputes/run-dispute-case.handler';
import { Clock } from '../../../application/shared/clock';
import { FileReferences } from '../../../application/files/file-references.contract';
import { AccountRole, Actor, CurrentActor, Roles } from '../auth/actor';
import {
  AssignDto,
  DecisionDto,
  InternalNoteDto,
  OpenDisputeDto,
  SettlementDto,
  StatementDto,
} from './disputes.dto';
import { ifMatch, mediationRole } from './disputes-http';
import {
  DisputeCaseResponse,
  DisputeViewResponse,
  ProposedSettlementResponse,
} from './dispute-responses.dto';
import { IdParam } from '../problem/id-param';

/** Orders are bought by clients from providers; the domain then checks this account is the order's party. */
const ORDER_PARTIES: AccountRole[] = ['client', 'provider'];

const IF_MATCH = ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'The dispute `revision` last read; 409 CONCURRENT_MODIFICATION when it moved on.',
  example: '"3"',
});
const IDEMPOTENCY = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'A repeat of the same request gets the first answer back.',
  example: '0f8e2c1a-7b6d-4e5f-9a3b-2c1d0e9f8a7b',
});

/** Evidence ids must be the party's own `dispute_evidence` uploads (POST /files). */
const EVIDENCE_REFUSED = {
  status: 422,
  description:
    'FILE_NOT_FOUND (an `evidenceRefs` id that is not one of your uploads) or FILE_PURPOSE_MISMATCH (not uploaded as `dispute_evidence`); `field` names it.',
};

@ApiTags('disputes')
@ApiBearerAuth()
@Controller()
export class DisputesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queries: DisputeQueries,
    private readonly clock: Clock,
    private readonly files: FileReferences,
  ) {}

  @Post('orders/:orderId/disputes')
  @Roles(...ORDER_PARTIES)
  @IDEMPOTENCY
  @ApiOperation({
    summary: 'Contest an order (buyer or seller)',
    description:
      'Opens a dispute on an active, delivered or in-revision order, then freezes the order and its escrow: every other command on them answers 409 ORDER_FROZEN until the dispute ends. The other party must respond before `responseDueAt` (DISPUTE_RESPONSE_DAYS).',
  })
  @ApiResponse({
    status: 201,
    type: DisputeCaseResponse,
    description: 'The dispute, the order (Contesté) and the escrow (frozen).',
  })
  @ApiResponse({ status: 404, description: 'ORDER_NOT_FOUND: unknown order, or not one of yours.' })
  @ApiResponse({
    status: 409,
    description: 'ORDER_NOT_CONTESTABLE (awaiting start, completed...), DISPUTE_ALREADY_OPENED.',
  })
  @ApiResponse(EVIDENCE_REFUSED)
  open(
    @IdParam('orderId') orderId: string,
    @Body() body: OpenDisputeDto,
    @CurrentActor() actor: Actor,
  ): Promise<DisputeCaseResult> {
    return this.commandBus.execute(
      new OpenOrderDispute(
        orderId,
        { reason: body.reason, statement: body.statement, evidenceRefs: body.evidenceRefs },
        actor.meta(this.clock.now()),
        actor.causation,
      ),
    );
  }

  @Get('disputes/:disputeId')
  @ApiOperation({
    summary: 'A dispute as its parties (or mediation staff) see it; never any internal note',
    description:
      'With the `revision` to send as If-Match, the order and escrow states, and `access` (party, staff or auditor for finance).',
  })
  @ApiResponse({ status: 404, description: 'DISPUTE_NOT_FOUND: unknown, or not your case.' })
  @ApiResponse({ status: 200, type: DisputeViewResponse })
  view(
    @IdParam('disputeId') disputeId: string,
    @CurrentActor() actor: Actor,
  ): Promise<DisputeView> {
    return this.queries.view(disputeId, { accountId: actor.accountId, roles: actor.roles });
  }

  @Post('disputes/:disputeId/statements')
  @Roles(...ORDER_PARTIES)
  @HttpCode(200)
  @IDEMPOTENCY
  @IF_MATCH
  @ApiOperation({
    summary: 'Add a statement with evidence references (buyer or seller)',
    description:
      'The respondent’s first statement before the deadline is recorded as their response.',
  })
  @ApiResponse({ status: 200, type: DisputeCaseResponse })
  @ApiResponse(EVIDENCE_REFUSED)
  async statement(
    @IdParam('disputeId') disputeId: string,
    @Body() body: StatementDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') revision?: string,
  ): Promise<DisputeCaseResult> {
    const data = {
      statementId: randomUUID(),
      text: body.text,
      evidenceRefs: body.evidenceRefs ?? [],
    };
    return this.files.attach(
      actor.accountId,
      data.evidenceRefs,
      'dispute_evidence',
      { kind: 'dispute', subjectId: disputeId },
      'evidenceRefs',
      () =>
        this.run(
          disputeId,
          { type: 'AddStatement', data, meta: actor.meta(this.clock.now()) },
          actor,
          revision,
        ),
    );
  }

  @Post('disputes/:disputeId/assign')
  @Roles('mediator', 'admin')
  @HttpCode(200)
  @IDEMPOTENCY
  @IF_MATCH
  @ApiOperation({
    summary: 'Take the case (mediator) or assign it to a mediator (admin)',
    description:
      'The dispute goes under review; only the assigned mediator (or an admin) then proposes or decides.',
  })
  @ApiResponse({ status: 200, type: DisputeCaseResponse })
  assign(
    @IdParam('disputeId') disputeId: string,
    @Body() body: AssignDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') revision?: string,
  ): Promise<DisputeCaseResult> {
    const meta = actor.meta(this.clock.now(), mediationRole(actor));
    return this.run(
      disputeId,
      { type: 'AssignMediator', data: { mediatorId: body.mediatorId ?? actor.accountId }, meta },
      actor,
      revision,
    );
  }

  @Post('disputes/:disputeId/notes')
  @Roles('mediator', 'admin')
  @HttpCode(200)
  @IDEMPOTENCY
  @IF_MATCH
  @ApiOperation({
    summary: 'Write an internal note; the parties never see it, not even in the case history',
    description: 'Mediation staff only.',
  })
  @ApiResponse({ status: 200, type: DisputeCaseResponse })
  note(
    @IdParam('disputeId') disputeId: string,
    @Body() body: InternalNoteDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') revision?: string,
  ): Promise<DisputeCaseResult> {
    const meta = actor.meta(this.clock.now(), mediationRole(actor));
    return this.run(
      disputeId,
      { type: 'AddInternalNote', data: { noteId: randomUUID(), text: body.text }, meta },
      actor,
      revision,
    );
  }

  @Post('disputes/:disputeId/settlements')
  @Roles('mediator', 'admin')
  @IDEMPOTENCY
  @IF_MATCH
  @ApiOperation({
    summary: 'Propose a settlement (assigned mediator or admin)',
    description:
      'Refund + release must equal what the escrow holds (422 otherwise). Both parties must accept it.',
  })
  @ApiResponse({
    status: 201,
    type: ProposedSettlementResponse,
    description: 'The dispute with `settlementId`, to accept or reject.',
  })
  async propose(
    @IdParam('disputeId') disputeId: string,
    @Body() body: SettlementDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') revision?: string,
  ): Promise<DisputeCaseResult & { settlementId: string }> {
    const settlementId = randomUUID();
    const meta = actor.meta(this.clock.now(), mediationRole(actor));
    const result = await this.run(
      disputeId,
      {
        type: 'ProposeSettlement',
        data: { settlementId, refundCents: body.refundCents, releaseCents: body.releaseCents },
        meta,
      },
      actor,
      revision,
    );
    return { ...result, settlementId };
  }

  @Post('disputes/:disputeId/settlements/:settlementId/accept')
  @Roles(...ORDER_PARTIES)
  @HttpCode(200)
  @IDEMPOTENCY
  @IF_MATCH
  @ApiOperation({
    summary: 'Accept the proposed settlement (buyer or seller)',
    description:
      'Once both accept, the escrow refunds and releases as proposed and the order becomes Résolu.',
  })
  @ApiResponse({ status: 200, type: DisputeCaseResponse })
  accept(
    @IdParam('disputeId') disputeId: string,
    @IdParam('settlementId') settlementId: string,
    @CurrentActor() actor: Actor,
    @Headers('if-match') revision?: string,
  ): Promise<DisputeCaseResult> {
    return this.run(
      disputeId,
      { type: 'AcceptSettlement', data: { settlementId }, meta: actor.meta(this.clock.now()) },
      actor,
      revision,
    );
  }

  @Post('disputes/:disputeId/settlements/:settlementId/reject')
  @Roles(...ORDER_PARTIES)
  @HttpCode(200)
  @IDEMPOTENCY
  @IF_MATCH
  @ApiOperation({
    summary: 'Reject the proposed settlement (buyer or seller)',
    description: 'The dispute goes back under review; the mediator may propose again or decide.',
  })
  @ApiResponse({ status: 200, type: DisputeCaseResponse })
  reject(
    @IdParam('disputeId') disputeId: string,
    @IdParam('settlementId') settlementId: string,
    @CurrentActor() actor: Actor,
    @Headers('if-match') revision?: string,
  ): Promise<DisputeCaseResult> {
    return this.run(
      disputeId,
      { type: 'RejectSettlement', data: { settlementId }, meta: actor.meta(this.clock.now()) },
      actor,
      revision,
    );
  }

  @Post('disputes/:disputeId/withdraw')
  @Roles(...ORDER_PARTIES)
  @HttpCode(200)
  @IDEMPOTENCY
  @IF_MATCH
  @ApiOperation({
    summary: 'Withdraw the dispute (its opener only)',
    description:
      'The order resumes in the status it had when contested and the escrow is unfrozen.',
  })
  @ApiResponse({ status: 200, type: DisputeCaseResponse })
  withdraw(
    @IdParam('disputeId') disputeId: string,
    @CurrentActor() actor: Actor,
    @Headers('if-match') revision?: string,
  ): Promise<DisputeCaseResult> {
    return this.run(
      disputeId,
      { type: 'WithdrawDispute', data: {}, meta: actor.meta(this.clock.now()) },
      actor,
      revision,
    );
  }

  @Post('disputes/:disputeId/decision')
  @Roles('mediator', 'admin')
  @HttpCode(200)
  @IDEMPOTENCY
  @IF_MATCH
  @ApiOperation({
    summary: 'Arbitrate (assigned mediator or admin)',
    description:
      'full_refund, partial_refund (refundCents), pay_seller or split (refundCents + releaseCents). Amounts are checked against what the escrow holds now: over it, or not distributing all of it, answers 422. The escrow refunds and releases (commission on the released part), the seller’s wallet is credited and the order becomes Résolu.',
  })
  @ApiResponse({
    status: 422,
    description:
      'DECISION_EXCEEDS_HELD, DECISION_MUST_DISTRIBUTE_HELD, DECISION_AMOUNTS_DO_NOT_MATCH_OUTCOME.',
  })
  @ApiResponse({ status: 200, type: DisputeCaseResponse })
  decide(
    @IdParam('disputeId') disputeId: string,
    @Body() body: DecisionDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') revision?: string,
  ): Promise<DisputeCaseResult> {
    const meta = actor.meta(this.clock.now(), mediationRole(actor));
    const data = {
      decisionId: randomUUID(),
      outcome: body.outcome,
      refundCents: body.refundCents,
      releaseCents: body.releaseCents,
      reasoning: body.reasoning,
    };
    return this.run(disputeId, { type: 'DecideDispute', data, meta }, actor, revision);
  }

  private run(
    disputeId: string,
    action: DisputeCaseAction,
    actor: Actor,
    revision: string | undefined,
  ): Promise<DisputeCaseResult> {
    return this.commandBus.execute(
      new RunDisputeCase(disputeId, action, actor.causation, ifMatch(revision)),
    );
  }
}
