import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQuery } from '../shared/page-query.dto';

/** Request and answer shapes of the subscription routes, for validation and the OpenAPI document. */

const EXAMPLE = {
  subscriptionId: '3b0d9a51-7c2e-5f4a-9b1c-2d3e4f5a6b7c',
  accountId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  planId: 'plan-pro-mensuel',
};
const INSTANT = { format: 'date-time' } as const;
const NULLABLE_INSTANT = { type: String, format: 'date-time', nullable: true } as const;
const STATUSES = ['active', 'incident', 'suspended', 'paused', 'cancelled'] as const;
const PAYMENT_METHOD = {
  description:
    'A card token from the front end (`pm_...`; simulated gateway: `pm_card_visa` accepted, `pm_card_declined` refused at once, `pm_card_chargeCustomerFail` saved but every later charge refused).',
  example: 'pm_card_visa',
};
const MAX_OFFSET = 1_000_000;

export class SubscribeDto {
  @ApiProperty({
    description: 'An active `pro` or `credits` plan of the catalogue.',
    example: EXAMPLE.planId,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  planId!: string;

  @ApiProperty(PAYMENT_METHOD)
  @IsString()
  @Matches(/^pm_[A-Za-z0-9_]{1,200}$/)
  paymentMethod!: string;
}

export class PaymentMethodDto {
  @ApiProperty(PAYMENT_METHOD)
  @IsString()
  @Matches(/^pm_[A-Za-z0-9_]{1,200}$/)
  paymentMethod!: string;
}

export class PauseDto {
  @ApiProperty({
    description: 'How many renewals to skip from the current period end (1 to 3).',
    minimum: 1,
    maximum: 3,
    example: 1,
  })
  @IsInt()
  @Min(1)
  @Max(3)
  periods!: number;
}

export class ExtendDto {
  @ApiProperty({
    description: 'Days added to the running period (1 to 90), free of charge.',
    minimum: 1,
    maximum: 90,
    example: 14,
  })
  @IsInt()
  @Min(1)
  @Max(90)
  days!: number;

  @ApiProperty({
    description: 'Why (kept on record, 1 to 500 characters).',
    example: 'Geste commercial après une panne',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

export class StaffSubscriptionsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', example: EXAMPLE.accountId })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ enum: STATUSES, example: 'incident' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: (typeof STATUSES)[number];

  @ApiPropertyOptional({ example: 0, default: 0, minimum: 0, maximum: MAX_OFFSET })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset?: number;
}

export class CreditAllowanceResponse {
  @ApiProperty({ example: 10 })
  consultation!: number;
  @ApiProperty({ example: 5 })
  offer!: number;
  @ApiProperty({ example: 2 })
  direct_contact!: number;
}

export class CurrentPeriodResponse {
  @ApiProperty({ example: 1 })
  period!: number;
  @ApiProperty({ description: 'The plan version this period was paid at.', example: 1 })
  planVersion!: number;
  @ApiProperty({ description: 'TTC cents paid for the period.', example: 2990 })
  priceTtcCents!: number;
  @ApiProperty({ ...INSTANT, example: '2026-12-02T10:00:00.000Z' })
  periodStartsAt!: string;
  @ApiProperty({ ...INSTANT, example: '2027-01-02T10:00:00.000Z' })
  periodEndsAt!: string;
  @ApiProperty({
    type: CreditAllowanceResponse,
    description: 'Credits granted for the period (zeros on Pro).',
  })
  credits!: CreditAllowanceResponse;
}

export class NextRenewalResponse {
  @ApiProperty({ ...INSTANT, example: '2027-01-02T10:00:00.000Z' })
  at!: string;
  @ApiProperty({ example: 2 })
  period!: number;
  @ApiProperty({
    description: 'The price of the plan version in force now, TTC cents.',
    example: 2990,
  })
  amountCents!: number;
}

export class PauseResponse {
  @ApiProperty({ example: 1 })
  periods!: number;
  @ApiProperty({ ...INSTANT, example: '2027-01-02T10:00:00.000Z' })
  pausedFrom!: string;
  @ApiProperty({ ...INSTANT, example: '2027-02-02T10:00:00.000Z' })
  resumesAt!: string;
  @ApiProperty({
    description: 'The period ended into the pause: nothing is charged until `resumesAt`.',
    example: false,
  })
  started!: boolean;
}

export class IncidentResponse {
  @ApiProperty({ ...INSTANT, example: '2027-01-02T10:00:00.000Z' })
  since!: string;
  @ApiProperty({ description: 'Refused charges so far.', example: 1 })
  attempts!: number;
  @ApiProperty({
    ...NULLABLE_INSTANT,
    description: 'Null after the last attempt (suspended).',
    example: '2027-01-03T10:00:00.000Z',
  })
  nextAttemptAt!: string | null;
  @ApiProperty({ example: 2990 })
  amountCents!: number;
  @ApiProperty({ example: 'card_declined' })
  failureCode!: string;
}

export class CancellationResponse {
  @ApiProperty({
    enum: ['owner_request', 'account_closed', 'staff_decision'],
    example: 'owner_request',
  })
  reason!: string;
  @ApiProperty({ ...INSTANT, example: '2026-12-10T10:00:00.000Z' })
  cancelledAt!: string;
  @ApiProperty({
    ...INSTANT,
    description: 'When the benefits stop: at once on Pro, the paid period’s end on credits.',
    example: '2026-12-10T10:00:00.000Z',
  })
  endsAt!: string;
}

export class SubscriptionResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.subscriptionId })
  subscriptionId!: string;
  @ApiProperty({ format: 'uuid', example: EXAMPLE.accountId })
  accountId!: string;
  @ApiProperty({ example: EXAMPLE.planId })
  planId!: string;
  @ApiProperty({ enum: ['pro', 'credits'], example: 'pro' })
  planKind!: string;
  @ApiProperty({ example: 'Pro mensuel' })
  planName!: string;
  @ApiProperty({ enum: ['month', 'quarter', 'year'], example: 'month' })
  billingPeriod!: string;
  @ApiProperty({ enum: STATUSES, example: 'active' })
  status!: string;
  @ApiProperty({ example: 'Active' })
  statusLabel!: string;
  @ApiProperty({
    description: 'The benefits hold now (kept during a payment incident’s retries).',
    example: true,
  })
  benefitsActive!: boolean;
  @ApiProperty({ ...INSTANT, example: '2026-12-02T10:00:00.000Z' })
  startedAt!: string;
  @ApiProperty({ type: CurrentPeriodResponse })
  currentPeriod!: CurrentPeriodResponse;
  @ApiProperty({
    type: NextRenewalResponse,
    nullable: true,
    description: 'Null when no charge will come (cancelled, suspended, last retry failed).',
  })
  nextRenewal!: NextRenewalResponse | null;
  @ApiProperty({ type: PauseResponse, nullable: true })
  pause!: PauseResponse | null;
  @ApiProperty({
    type: IncidentResponse,
    nullable: true,
    description: 'A refused renewal ("incident de paiement").',
  })
  incident!: IncidentResponse | null;
  @ApiProperty({ ...NULLABLE_INSTANT, example: null })
  suspendedAt!: string | null;
  @ApiProperty({ type: CancellationResponse, nullable: true })
  cancellation!: CancellationResponse | null;
  @ApiProperty({ description: 'Stream revision, for If-Match.', example: '0' })
  revision!: string;
}

export class SubscriptionListResponse {
  @ApiProperty({ type: [SubscriptionResponse] })
  items!: SubscriptionResponse[];
}

export class StaffSubscriptionListResponse extends SubscriptionListResponse {
  @ApiProperty({ example: 1 })
  total!: number;
  @ApiProperty({ example: 50 })
  limit!: number;
  @ApiProperty({ example: 0 })
  offset!: number;
}

export class PlanSummaryRenewalResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.subscriptionId })
  subscriptionId!: string;
  @ApiProperty({ ...INSTANT, example: '2027-01-02T10:00:00.000Z' })
  at!: string;
  @ApiProperty({ example: 2990 })
  amountCents!: number;
}

export class PlanSummaryResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.accountId })
  accountId!: string;
  @ApiProperty({ description: 'A Pro subscription whose benefits hold now.', example: true })
  proActive!: boolean;
  @ApiProperty({
    description: '"Accès prioritaire aux nouvelles fonctionnalités": true with an active Pro.',
    example: true,
  })
  priorityAccess!: boolean;
  @ApiProperty({
    description: 'A featured profile ("profil mis en avant"): true with an active Pro.',
    example: true,
  })
  featured!: boolean;
  @ApiProperty({ type: SubscriptionResponse, nullable: true })
  pro!: SubscriptionResponse | null;
  @ApiProperty({ type: SubscriptionResponse, nullable: true })
  credits!: SubscriptionResponse | null;
  @ApiProperty({ type: PlanSummaryRenewalResponse, nullable: true })
  nextRenewal!: PlanSummaryRenewalResponse | null;
}
