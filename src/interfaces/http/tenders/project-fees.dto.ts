import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQuery } from '../shared/page-query.dto';

const INSTANT = { type: String, format: 'date-time', example: '2026-12-01T09:00:00.000Z' };
const KINDS = ['finder_fee', 'r0_option'];

export class PayProjectFeesDto {
  @ApiProperty({
    description:
      'A card token from the front end, saved and charged for every fee still unpaid. Simulated gateway: `pm_card_visa` works, `pm_card_declined` is refused (422 PAYMENT_DECLINED, recorded as a failed attempt).',
    example: 'pm_card_visa',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  paymentMethodId!: string;
}

export class ProjectFeeInvoiceResponse {
  @ApiProperty({ format: 'uuid', example: '0b6f7c1e-3a41-4f7e-9d2b-6a9e2f1c8d40' })
  invoiceId!: string;
  @ApiProperty({ example: 'F-2026-000042' }) number!: string;
  @ApiProperty({ enum: ['invoice', 'credit_note'], example: 'invoice' }) kind!: string;
  @ApiProperty({ type: 'integer', example: 60_000 }) totalTtcCents!: number;
  @ApiProperty(INSTANT) issuedAt!: string;
}

export class ProjectFeeLineResponse {
  @ApiProperty({ enum: KINDS, example: 'finder_fee' }) kind!: string;
  @ApiProperty({ example: 'Commission de mise en relation' }) label!: string;
  @ApiProperty({ format: 'uuid', example: '6f1c2d3e-4b5a-5c6d-8e7f-901a2b3c4d5e' })
  chargeId!: string;
  @ApiProperty({
    enum: ['due', 'failed', 'charged'],
    description:
      '`due`: not attempted yet; `failed`: the last attempt was refused (the payer pays again with `POST .../fees/pay`); `charged`: paid.',
    example: 'charged',
  })
  status!: string;
  @ApiProperty({
    type: 'integer',
    description: 'The fee on the amount agreed now (TTC, cents).',
    example: 60_000,
  })
  dueCents!: number;
  @ApiProperty({ type: 'integer', example: 60_000 }) chargedCents!: number;
  @ApiProperty({ type: 'integer', example: 0 }) refundedCents!: number;
  @ApiProperty({ type: 'integer', example: 0 }) failedAttempts!: number;
  @ApiProperty({ type: String, nullable: true, example: null }) lastFailureCode!: string | null;
  @ApiProperty({ ...INSTANT, nullable: true }) chargedAt!: string | null;
  @ApiProperty({ type: [ProjectFeeInvoiceResponse] }) invoices!: ProjectFeeInvoiceResponse[];
}

export class ProjectFeesResponse {
  @ApiProperty({ format: 'uuid', example: '2b0c1f6e-1d4a-4e8b-9c3f-5a6b7c8d9e0f' })
  projectId!: string;
  @ApiProperty({ enum: ['base', 'r0'], nullable: true, example: 'r0' }) formula!: string | null;
  @ApiProperty({ enum: ['client', 'provider'], nullable: true, example: 'client' })
  feePayer!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) payerId!: string | null;
  @ApiProperty({
    enum: ['not_signed', 'due', 'failed', 'paid'],
    description: '`not_signed` before the terms are confirmed; `paid` once every fee is charged.',
    example: 'paid',
  })
  status!: string;
  @ApiProperty({ type: 'integer', description: 'Signed amount now (TTC, cents).', nullable: true })
  amountCents!: number | null;
  @ApiProperty({ type: [ProjectFeeLineResponse] }) lines!: ProjectFeeLineResponse[];
  @ApiProperty({ type: 'integer', example: 72_000 }) totalDueCents!: number;
  @ApiProperty({ type: 'integer', example: 72_000 }) totalChargedCents!: number;
  @ApiProperty({ type: 'integer', example: 0 }) totalRefundedCents!: number;
}

export class TenderFeesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['charged', 'failed'] })
  @IsOptional()
  @IsIn(['charged', 'failed'])
  status?: 'charged' | 'failed';

  @ApiPropertyOptional({ enum: KINDS })
  @IsOptional()
  @IsIn(KINDS)
  kind?: 'finder_fee' | 'r0_option';

  @ApiPropertyOptional({ example: 0, minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}

export class TenderFeeItemResponse {
  @ApiProperty({ format: 'uuid' }) chargeId!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ enum: KINDS }) kind!: string;
  @ApiProperty({ format: 'uuid' }) payerId!: string;
  @ApiProperty({ enum: ['charged', 'failed'] }) status!: string;
  @ApiProperty({ type: 'integer', description: 'Asked by the last attempt, or charged.' })
  amountCents!: number;
  @ApiProperty({ type: 'integer' }) chargedCents!: number;
  @ApiProperty({ type: 'integer' }) refundedCents!: number;
  @ApiProperty({ type: 'integer' }) failures!: number;
  @ApiProperty({ type: String, nullable: true }) lastFailureCode!: string | null;
  @ApiProperty({ ...INSTANT, nullable: true }) chargedAt!: string | null;
  @ApiProperty(INSTANT) updatedAt!: string;
}

export class TenderFeesTotalsResponse {
  @ApiProperty({ type: 'integer' }) chargedCents!: number;
  @ApiProperty({ type: 'integer' }) refundedCents!: number;
  @ApiProperty({ type: 'integer', description: 'charged − refunded (TTC).' }) netCents!: number;
  @ApiProperty({ type: 'integer', description: 'Fees whose last attempt was refused.' })
  failedCount!: number;
}

export class TenderFeesListResponse {
  @ApiProperty({ type: [TenderFeeItemResponse] }) items!: TenderFeeItemResponse[];
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: TenderFeesTotalsResponse }) totals!: TenderFeesTotalsResponse;
}
