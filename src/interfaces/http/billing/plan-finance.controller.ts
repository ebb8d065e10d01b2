import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Pool } from 'pg';
import { Clock } from '../../../application/shared/clock';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import { parisDate } from '../../../projections/invoices/invoice-numbering';
import {
  monthsBetween,
  paymentIncidents,
  planRevenue,
  renewalsDue,
} from '../../../projections/plan-finance/plan-finance.queries';
import { Roles } from '../auth/actor';
import { ProblemException } from '../problem/problem-details.filter';
import {
  FinancePageQuery,
  PaymentIncidentsResponse,
  PlanRevenueQuery,
  PlanRevenueResponse,
  RenewalsDueQuery,
  RenewalsDueResponse,
} from './plan-finance.dto';

/** At most three years of months in one answer. */
export const MAX_REVENUE_MONTHS = 36;
const DAY_MS = 86_400_000;

function monthsBefore(month: string, count: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Finance's view of the platform's recurring revenue (issue 15, docs/plans-billing.md), read from
 * the `plan_finance` read model: a write just made may take a moment to show.
 */
@ApiTags('finance')
@ApiBearerAuth()
@Controller('admin/finance/plans')
export class PlanFinanceController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly clock: Clock,
  ) {}

  @Get('revenue')
  @Roles('finance', 'admin')
  @ApiOperation({
    summary: 'Recurring revenue per month',
    description:
      'Per Paris month of the range (every month listed, zeros included): subscription charges (first periods, tacit renewals, reinstatements) with their count, HT, VAT and TTC, split by plan kind (`pro`, `credits`); hour packs sold; hour-pack refunds; and the net. Revenue is recognised when charged: a period or a pack counts in the month it was paid. At most 36 months; default the last 12 up to the current month.',
  })
  @ApiOkResponse({ type: PlanRevenueResponse })
  @ApiResponse({
    status: 400,
    description: `\`REVENUE_RANGE_INVALID\`: \`from\` after \`to\`, or more than ${MAX_REVENUE_MONTHS} months.`,
    content: {
      'application/problem+json': {
        example: {
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          code: 'REVENUE_RANGE_INVALID',
          detail: 'from must not be after to',
        },
      },
    },
  })
  revenue(@Query() q: PlanRevenueQuery) {
    const to = q.to ?? parisDate(this.clock.now().toISOString()).slice(0, 7);
    const from = q.from ?? monthsBefore(to, 11);
    if (from > to)
      throw new ProblemException(400, 'REVENUE_RANGE_INVALID', 'from must not be after to', {
        from,
        to,
      });
    if (monthsBetween(from, to).length > MAX_REVENUE_MONTHS)
      throw new ProblemException(
        400,
        'REVENUE_RANGE_INVALID',
        `At most ${MAX_REVENUE_MONTHS} months at once`,
        { from, to },
      );
    return planRevenue(this.pool, from, to);
  }

  @Get('renewals-due')
  @Roles('finance', 'admin')
  @ApiOperation({
    summary: 'Renewals due',
    description:
      'Running subscriptions whose period ends within `days` days (default 7) and that will renew by tacit renewal then: not cancelled, not paused nor with a pause scheduled, not in payment incident (see incidents). A period end already past whose renewal has not run yet is listed as `overdue`. Each with the amount the renewal will charge (the plan’s current price: a revision applies from the next period), soonest first, and the count and total of all.',
  })
  @ApiOkResponse({ type: RenewalsDueResponse })
  renewalsDue(@Query() q: RenewalsDueQuery) {
    const now = this.clock.now();
    const until = new Date(now.getTime() + (q.days ?? 7) * DAY_MS);
    return renewalsDue(this.pool, now, until, { limit: q.limit ?? 50, offset: q.offset ?? 0 });
  }

  @Get('incidents')
  @Roles('finance', 'admin')
  @ApiOperation({
    summary: 'Payment incidents',
    description:
      'Subscriptions whose renewal charge was refused ("incident de paiement"): `incident` while retries are scheduled (`nextAttemptAt`), `suspended` once every retry failed. Each with the attempts so far, the amount owed (the refused charge, TTC), the first refusal (`since`) and the last failure code; oldest first. A retry that succeeds, a reinstatement or a cancellation takes it off the list.',
  })
  @ApiOkResponse({ type: PaymentIncidentsResponse })
  incidents(@Query() q: FinancePageQuery) {
    return paymentIncidents(this.pool, { limit: q.limit ?? 50, offset: q.offset ?? 0 });
  }
}
