import { Body, Controller, Get, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Pool } from 'pg';
import { Clock } from '../../../application/shared/clock';
import {
  AccountSnapshot,
  ProjectAccountService,
} from '../../../application/tenders/project-account.service';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import {
  accountView,
  tenderAccount,
} from '../../../projections/tender-accounts/tender-accounts.queries';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { IdParam } from '../problem/id-param';
import { ApiStateChange, newId } from '../shared/http-support';
import { FundTrancheDto, TenderAccountResponse } from './tender-account.dto';

const NOT_FOUND_DOC = {
  status: 404,
  description:
    '`PROJECT_NOT_FOUND`: no such project, or you are neither its client nor its selected provider.',
};

const snapshotView = (s: AccountSnapshot) =>
  accountView(
    {
      projectId: s.projectId,
      escrowId: s.escrowId,
      clientId: s.project.brief?.clientId ?? null,
      providerId: s.project.providerId,
      formula: s.project.terms?.formula ?? null,
      agreedCents: s.project.terms?.amountCents ?? 0,
    },
    s.account,
  );

/**
 * The R0 account of a tender project (seed 003 "Formule R0", docs/tenders-r0.md): the client
 * funds it by tranches up to the agreed amount, both parties read "gestion paiements", the client
 * releases a tranche on receipt of its deliverable. Going to the SMA is the disputes context's
 * `POST /projects/{projectId}/disputes`.
 */
@ApiTags('tenders: account')
@ApiBearerAuth()
@Controller('projects/:projectId')
export class TenderAccountController {
  constructor(
    private readonly accounts: ProjectAccountService,
    private readonly clock: Clock,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Get('account')
  @Roles('client', 'provider')
  @ApiOperation({
    summary: 'Gestion paiements: the project’s internal account (client and selected provider)',
    description:
      'The agreed amount (following accepted revisions), what the client funded, what was released to the provider, refunded to the client, what is on the account now (`heldCents`: the only part the provider should work on) and what is still unfunded (agreed − funded), with each tranche and its state in French. Read from the `tender_accounts` read model; a project not yet in it is read from its streams. Anyone but the client and the selected provider gets 404.',
  })
  @ApiOkResponse({ type: TenderAccountResponse })
  @ApiResponse(NOT_FOUND_DOC)
  async get(@CurrentActor() actor: Actor, @IdParam('projectId') projectId: string) {
    const row = await tenderAccount(this.pool, projectId);
    if (row && (row.clientId === actor.accountId || row.providerId === actor.accountId)) return row;
    return snapshotView(await this.accounts.snapshot(projectId, actor.accountId));
  }

  @Post('account/tranches')
  @Roles('client')
  @ApiStateChange({
    summary: 'Alimenter le compte interne: fund a tranche of the project’s R0 account (client)',
    description:
      'Once the project is signed under the R0 formula, the client pays a tranche by card: it is charged at once through the payment gateway, then recorded on the project’s account (its escrow, with no commission: the platform’s income is its fees). The total funded never exceeds the agreed amount (422 `PROJECT_ACCOUNT_OVERFUNDED`, with `unfundedCents`). A declined card funds nothing (422 `PAYMENT_DECLINED`). Refused while a dispute freezes the account (409 `PROJECT_ACCOUNT_FROZEN`). The provider is told by e-mail (`tenders.r0_funded`). With an `Idempotency-Key` the tranche id derives from it, so a repeat charges nothing more and answers the same account.',
    refusals: [
      { status: 404, code: 'PROJECT_NOT_FOUND' },
      { status: 409, code: 'PROJECT_ACCOUNT_NOT_SIGNED', currentStatus: 'selected' },
      { status: 409, code: 'PROJECT_ACCOUNT_FROZEN', currentStatus: 'frozen' },
      { status: 422, code: 'PROJECT_ACCOUNT_NOT_R0' },
      { status: 422, code: 'PROJECT_ACCOUNT_OVERFUNDED' },
      { status: 422, code: 'PAYMENT_METHOD_NOT_ACCEPTED' },
      { status: 422, code: 'PAYMENT_DECLINED' },
    ],
    ifMatch: false,
  })
  @ApiResponse({
    status: 201,
    type: TenderAccountResponse,
    description: 'The account with the new tranche.',
  })
  async fund(
    @CurrentActor() actor: Actor,
    @IdParam('projectId') projectId: string,
    @Body() body: FundTrancheDto,
    @Headers('idempotency-key') key?: string,
  ) {
    const trancheId = newId('project-tranche', actor, key);
    const snapshot = await this.accounts.fund(
      {
        projectId,
        trancheId,
        amountCents: body.amountCents,
        label: body.label,
        paymentMethodId: body.paymentMethodId,
      },
      actor.meta(this.clock.now(), 'client'),
      actor.causation,
    );
    return snapshotView(snapshot);
  }

  @Post('account/tranches/:trancheId/release')
  @HttpCode(200)
  @Roles('client')
  @ApiStateChange({
    summary: 'Libérer une tranche: release a tranche to the provider (client)',
    description:
      'The client acknowledges receipt of the deliverable the tranche paid for ("accuse bonne réception du livrable"): its whole amount is released to the provider, with no commission. The provider then uploads their invoice on "demandes de paiement" to be paid by bank transfer. Refused while a dispute freezes the account (409 `PROJECT_ACCOUNT_FROZEN`) and for a tranche already released or given back (409 `PROJECT_TRANCHE_ALREADY_SETTLED`). A repeat of a release answers the same account.',
    refusals: [
      { status: 404, code: 'PROJECT_NOT_FOUND' },
      { status: 404, code: 'PROJECT_TRANCHE_NOT_FOUND' },
      { status: 409, code: 'PROJECT_ACCOUNT_FROZEN', currentStatus: 'frozen' },
      { status: 409, code: 'PROJECT_TRANCHE_ALREADY_SETTLED', currentStatus: 'refunded' },
    ],
    ifMatch: false,
  })
  @ApiOkResponse({ type: TenderAccountResponse, description: 'The account after the release.' })
  async release(
    @CurrentActor() actor: Actor,
    @IdParam('projectId') projectId: string,
    @IdParam('trancheId') trancheId: string,
  ) {
    const snapshot = await this.accounts.release(
      projectId,
      trancheId,
      actor.meta(this.clock.now(), 'client'),
      actor.causation,
    );
    return snapshotView(snapshot);
  }
}
