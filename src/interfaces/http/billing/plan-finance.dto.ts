import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PageQuery } from '../shared/page-query.dto';

const MONTH = /^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/;

export class PlanRevenueQuery {
  @ApiPropertyOptional({
    example: '2026-01',
    description: 'First Paris month (`YYYY-MM`), included; default: 11 months before `to`.',
  })
  @IsOptional()
  @Matches(MONTH, { message: 'from must be a month YYYY-MM' })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12',
    description: 'Last Paris month (`YYYY-MM`), included; default: the current month.',
  })
  @IsOptional()
  @Matches(MONTH, { message: 'to must be a month YYYY-MM' })
  to?: string;
}

export class FinancePageQuery extends PageQuery {
  @ApiPropertyOptional({ example: 0, default: 0, minimum: 0, maximum: 100000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000)
  offset?: number;
}

export class RenewalsDueQuery extends FinancePageQuery {
  @ApiPropertyOptional({
    example: 7,
    default: 7,
    minimum: 1,
    maximum: 366,
    description: 'Period ends within this many days from now.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(366)
  days?: number;
}

export class RevenueFiguresResponse {
  @ApiProperty({ type: 'integer', example: 12 }) count!: number;
  @ApiProperty({ type: 'integer', example: 29_900 }) totalHtCents!: number;
  @ApiProperty({ type: 'integer', example: 5_980 }) vatCents!: number;
  @ApiProperty({ type: 'integer', example: 35_880 }) totalTtcCents!: number;
}

export class RevenueByPlanKindResponse {
  @ApiProperty({ type: RevenueFiguresResponse, description: 'The Pro subscription.' })
  pro!: RevenueFiguresResponse;
  @ApiProperty({ type: RevenueFiguresResponse, description: 'Subscriptions with credits.' })
  credits!: RevenueFiguresResponse;
}

export class SubscriptionRevenueResponse extends RevenueFiguresResponse {
  @ApiProperty({ type: RevenueByPlanKindResponse }) byPlanKind!: RevenueByPlanKindResponse;
}

export class RevenueTotalsResponse {
  @ApiProperty({
    type: SubscriptionRevenueResponse,
    description:
      'Subscription charges: first periods, tacit renewals, reinstatements after a payment incident.',
  })
  subscriptions!: SubscriptionRevenueResponse;
  @ApiProperty({ type: RevenueFiguresResponse, description: 'Hour packs sold.' })
  hourPacks!: RevenueFiguresResponse;
  @ApiProperty({ type: RevenueFiguresResponse, description: 'Hour-pack refunds (deducted).' })
  refunds!: RevenueFiguresResponse;
  @ApiProperty({ type: 'integer', description: 'Subscriptions + packs − refunds, HT.' })
  netHtCents!: number;
  @ApiProperty({ type: 'integer', description: 'Subscriptions + packs − refunds, TTC.' })
  netTtcCents!: number;
}

export class MonthRevenueResponse extends RevenueTotalsResponse {
  @ApiProperty({ example: '2026-12', description: 'Paris month.' }) month!: string;
}

export class PlanRevenueResponse {
  @ApiProperty({ example: '2026-01' }) from!: string;
  @ApiProperty({ example: '2026-12' }) to!: string;
  @ApiProperty({
    type: [MonthRevenueResponse],
    description: 'Every month of the range, oldest first.',
  })
  months!: MonthRevenueResponse[];
  @ApiProperty({ type: RevenueTotalsResponse }) totals!: RevenueTotalsResponse;
}

export class RenewalDueResponse {
  @ApiProperty() subscriptionId!: string;
  @ApiProperty() accountId!: string;
  @ApiProperty() planId!: string;
  @ApiProperty({ example: 'Pro' }) planName!: string;
  @ApiProperty({ enum: ['pro', 'credits'] }) planKind!: string;
  @ApiProperty({ enum: ['month', 'quarter', 'year'] }) billingPeriod!: string;
  @ApiProperty({ type: 'integer', example: 3, description: 'The period that ends.' })
  currentPeriod!: number;
  @ApiProperty({ format: 'date-time' }) periodEndsAt!: string;
  @ApiProperty({ description: 'The period end is past and the renewal has not run yet.' })
  overdue!: boolean;
  @ApiProperty({
    type: 'integer',
    example: 2_990,
    description: 'What the renewal will charge: the plan’s current price, VAT included.',
  })
  amountTtcCents!: number;
  @ApiProperty({ type: 'integer', example: 2_492 }) amountHtCents!: number;
  @ApiProperty({ type: 'integer', example: 498 }) vatCents!: number;
}

export class RenewalsDueResponse {
  @ApiProperty({ format: 'date-time' }) now!: string;
  @ApiProperty({ format: 'date-time', description: 'now + days.' }) until!: string;
  @ApiProperty({ type: 'integer', description: 'All renewals due, beyond this page.' })
  count!: number;
  @ApiProperty({ type: 'integer', description: 'What they will charge in all, TTC.' })
  amountTtcCents!: number;
  @ApiProperty({ type: [RenewalDueResponse] }) items!: RenewalDueResponse[];
}

export class PaymentIncidentResponse {
  @ApiProperty() subscriptionId!: string;
  @ApiProperty() accountId!: string;
  @ApiProperty() planId!: string;
  @ApiProperty({ example: 'Crédits Essentiel' }) planName!: string;
  @ApiProperty({ enum: ['pro', 'credits'] }) planKind!: string;
  @ApiProperty({
    enum: ['incident', 'suspended'],
    description:
      '`incident`: retries scheduled; `suspended`: every retry failed, benefits stopped, credits frozen.',
  })
  status!: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'The period the refused charge would start.',
  })
  period!: number | null;
  @ApiProperty({ type: 'integer', example: 2 }) attempts!: number;
  @ApiProperty({ type: 'integer', example: 2_990, description: 'The refused charge, TTC.' })
  amountOwedCents!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'First refusal.' })
  since!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'card_declined' })
  lastFailureCode!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextAttemptAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  suspendedAt!: string | null;
}

export class PaymentIncidentsResponse {
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiProperty({ type: 'integer' }) suspended!: number;
  @ApiProperty({ type: 'integer', description: 'Refused charges in all, TTC.' })
  amountOwedCents!: number;
  @ApiProperty({ type: [PaymentIncidentResponse] }) items!: PaymentIncidentResponse[];
}
