import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { CreditAdminService } from '../../../application/plans/credit-admin.service';
import { Clock } from '../../../application/shared/clock';
import { CREDIT_KINDS, type CreditAllowance, type CreditRefunded } from '../../../domain/plans';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import { creditHistory, creditLedger } from '../../../projections/credits/credits.queries';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { IdParam } from '../problem/id-param';
import { ApiStateChange } from '../shared/http-support';
import {
  BonusCreditsDto,
  CREDITS_EXAMPLE,
  CreditBonusResponse,
  CreditHistoryQuery,
  CreditHistoryResponse,
  CreditLedgerResponse,
  CreditRefundResponse,
  RefundCreditDto,
} from './credits.dto';

const ACCOUNT_ID = { name: 'accountId', example: CREDITS_EXAMPLE.accountId };
const pageOf = (q: CreditHistoryQuery) => ({
  limit: q.limit ?? 50,
  ...(q.kind ? { kind: q.kind } : {}),
  ...(q.cursor ? { cursor: q.cursor } : {}),
});

const LEDGER_DESCRIPTION =
  'Balance per kind ("Consultation", "Offre", "Contact direct"), whether a payment incident froze the credits, whether the account was closed, and the totals granted, spent, refunded and forfeited (`balance = granted − spent + refunded − forfeited`). Unspent credits carry over from period to period without expiry while the account exists (`carryOver`). Read from the `credit_ledger` read model, so a movement just made may take a moment to show.';
const HISTORY_DESCRIPTION =
  'Every grant (a period’s allowance or staff’s bonus with its reason), spend (with its subject and `spendId`), refund (with its reason), freeze and unfreeze, and the forfeit at closure, newest first, each with its date, kind, signed amount and the balance after it. `kind` keeps that kind’s lines (and the freezes); `cursor` is the `nextCursor` of the page before.';

/**
 * The credit ledger over HTTP (issue 15, seed 003): the provider reads their credits and their
 * history ("Où est-ce que je contrôle la gestion des crédits … et leur consommation ?"); staff read
 * any account's, refund a spend and grant bonus credits. Spending has no route of its own: the
 * tenders' routes spend through `CREDIT_SPENDING`.
 */
