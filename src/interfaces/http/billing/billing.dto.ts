import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageQuery } from '../shared/page-query.dto';

export class TrialBalanceQuery {
  @ApiPropertyOptional({
    example: '2026-12-31T23:59:59Z',
    description: 'Only entries up to this instant',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

export class JournalQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  escrowId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  payoutId?: string;
}

export class InvoiceListQuery extends PageQuery {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ example: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Finance and admin only: list this account’s invoices',
  })
  @IsOptional()
  @IsUUID()
  accountId?: string;
}
