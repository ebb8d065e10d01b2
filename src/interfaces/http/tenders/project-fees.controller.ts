import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  FEE_FIELD,
  type FeeProject,
  ProjectFeesAppErrorCode as Code,
  ProjectFeesService,
} from '../../../application/tenders/project-fees.service';
import { projectFeeChargeId } from '../../../application/tenders/tender-ids';
import { NotFoundError } from '../../../domain/shared';
import { PROJECT_FEE_KINDS, type ProjectFeesState } from '../../../domain/tenders';
import { TenderFeesReader } from '../../../projections/tender-fees/tender-fees.queries';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { IdParam } from '../problem/id-param';
import { ApiStateChange } from '../shared/http-support';
import {
  PayProjectFeesDto,
  ProjectFeeLineResponse,
  ProjectFeesResponse,
  TenderFeesListResponse,
  TenderFeesQuery,
} from './project-fees.dto';

const KIND_LABELS = {
  finder_fee: 'Commission de mise en relation',
  r0_option: 'Option R0 (risque 0)',
} as const;

const NOT_FOUND_DOC = {
  status: 404,
  description:
    '`PROJECT_FEES_NOT_FOUND`: no such project, or the caller is not one of its two parties.',
  content: {
    'application/problem+json': {
      example: {
        type: 'https://docs.marketplace.local/problems/project-fees-not-found',
        title: 'Not Found',
        status: 404,
        code: Code.NOT_FOUND,
        detail: 'No such project',
      },
    },
  },
};

const badInputDoc = (code: string) => ({
  status: 400,
  description: `\`${code}\``,
  content: {
    'application/problem+json': {
      example: {
        type: `https://docs.marketplace.local/problems/${code.toLowerCase().replace(/_/g, '-')}`,
        title: 'Bad Request',
        status: 400,
        code,
        detail: 'See the code',
      },
    },
  },
});

const notFound = (projectId: string) =>
  new NotFoundError(Code.NOT_FOUND, 'No such project', { projectId });

/**
 * The platform's fees on a signed project (seed 003 "commission de mise en relation", "formule
 * R0", docs/tenders-fees.md): what is due, charged and refunded, who pays, the invoices; the payer
 * pays again after a refused charge; finance lists every fee with totals.
 */
@ApiTags('tenders: fees')
@ApiBearerAuth()
@Controller()
export class ProjectFeesController {
  constructor(
    private readonly fees: ProjectFeesService,
    private readonly reader: TenderFeesReader,
  ) {}

  @Get('projects/:projectId/fees')
  @Roles('client', 'provider')
  @ApiOperation({
    summary: 'The fees of my project ("Frais")',
    description:
      'For the client and the selected provider: who pays (`feePayer`, the client unless both agreed on the provider), each fee (the finder’s fee, and the R0 option under the R0 formula) with what is due on the amount agreed now, what was charged and refunded, refused attempts, and the platform’s invoices and credit notes (their PDFs at `GET /invoices/{invoiceId}.pdf`). Read from the project’s streams, so always current; the invoices follow within a second.',
  })
  @ApiOkResponse({ type: ProjectFeesResponse })
  @ApiResponse(NOT_FOUND_DOC)
  @ApiResponse(badInputDoc('INVALID_ID'))
  async get(
    @CurrentActor() actor: Actor,
    @IdParam('projectId') projectId: string,
  ): Promise<ProjectFeesResponse> {
    const project = await this.fees.project(projectId);
    if (
      !project ||
      (actor.accountId !== project.clientId && actor.accountId !== project.providerId)
    )
      throw notFound(projectId);
    return this.view(project, await this.fees.fees(projectId));
  }