@ApiTags('credits')
@Controller()
export class CreditsController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly admin: CreditAdminService,
    private readonly clock: Clock,
  ) {}

  @Get('me/credits')
  @Roles('provider')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'My credits', description: LEDGER_DESCRIPTION })
  @ApiOkResponse({ type: CreditLedgerResponse })
  mine(@CurrentActor() actor: Actor) {
    return creditLedger(this.pool, actor.accountId);
  }

  @Get('me/credits/history')
  @Roles('provider')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The history of my credits', description: HISTORY_DESCRIPTION })
  @ApiOkResponse({ type: CreditHistoryResponse })
  myHistory(@CurrentActor() actor: Actor, @Query() query: CreditHistoryQuery) {
    return creditHistory(this.pool, actor.accountId, pageOf(query));
  }

  @Get('admin/accounts/:accountId/credits')
  @Roles('admin', 'finance', 'mediator')
  @ApiBearerAuth()
  @ApiParam(ACCOUNT_ID)
  @ApiOperation({
    summary: 'An account’s credits (staff)',
    description: `What the provider sees on \`GET /me/credits\`. ${LEDGER_DESCRIPTION} An account without any movement shows zeros.`,
  })
  @ApiOkResponse({ type: CreditLedgerResponse })
  ofAccount(@IdParam('accountId') accountId: string) {
    return creditLedger(this.pool, accountId);
  }

  @Get('admin/accounts/:accountId/credits/history')
  @Roles('admin', 'finance', 'mediator')
  @ApiBearerAuth()
  @ApiParam(ACCOUNT_ID)
  @ApiOperation({
    summary: 'The history of an account’s credits (staff)',
    description: `What the provider sees on \`GET /me/credits/history\`; a spend's \`spendId\` is what a refund names. ${HISTORY_DESCRIPTION}`,
  })
  @ApiOkResponse({ type: CreditHistoryResponse })
  historyOf(@IdParam('accountId') accountId: string, @Query() query: CreditHistoryQuery) {
    return creditHistory(this.pool, accountId, pageOf(query));
  }

  @Post('admin/accounts/:accountId/credits/refunds')
  @Roles('admin')
  @HttpCode(201)
  @ApiParam(ACCOUNT_ID)
  @ApiStateChange({
    summary: 'Refund a spent credit',
    description:
      'Gives one spend back to the provider, once: the project was no longer current (`project_no_longer_current`), the same credit was spent twice on one project by mistake (`spent_twice`), or `other` with a `note`. The credit returns to its kind’s balance (still frozen if a payment incident holds). The spend must be this account’s (404 `CREDIT_SPEND_NOT_FOUND`); a second refund of it answers 409 `CREDIT_ALREADY_REFUNDED`.',
    refusals: [
      { status: 400, code: 'CREDITS_INVALID_REASON' },
      { status: 400, code: 'CREDITS_INVALID_NOTE' },
      { status: 404, code: 'CREDIT_SPEND_NOT_FOUND' },
      { status: 409, code: 'CREDIT_ALREADY_REFUNDED', currentStatus: 'refunded' },
      { status: 409, code: 'CREDITS_ACCOUNT_CLOSED', currentStatus: 'closed' },
    ],
    ifMatch: false,
  })
  @ApiResponse({
    status: 201,
    type: CreditRefundResponse,
    description: 'The refund and the ledger after it.',
  })
  async refund(
    @CurrentActor() actor: Actor,
    @IdParam('accountId') accountId: string,
    @Body() body: RefundCreditDto,
  ): Promise<CreditRefundResponse> {
    const { refunded, ledger } = await this.admin.refund({
      accountId,
      spendId: body.spendId,
      reason: body.reason,
      note: body.note ?? null,
      meta: actor.meta(this.clock.now(), 'admin'),
      causation: actor.causation,
    });
    const d = (refunded as CreditRefunded).data;
    return {
      spendId: d.spendId,
      kind: d.kind,
      subject: d.subject,
      reason: d.reason,
      note: d.note,
      refundedAt: d.refundedAt,
      ledger,
    };
  }

  @Post('admin/accounts/:accountId/credits/bonus')
  @Roles('admin')
  @HttpCode(201)
  @ApiParam(ACCOUNT_ID)
  @ApiStateChange({
    summary: 'Grant bonus credits',
    description:
      'Staff grant credits outside any subscription, with a reason the provider reads in their history (1 to 200 characters, e.g. "Article promouvant la plateforme"). Each kind 0 to 1000, at least one above 0. With an `Idempotency-Key`, a repeat grants nothing more. The account must exist (404 `ACCOUNT_NOT_FOUND`) and not be closed (409 `CREDITS_ACCOUNT_CLOSED`). Bonus credits carry over like the others.',
    refusals: [
      { status: 400, code: 'CREDITS_INVALID_AMOUNT' },
      { status: 400, code: 'CREDITS_INVALID_REASON' },
      { status: 404, code: 'ACCOUNT_NOT_FOUND' },
      { status: 409, code: 'CREDITS_ACCOUNT_CLOSED', currentStatus: 'closed' },
    ],
    ifMatch: false,
  })
  @ApiResponse({
    status: 201,
    type: CreditBonusResponse,
    description: 'The grant and the ledger after it.',
  })
  async bonus(
    @CurrentActor() actor: Actor,
    @IdParam('accountId') accountId: string,
    @Body() body: BonusCreditsDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<CreditBonusResponse> {
    const credits = Object.fromEntries(
      CREDIT_KINDS.map((k) => [k, body.credits[k] ?? 0]),
    ) as CreditAllowance;
    const { grantId, ledger } = await this.admin.grantBonus({
      accountId,
      credits,
      reason: body.reason,
      requestId: key ? `key:${actor.accountId}:${key}` : randomUUID(),
      meta: actor.meta(this.clock.now(), 'admin'),
      causation: actor.causation,
    });
    return { grantId, credits, reason: body.reason.trim().replace(/\s+/g, ' '), ledger };
  }
}
