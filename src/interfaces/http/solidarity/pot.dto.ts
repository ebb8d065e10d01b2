import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQuery } from '../shared/page-query.dto';

const INSTANT = { type: String, format: 'date-time', example: '2026-11-30T23:00:00.000Z' };
const STATUSES = ['owed', 'in_wallet', 'payout_requested', 'paid', 'payout_failed'];
const RULES = ['votes', 'equal_shares', 'carried_over'];

export class ReportListQuery extends PageQuery {
  @ApiPropertyOptional({ example: 0, minimum: 0, maximum: 10_000, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  offset?: number;
}

export class ReportShareResponse {
  @ApiProperty({ example: 'acc_restos_du_coeur' }) associationId!: string;
  @ApiProperty({ example: 'Les Restos du Cœur' }) name!: string;
  @ApiProperty({ type: 'integer', example: 12 }) votes!: number;
  @ApiProperty({ type: 'integer', description: 'The share, in cents.', example: 41_250 })
  amountCents!: number;
  @ApiProperty({
    enum: STATUSES,
    description:
      '`owed` at the close, `in_wallet` once credited to the association’s wallet (it stays there while the association has no withdrawal account), `payout_requested`, `paid` once sent to its account, `payout_failed` (the money went back to its wallet).',
    example: 'paid',
  })
  status!: string;
  @ApiProperty({ description: 'True once the payout was sent.', example: true }) paid!: boolean;
}

export class MonthlyReportResponse {
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty({
    type: 'integer',
    description:
      'The platform’s revenue of the Paris month, HT, in cents (docs/solidarity-pot.md); may be negative.',
    example: 1_650_000,
  })
  revenueCents!: number;
  @ApiProperty({
    type: 'integer',
    description: 'The rate, in basis points (500 = 5 %).',
    example: 500,
  })
  rateBp!: number;
  @ApiProperty({
    type: 'integer',
    description: 'revenue × rate, half-even; 0 for a negative month.',
    example: 82_500,
  })
  potCents!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Carried over from the previous month (it had no partner).',
    example: 0,
  })
  carriedInCents!: number;
  @ApiProperty({ type: 'integer', description: 'Shared among the associations.', example: 82_500 })
  distributedCents!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Carried to the next month (no partner).',
    example: 0,
  })
  carriedOverCents!: number;
  @ApiProperty({
    enum: RULES,
    description:
      '`votes`: in proportion to the votes; `equal_shares`: no vote, equal shares; `carried_over`: no partner.',
    example: 'votes',
  })
  rule!: string;
  @ApiProperty({ type: 'integer', example: 20 }) votesCounted!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Votes for associations no longer partners at the close: not counted.',
    example: 0,
  })
  votesVoid!: number;
  @ApiProperty(INSTANT) closedAt!: string;
  @ApiProperty({ type: [ReportShareResponse] }) associations!: ReportShareResponse[];
}

export class MonthlyReportListResponse {
  @ApiProperty({ type: [MonthlyReportResponse] }) items!: MonthlyReportResponse[];
  @ApiProperty({ type: 'integer', example: 1 }) total!: number;
}

export class CloseShareResponse {
  @ApiProperty({ example: 'acc_restos_du_coeur' }) associationId!: string;
  @ApiProperty({ example: 'Les Restos du Cœur' }) name!: string;
  @ApiProperty({ type: 'integer', example: 12 }) votes!: number;
  @ApiProperty({ type: 'integer', example: 41_250 }) amountCents!: number;
}

export class MonthCloseResponse {
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty({
    description: 'False when the month was already closed: this run changed nothing.',
    example: true,
  })
  closedNow!: boolean;
  @ApiProperty({ type: 'integer', example: 82_500 }) potCents!: number;
  @ApiProperty({ type: 'integer', example: 82_500 }) distributedCents!: number;
  @ApiProperty({ type: 'integer', example: 0 }) carriedOverCents!: number;
  @ApiProperty({ enum: RULES, example: 'votes' }) rule!: string;
  @ApiProperty({ type: [CloseShareResponse] }) shares!: CloseShareResponse[];
}