  @Post('projects/:projectId/fees/pay')
  @HttpCode(200)
  @Roles('client', 'provider')
  @ApiStateChange({
    summary: 'Pay my project’s fees again ("Payer à nouveau")',
    description:
      'After a refused charge (or with no card saved), the payer — the client, or the provider when `feePayer` is `provider` — saves a card and every fee still unpaid is charged to it, once (keys derived from the charge and its attempt). A refused card is recorded as a failed attempt and answered 422 `PAYMENT_DECLINED`. The other party gets 403 `PROJECT_FEES_NOT_PAYER`; fees all paid are 409 `PROJECT_FEES_NOTHING_DUE`.',
    refusals: [
      { status: 404, code: Code.NOT_FOUND },
      { status: 403, code: Code.NOT_PAYER },
      { status: 409, code: Code.NOT_SIGNED, currentStatus: 'selected' },
      { status: 409, code: Code.NOTHING_DUE },
      { status: 422, code: 'PAYMENT_DECLINED' },
    ],
    ifMatch: false,
  })
  @ApiOkResponse({ type: ProjectFeesResponse, description: 'The fees, paid.' })
  async pay(
    @CurrentActor() actor: Actor,
    @IdParam('projectId') projectId: string,
    @Body() body: PayProjectFeesDto,
  ): Promise<ProjectFeesResponse> {
    const project = await this.fees.pay(
      projectId,
      actor.accountId,
      body.paymentMethodId,
      actor.causation,
    );
    return this.view(project, await this.fees.fees(projectId));
  }

  @Get('finance/tender-fees')
  @Roles('finance', 'admin')
  @ApiOperation({
    summary: 'Project fees (finance)',
    description:
      'Every finder’s fee and R0 option, most recently changed first, by status (`failed`: the last attempt was refused) and kind, with the totals charged, refunded and net (TTC) over the filter. From the `tender_fees` read model (about a second behind).',
  })
  @ApiOkResponse({ type: TenderFeesListResponse })
  @ApiResponse(badInputDoc('VALIDATION_FAILED'))
  list(@Query() query: TenderFeesQuery): Promise<TenderFeesListResponse> {
    return this.reader.list({
      status: query.status,
      kind: query.kind,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  }

  private async view(project: FeeProject, fees: ProjectFeesState): Promise<ProjectFeesResponse> {
    const signed = project.state.status === 'signed' || project.state.status === 'finished';
    const kinds = PROJECT_FEE_KINDS.filter(
      (kind) => (project.state.fees?.[FEE_FIELD[kind]] ?? 0) > 0 || fees.lines[kind],
    );
    const chargeIds = kinds.map((k) => fees.lines[k]?.chargeId).filter((id): id is string => !!id);
    const invoices = await this.reader.invoicesOf(chargeIds);
    const lines: ProjectFeeLineResponse[] = kinds.map((kind) => {
      const line = fees.lines[kind];
      return {
        kind,
        label: KIND_LABELS[kind],
        chargeId: line?.chargeId ?? projectFeeChargeId(project.projectId, kind),
        status: line?.status ?? 'due',
        dueCents: project.state.fees?.[FEE_FIELD[kind]] ?? 0,
        chargedCents: line?.chargedCents ?? 0,
        refundedCents: line?.refundedCents ?? 0,
        failedAttempts: line?.failures ?? 0,
        lastFailureCode: line?.status === 'failed' ? line.lastFailureCode : null,
        chargedAt: line?.chargedAt ?? null,
        invoices: invoices
          .filter((i) => i.saleId === line?.chargeId)
          .map(({ invoiceId, number, kind: k, totalTtcCents, issuedAt }) => ({
            invoiceId,
            number,
            kind: k,
            totalTtcCents,
            issuedAt,
          })),
      };
    });
    const status = !signed
      ? 'not_signed'
      : lines.every((l) => l.status === 'charged')
        ? 'paid'
        : lines.some((l) => l.status === 'failed')
          ? 'failed'
          : 'due';
    return {
      projectId: project.projectId,
      formula: project.state.terms?.formula ?? null,
      feePayer: project.state.terms?.feePayer ?? null,
      payerId: project.payerId,
      status,
      amountCents: signed ? (project.state.terms?.amountCents ?? null) : null,
      lines,
      totalDueCents: lines.reduce((s, l) => s + l.dueCents, 0),
      totalChargedCents: lines.reduce((s, l) => s + l.chargedCents, 0),
      totalRefundedCents: lines.reduce((s, l) => s + l.refundedCents, 0),
    };
  }
}
