import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Pool } from 'pg';
import { Clock } from '../../../application/shared/clock';
import { HandleResult } from '../../../application/shared/command-handling';
import { existingRevisionOf } from '../../../application/shared/revision';
import { ProjectCommandMessage } from '../../../application/tenders/project.messages';
import {
  PROJECT_STATUS_LABELS,
  ProjectErrorCode as C,
  projectNotFound,
  type ProjectCommand,
  type ProjectEvent,
  type ProjectState,
} from '../../../domain/tenders';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import {
  clientProjects,
  creditsSpentOn,
  openProjects,
  projectById,
} from '../../../projections/tender-projects/tender-projects.queries';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { IdParam } from '../problem/id-param';
import { ApiStateChange, asParty, commandOptions, newId } from '../shared/http-support';
import { PageQuery } from '../shared/page-query.dto';
import {
  ClientProjectListResponse,
  DeclineTermsDto,
  OpenProjectListResponse,
  OpenProjectResponse,
  OpenProjectsQuery,
  PostProjectDto,
  ProjectChangeResponse,
  ProposeAmountRevisionDto,
  SelectProviderDto,
  WithdrawProjectDto,
} from './projects.dto';

const PROJECT_ID = () => ({ name: 'projectId', example: '3c1f9a2e-5b7d-4e8f-a1b2-c3d4e5f6a7b8' });
const REVISION_ID = () => ({
  name: 'revisionId',
  example: '6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a',
});
const UNKNOWN = { status: 404 as const, code: C.NOT_FOUND };
const NOT_SIGNED = { status: 409 as const, code: C.NOT_SIGNED, currentStatus: 'selected' };
const NO_SUCH_REVISION = {
  status: 409 as const,
  code: C.NO_SUCH_REVISION,
  currentStatus: 'signed',
};
const REASON = { status: 400 as const, code: C.REASON_TOO_LONG };
const OWNER_ONLY = { status: 403 as const, code: C.OWNER_ONLY };
/** Accepting or rejecting a revision: the other party, while it still awaits an answer. */
const ANSWER_REFUSALS = [
  UNKNOWN,
  NOT_SIGNED,
  NO_SUCH_REVISION,
  { status: 422 as const, code: C.OWN_REVISION },
];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "Projets disponibles" and a project's life: post, withdraw, select, sign, revise, finish. */
@ApiTags('tenders: projects')
@ApiBearerAuth()
@Controller()
export class ProjectsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post('projects')
  @Roles('client')
  @ApiStateChange({
    summary: 'Post a project ("déposer un projet")',
    description:
      'A client puts a project out to tender: a title (5 to 120 characters), a description (20 to 5 000), a category, a budget range (positive cents TTC, min ≤ max), a wished deadline (a day after today, Paris) and up to 10 attachments uploaded beforehand with purpose `project_attachment` (422 `FILE_NOT_FOUND` / `FILE_PURPOSE_MISMATCH` otherwise). It shows in "projets disponibles" at once. With an `Idempotency-Key` the project id derives from it, so a retry never posts twice.',
    refusals: [
      { status: 400, code: C.TITLE_INVALID },
      { status: 400, code: C.DESCRIPTION_INVALID },
      { status: 400, code: C.CATEGORY_UNKNOWN },
      { status: 400, code: C.BUDGET_INVALID },
      { status: 400, code: C.DEADLINE_INVALID },
      { status: 400, code: C.TOO_MANY_ATTACHMENTS },
      { status: 403, code: C.CLIENT_ONLY },
      { status: 409, code: C.EXISTS, currentStatus: 'open' },
      { status: 422, code: C.DEADLINE_PAST },
      { status: 422, code: 'FILE_NOT_FOUND' },
      { status: 422, code: 'FILE_PURPOSE_MISMATCH' },
    ],
    ifMatch: false,
  })
  @ApiCreatedResponse({ type: ProjectChangeResponse, description: 'The open project.' })
  async post(
    @CurrentActor() actor: Actor,
    @Body() body: PostProjectDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<ProjectChangeResponse> {
    const projectId = newId('tender-project', actor, key);
    return this.act(actor, 'PostProject', { projectId, ...body }, 'client');
  }

  @Get('projects')
  @ApiOperation({
    summary: 'Open projects ("projets disponibles")',
    description:
      'Open projects only (a selected, signed, finished or withdrawn one has left the list), newest first, 50 a page by default, keyset-paginated with `nextCursor`. Filters: `category`; `minBudgetCents` / `maxBudgetCents` keep the projects whose budget range overlaps them; `postedFrom` / `postedTo` (a day is taken whole); `q`, words that must all be in the title or description (French full text, stemmed). For a provider each row says which credits they spent on it (`creditsSpent`), and the projects they hid are left out. Read model: a change shows within moments.',
  })
  @ApiOkResponse({ type: OpenProjectListResponse })
  list(@CurrentActor() actor: Actor, @Query() query: OpenProjectsQuery) {
    return openProjects(this.pool, {
      providerId: actor.has('provider') ? actor.accountId : undefined,
      category: query.category,
      minBudgetCents: query.minBudgetCents,
      maxBudgetCents: query.maxBudgetCents,
      postedFrom: query.postedFrom ? instant(query.postedFrom, 0) : undefined,
      postedBefore: query.postedTo
        ? DAY.test(query.postedTo)
          ? instant(query.postedTo, 1)
          : instant(query.postedTo, 0)
        : undefined,
      q: query.q,
      cursor: query.cursor,
      limit: query.limit ?? 50,
    });
  }

  @Get('projects/:projectId')
  @ApiParam(PROJECT_ID())
  @ApiOperation({
    summary: 'One project’s public brief',
    description:
      'Any signed-in account sees the brief of an open project (title, description, category, budget, wished deadline, number of attachments); once it has left the open list only its client, the selected provider and staff still see it. For a provider, `creditsSpent` says which credits they spent on it. The full report (offers, files, messages) is unlocked by a consultation credit.',
  })
  @ApiOkResponse({ type: OpenProjectResponse })
  @ApiResponse({ status: 404, description: '`PROJECT_NOT_FOUND`' })
  async get(
    @CurrentActor() actor: Actor,
    @IdParam('projectId') projectId: string,
  ): Promise<OpenProjectResponse> {
    const project = await projectById(this.pool, projectId);
    const involved =
      project &&
      (project.clientId === actor.accountId ||
        project.providerId === actor.accountId ||
        actor.isStaff);
    if (!project || (project.status !== 'open' && !involved)) throw projectNotFound(projectId);
    const {
      clientId: _c,
      attachmentFileIds: _a,
      providerId: _p,
      offerId: _o,
      terms: _t,
      fees: _f,
      pendingRevision: _r,
      selectedAt: _s,
      signedAt: _si,
      finishedAt: _fi,
      withdrawnAt: _w,
      ...brief
    } = project;
    let creditsSpent = null;
    if (actor.has('provider')) {
      const { hidden: _h, ...spent } = await creditsSpentOn(this.pool, actor.accountId, projectId);
      creditsSpent = spent;
    }
    return { ...brief, creditsSpent };
  }

  @Get('me/projects')
  @Roles('client')
  @ApiOperation({
    summary: 'The client’s own projects',
    description:
      'Every status, newest first, with its label, the selected provider, the terms, the fees (from signature on) and any amount revision awaiting an answer.',
  })
  @ApiOkResponse({ type: ClientProjectListResponse })
  mine(@CurrentActor() actor: Actor, @Query() page: PageQuery) {
    return clientProjects(this.pool, actor.accountId, page.limit ?? 50);
  }

  @Post('projects/:projectId/withdraw')
  @HttpCode(200)
  @Roles('client')
  @ApiParam(PROJECT_ID())
  @ApiStateChange({
    summary: 'Withdraw a project',
    description:
      'Its client only (anyone else gets 404), while it is open (no provider selected): it leaves the open list for good.',
    refusals: [
      UNKNOWN,
      REASON,
      OWNER_ONLY,
      { status: 409, code: C.NOT_OPEN, currentStatus: 'selected' },
    ],
  })
  @ApiOkResponse({ type: ProjectChangeResponse })
  withdraw(
    @CurrentActor() actor: Actor,
    @IdParam('projectId') projectId: string,
    @Body() body: WithdrawProjectDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.act(
      actor,
      'WithdrawProject',
      { projectId, reason: body.reason },
      'client',
      ifMatch,
    );
  }

  @Post('projects/:projectId/selection')
  @HttpCode(200)
  @Roles('client')
  @ApiParam(PROJECT_ID())
  @ApiStateChange({
    summary: 'Select a provider (Étape 2)',
    description:
      'Its client only, while it is open: one provider who made an offer (422 `PROJECT_NO_OFFER` otherwise), never one who declined this project’s terms before. The terms default to the offer’s amount and delay; the client chooses the formula (`base`: the platform only introduces; `r0`: the project account, an option) and who pays the fees. The project leaves the open list and the provider is asked to confirm. Two selections racing: exactly one wins, the other gets 409 `PROJECT_NOT_OPEN`.',
    refusals: [
      UNKNOWN,
      { status: 400, code: C.TERMS_INVALID },
      OWNER_ONLY,
      { status: 409, code: C.NOT_OPEN, currentStatus: 'selected' },
      { status: 422, code: C.NO_OFFER },
      { status: 422, code: C.PROVIDER_DECLINED },
    ],
  })
  @ApiOkResponse({ type: ProjectChangeResponse })
  select(
    @CurrentActor() actor: Actor,
    @IdParam('projectId') projectId: string,
    @Body() body: SelectProviderDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.act(
      actor,
      'SelectProvider',
      {
        projectId,
        providerId: body.providerId.toLowerCase(),
        formula: body.formula,
        feePayer: body.feePayer,
        amountCents: body.amountCents,
        delayDays: body.delayDays,
      },
      'client',
      ifMatch,
    );
  }

  @Post('projects/:projectId/terms/confirm')
  @HttpCode(200)
  @Roles('provider')
  @ApiParam(PROJECT_ID())
  @ApiStateChange({
    summary: 'Confirm the final terms (the agreement page)',
    description:
      'The selected provider only (anyone else gets 404, the client 403): the terms (amount, delay, formula, fee payer) are signed and the fees are fixed on the amount: finder’s fee 5 % (at least 20,00 €, at most the amount), plus the R0 option 2 % (at least 10,00 €) under R0. With fee payer `provider`, confirming is the provider’s agreement to pay them.',
    refusals: [
      UNKNOWN,
      { status: 403, code: C.SELECTED_PROVIDER_ONLY },
      { status: 409, code: C.NOT_SELECTED, currentStatus: 'signed' },
    ],
  })
  @ApiOkResponse({ type: ProjectChangeResponse })
  confirm(
    @CurrentActor() actor: Actor,
    @IdParam('projectId') projectId: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.act(actor, 'ConfirmTerms', { projectId }, 'provider', ifMatch);
  }

  @Post('projects/:projectId/terms/decline')
  @HttpCode(200)
  @Roles('provider')
  @ApiParam(PROJECT_ID())
  @ApiStateChange({
    summary: 'Decline the proposed terms',
    description:
      'The selected provider only: the selection is undone, the project is open again, and this provider cannot be selected again on it.',
    refusals: [
      UNKNOWN,
      REASON,
      { status: 403, code: C.SELECTED_PROVIDER_ONLY },
      { status: 409, code: C.NOT_SELECTED, currentStatus: 'signed' },
    ],
  })
  @ApiOkResponse({ type: ProjectChangeResponse })
  decline(
    @CurrentActor() actor: Actor,
    @IdParam('projectId') projectId: string,
    @Body() body: DeclineTermsDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.act(actor, 'DeclineTerms', { projectId, reason: body.reason }, 'provider', ifMatch);
  }

  @Post('projects/:projectId/amount-revisions')
  @Roles('client', 'provider')
  @ApiParam(PROJECT_ID())
  @ApiStateChange({
    summary: 'Propose a lower amount after signature',
    description:
      'Either party of a signed project, one proposal at a time: only a lower positive amount; under R0 never below what the project account has been funded with. The other party accepts or rejects it; once accepted, the finder’s fee and the R0 option are computed again on the new amount and the difference is refunded.',
    refusals: [
      UNKNOWN,
      REASON,
      { status: 400, code: C.REVISION_AMOUNT_INVALID },
      NOT_SIGNED,
      { status: 409, code: C.REVISION_PENDING, currentStatus: 'signed' },
      { status: 422, code: C.REVISION_NOT_LOWER },
      { status: 422, code: C.REVISION_BELOW_FUNDED },
    ],
  })
  @ApiCreatedResponse({
    type: ProjectChangeResponse,
    description: 'The project with the revision in `pendingRevision`.',
  })
  proposeRevision(
    @CurrentActor() actor: Actor,
    @IdParam('projectId') projectId: string,
    @Body() body: ProposeAmountRevisionDto,
    @Headers('idempotency-key') key?: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    const revisionId = newId(`project-revision:${projectId}`, actor, key);
    return this.act(
      actor,
      'ProposeAmountRevision',
      { projectId, revisionId, toCents: body.toCents, reason: body.reason },
      partyRole(actor),
      ifMatch,
    );
  }

  @Post('projects/:projectId/amount-revisions/:revisionId/accept')
  @HttpCode(200)
  @Roles('client', 'provider')
  @ApiParam(PROJECT_ID())
  @ApiParam(REVISION_ID())
  @ApiStateChange({
    summary: 'Accept a lower amount',
    description:
      'The other party only (422 `PROJECT_OWN_REVISION` for its proposer): the amount is revised and the fees are computed again on it (`fees`).',
    refusals: ANSWER_REFUSALS,
  })
  @ApiOkResponse({ type: ProjectChangeResponse })
  acceptRevision(
    @CurrentActor() actor: Actor,
    @IdParam('projectId') projectId: string,
    @IdParam('revisionId') revisionId: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.act(
      actor,
      'AcceptAmountRevision',
      { projectId, revisionId },
      partyRole(actor),
      ifMatch,
    );
  }

  @Post('projects/:projectId/amount-revisions/:revisionId/reject')
  @HttpCode(200)
  @Roles('client', 'provider')
  @ApiParam(PROJECT_ID())
  @ApiParam(REVISION_ID())
  @ApiStateChange({
    summary: 'Reject a lower amount',
    description: 'The other party only: the signed amount and fees stay as they are.',
    refusals: ANSWER_REFUSALS,
  })
  @ApiOkResponse({ type: ProjectChangeResponse })
  rejectRevision(
    @CurrentActor() actor: Actor,
    @IdParam('projectId') projectId: string,
    @IdParam('revisionId') revisionId: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.act(
      actor,
      'RejectAmountRevision',
      { projectId, revisionId },
      partyRole(actor),
      ifMatch,
    );
  }

  @Post('projects/:projectId/finish')
  @HttpCode(200)
  @Roles('client')
  @ApiParam(PROJECT_ID())
  @ApiStateChange({
    summary: 'Mark the project finished',
    description:
      'Its client only, once signed and with no amount revision awaiting an answer; reviews both ways open.',
    refusals: [
      UNKNOWN,
      OWNER_ONLY,
      NOT_SIGNED,
      { status: 409, code: C.REVISION_PENDING, currentStatus: 'signed' },
    ],
  })
  @ApiOkResponse({ type: ProjectChangeResponse })
  finish(
    @CurrentActor() actor: Actor,
    @IdParam('projectId') projectId: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.act(actor, 'FinishProject', { projectId }, 'client', ifMatch);
  }

  /** Sends one project command (its `data.projectId` names the project) as the actor in `role`. */
  private async act<T extends ProjectCommand['type']>(
    actor: Actor,
    type: T,
    data: Extract<ProjectCommand, { type: T }>['data'],
    role: 'client' | 'provider',
    ifMatch?: string,
  ): Promise<ProjectChangeResponse> {
    const { projectId } = data;
    const command = { type, data, meta: actor.meta(this.clock.now(), role) } as ProjectCommand;
    const result = await asParty<HandleResult<ProjectState, ProjectEvent>>(
      actor,
      () => projectNotFound(projectId),
      () =>
        this.commandBus.execute(
          new ProjectCommandMessage(projectId, command, actor.causation, commandOptions(ifMatch)),
        ),
    );
    const state = result.state;
    if (state.status === 'none') throw projectNotFound(projectId);
    return {
      projectId,
      status: state.status,
      statusLabel: PROJECT_STATUS_LABELS[state.status],
      providerId: state.providerId,
      terms: state.terms,
      fees: state.fees,
      pendingRevision: state.pendingRevision,
      revision: existingRevisionOf(result.nextExpectedRevision),
    };
  }
}

/** A party acts under the role it holds on this project: the active one when it holds both. */
function partyRole(actor: Actor): 'client' | 'provider' {
  if (actor.activeRole === 'client' || actor.activeRole === 'provider') return actor.activeRole;
  return actor.has('client') ? 'client' : 'provider';
}

/** A `YYYY-MM-DD` day (plus `days`) at 00:00 UTC, or the instant given. */
function instant(value: string, days: number): string {
  const at = DAY.test(value) ? new Date(`${value}T00:00:00.000Z`) : new Date(value);
  return new Date(at.getTime() + days * 86_400_000).toISOString();
}
