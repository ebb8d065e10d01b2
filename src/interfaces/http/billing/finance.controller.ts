import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { JournalResponse, TrialBalanceResponse } from './billing-responses.dto';
import { Pool } from 'pg';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import { journal, trialBalance } from '../../../projections/ledger/ledger.queries';
import { Roles } from '../auth/actor';
import { JournalQuery, TrialBalanceQuery } from './billing.dto';

@ApiTags('finance')
@ApiBearerAuth()
@Controller('finance')
export class FinanceController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get('trial-balance')
  @Roles('finance', 'admin')
  @ApiOperation({
    summary: 'Trial balance',
    description:
      'Debits, credits and balance per ledger account; the total balance is zero when every entry balances.',
  })
  @ApiResponse({ status: 200, type: TrialBalanceResponse })
  trialBalance(@Query() q: TrialBalanceQuery) {
    return trialBalance(this.pool, q.asOf ? new Date(q.asOf) : undefined);
  }

  @Get('journal')
  @Roles('finance', 'admin')
  @ApiOperation({
    summary: 'Journal entries',
    description:
      'Newest double-entry journal entries with their lines, optionally for one escrow or payout.',
  })
  @ApiResponse({ status: 200, type: JournalResponse })
  journal(@Query() q: JournalQuery) {
    return journal(this.pool, { limit: q.limit ?? 50, escrowId: q.escrowId, payoutId: q.payoutId });
  }
}
