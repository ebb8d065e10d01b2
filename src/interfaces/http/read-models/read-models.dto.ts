import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ORDER_STATUS_LABELS } from '../../../domain/orders';
import { GIG_SORTS, GigSort } from '../../../projections/catalog/gig-search.queries';

const ORDER_STATUSES = Object.keys(ORDER_STATUS_LABELS);

export class PageQuery {
  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class BuyerDashboardQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: ORDER_STATUSES,
    example: 'delivered',
    description: 'Only orders in this status',
  })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: string;
}

export class GigSearchQuery extends PageQuery {
  @ApiPropertyOptional({
    example: 'logo vectoriel',
    description:
      'Words searched in title, keywords, category and description (French stemming, accents ignored)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: 'graphisme' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  category?: string;

  @ApiPropertyOptional({ example: 2000, description: 'Lowest TTC price, in cents' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minPriceCents?: number;

  @ApiPropertyOptional({ example: 15000, description: 'Highest TTC price, in cents' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  maxPriceCents?: number;

  @ApiPropertyOptional({ enum: GIG_SORTS, default: 'relevance' })
  @IsOptional()
  @IsIn(GIG_SORTS as unknown as string[])
  sort?: GigSort;

  @ApiPropertyOptional({ example: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  offset?: number;
}

export class MediationQueueQuery extends PageQuery {
  @ApiPropertyOptional({
    example: 'open,under_review',
    description: 'Comma-separated dispute statuses; defaults to every open status',
  })
  @IsOptional()
  @Matches(
    /^(open|under_review|settlement_proposed|resolved|withdrawn)(,(open|under_review|settlement_proposed|resolved|withdrawn))*$/,
  )
  status?: string;

  @ApiPropertyOptional({
    example: 'me',
    description: '`me`, `unassigned`, or a mediator account id',
  })
  @IsOptional()
  @Matches(
    /^(me|unassigned|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/,
  )
  assignee?: string;
}

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
