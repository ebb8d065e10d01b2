import {
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  PipeTransform,
  Post,
  Query,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Pool } from 'pg';
import { Clock } from '../../../application/shared/clock';
import { SolidarityMonthClose } from '../../../application/solidarity/month-close.service';
import { isMonth, SolidarityMonthErrorCode } from '../../../domain/solidarity';
import { NotFoundError, ValidationError } from '../../../domain/shared';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import {
  monthlyReport,
  monthlyReports,
} from '../../../projections/solidarity-pot/solidarity-pot.queries';
import { Actor, CurrentActor, Public, Roles } from '../auth/actor';
import { ApiStateChange } from '../shared/http-support';
import {
  MonthCloseResponse,
  MonthlyReportListResponse,
  MonthlyReportResponse,
  ReportListQuery,
} from './pot.dto';

/** `YYYY-MM`, else 400 SOLIDARITY_INVALID_FIELD. */
class MonthPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (!isMonth(value))
      throw new ValidationError('SOLIDARITY_INVALID_FIELD', 'Invalid field: month (YYYY-MM)', {
        field: 'month',
        value,
      });
    return value;
  }
}

const MONTH_PARAM = { name: 'month', description: 'A Paris month, `YYYY-MM`.', example: '2026-11' };

/** The monthly close and the published reports (issue 18, point 6; docs/solidarity-pot.md). */
@ApiTags('solidarity')
@Controller()
export class SolidarityPotController {
  constructor(
    private readonly closer: SolidarityMonthClose,
    private readonly clock: Clock,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Get('solidarity/reports')
  @Public()
  @ApiOperation({
    summary: 'The published monthly reports of the solidarity pot',
    description:
      'One report per closed Paris month, newest first: the platform’s revenue (HT), the rate, the pot, what was carried in or over, and each partner association with its votes, its amount and whether it was paid. Anyone may read them.',
  })
  @ApiOkResponse({ type: MonthlyReportListResponse })
  list(@Query() query: ReportListQuery) {
    return monthlyReports(this.pool, query.limit ?? 50, query.offset ?? 0);
  }

  @Get('solidarity/reports/:month')
  @Public()
  @ApiParam(MONTH_PARAM)
  @ApiOperation({
    summary: 'The report of one month',
    description:
      'Published once the month is closed; before that 404 `SOLIDARITY_REPORT_NOT_FOUND`.',
  })
  @ApiOkResponse({ type: MonthlyReportResponse })
  @ApiResponse({ status: 400, description: '`SOLIDARITY_INVALID_FIELD`: not a `YYYY-MM` month.' })
  @ApiResponse({
    status: 404,
    description: '`SOLIDARITY_REPORT_NOT_FOUND`: the month is not closed.',
  })
  async get(@Param('month', new MonthPipe()) month: string) {
    const report = await monthlyReport(this.pool, month);
    if (!report)
      throw new NotFoundError(
        SolidarityMonthErrorCode.REPORT_NOT_FOUND,
        'No report for this month (not closed yet)',
        { month },
      );
    return report;
  }

  @Post('admin/solidarity/months/:month/close')
  @HttpCode(200)
  @Roles('finance', 'admin')
  @ApiParam(MONTH_PARAM)
  @ApiStateChange({
    summary: 'Close a past month of the solidarity pot',
    description:
      'What the `solidarity.month-close` job does at the first instant of the next Paris month, for staff (a missed run, a past month): freezes the votes, computes the pot from the ledger and shares it; the payouts follow. Idempotent: a month already closed is answered as it is (`closedNow: false`), nothing changes. A month not over: 409 `SOLIDARITY_MONTH_NOT_OVER`. The previous month has votes and is not closed: 409 `SOLIDARITY_PREVIOUS_MONTH_OPEN` (close it first, its carry-over would be lost). The ledger still catching up: 409 `SOLIDARITY_READ_MODELS_BEHIND`, retry shortly.',
    refusals: [
      { status: 400, code: 'SOLIDARITY_INVALID_FIELD' },
      { status: 409, code: 'SOLIDARITY_MONTH_NOT_OVER' },
      { status: 409, code: 'SOLIDARITY_PREVIOUS_MONTH_OPEN' },
      { status: 409, code: 'SOLIDARITY_READ_MODELS_BEHIND' },
    ],
    ifMatch: false,
  })
  @ApiOkResponse({ type: MonthCloseResponse })
  async close(
    @CurrentActor() actor: Actor,
    @Param('month', new MonthPipe()) month: string,
  ): Promise<MonthCloseResponse> {
    const role = actor.staffRole() ?? 'admin';
    const result = await this.closer.close(
      month,
      actor.meta(this.clock.now(), role),
      actor.causation,
    );
    const state = result.state;
    if (state.status !== 'closed') throw new Error(`Month ${month} not closed after the close`);
    return {
      month,
      closedNow: result.closedNow,
      potCents: state.potCents,
      distributedCents: state.distributedCents,
      carriedOverCents: state.carriedOverCents,
      rule: state.rule,
      shares: Object.entries(state.shares).map(([associationId, s]) => ({
        associationId,
        name: s.name,
        votes: s.votes,
        amountCents: s.amountCents,
      })),
    };
  }
}
