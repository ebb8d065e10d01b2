import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

/** Requests and answers of the payment requests routes ("demandes de paiement", seed 003). */

const UUID = { format: 'uuid', example: '0b8a3e0e-7c55-4a8e-9d39-6f1f0e7c2b11' } as const;
const DATE_TIME = { type: String, format: 'date-time' } as const;
const NULLABLE_DATE_TIME = { type: String, format: 'date-time', nullable: true } as const;
const REQUEST_STATUSES = ['submitted', 'refused', 'approved', 'paid', 'payout_failed'];
const DASHBOARD_STATUSES = ['awaiting_invoice', ...REQUEST_STATUSES];

export class SubmitPaymentRequestDto {
  @ApiProperty({
    example: '5f1b7c9e-2a4d-4c8b-9e0f-3d6a1b2c4e5f',
    maxLength: 200,
    description: 'The release of the project’s internal account, from GET /me/payment-requests.',
  })
  @IsString()
  @MaxLength(200)
  releaseId!: string;

  @ApiProperty({
    ...UUID,
    description: 'Your upload (POST /files, purpose `provider_invoice`, a PDF).',
  })
  @IsUUID()
  invoiceFileId!: string;

  @ApiProperty({
    example: 'F-2026/042',
    maxLength: 40,
    description: 'The number on your invoice: letters, digits, spaces and - _ / . #',
  })
  @IsString()
  @MaxLength(200)
  invoiceNumber!: string;
}

export class RefusePaymentRequestDto {
  @ApiProperty({
    maxLength: 1000,
    example: 'Le numéro SIRET et la mention de TVA manquent sur la facture.',
    description: 'What the provider must correct (shown to them).',
  })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}

export class FinancePaymentRequestsQuery {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES, description: 'Only the requests in this state.' })
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  status?: 'submitted' | 'refused' | 'approved' | 'paid' | 'payout_failed';

  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ example: 0, minimum: 0, maximum: 100000, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100000)
  offset?: number;
}

export class PaymentRequestInvoiceResponse {
  @ApiProperty(UUID) fileId!: string;
  @ApiProperty({ example: 'F-2026/042' }) invoiceNumber!: string;
  @ApiProperty({
    example: '/files/0b8a3e0e-7c55-4a8e-9d39-6f1f0e7c2b11/link',
    description: 'GET it (finance or the provider) for a short-lived download link of the PDF.',
  })
  linkPath!: string;
}

export class PaymentRequestRefusalResponse {
  @ApiProperty({ example: 'F-2026/042' }) invoiceNumber!: string;
  @ApiProperty({ example: 'Le numéro SIRET manque.' }) reason!: string;
  @ApiProperty(DATE_TIME) refusedAt!: string;
}

export class PaymentRequestResponse {
  @ApiProperty(UUID) requestId!: string;
  @ApiProperty(UUID) projectId!: string;
  @ApiProperty(UUID) providerId!: string;
  @ApiProperty(UUID) escrowId!: string;
  @ApiProperty({ example: '5f1b7c9e-2a4d-4c8b-9e0f-3d6a1b2c4e5f' }) releaseId!: string;
  @ApiProperty({ example: 120000, description: 'Cents, TTC: what the invoice must show.' })
  amountCents!: number;
  @ApiProperty({ enum: REQUEST_STATUSES }) status!: string;
  @ApiProperty({ example: 'Facture en cours de vérification' }) statusLabel!: string;
  @ApiProperty({ type: PaymentRequestInvoiceResponse }) invoice!: PaymentRequestInvoiceResponse;
  @ApiProperty(DATE_TIME) submittedAt!: string;
  @ApiProperty({ example: 1, description: 'Invoices sent for this release, this one included.' })
  submissions!: number;
  @ApiProperty({ type: [PaymentRequestRefusalResponse] })
  refusals!: PaymentRequestRefusalResponse[];
  @ApiProperty(NULLABLE_DATE_TIME) approvedAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The transfer (GET /payouts/{payoutId}), once approved.',
  })
  payoutId!: string | null;
  @ApiProperty(NULLABLE_DATE_TIME) paidAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) failureCode!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '0' }) revision!: string | null;
}

export class PaymentRequestSummaryResponse {
  @ApiProperty(UUID) requestId!: string;
  @ApiProperty({ example: 'F-2026/042' }) invoiceNumber!: string;
  @ApiProperty(UUID) invoiceFileId!: string;
  @ApiProperty(DATE_TIME) submittedAt!: string;
  @ApiProperty({ example: 1 }) submissions!: number;
  @ApiProperty({ type: String, nullable: true }) refusalReason!: string | null;
  @ApiProperty(NULLABLE_DATE_TIME) refusedAt!: string | null;
  @ApiProperty(NULLABLE_DATE_TIME) approvedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) payoutId!: string | null;
  @ApiProperty(NULLABLE_DATE_TIME) paidAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) failureCode!: string | null;
}

export class PaymentRequestReleaseResponse {
  @ApiProperty({ example: '5f1b7c9e-2a4d-4c8b-9e0f-3d6a1b2c4e5f' }) releaseId!: string;
  @ApiProperty(UUID) escrowId!: string;
  @ApiProperty(UUID) projectId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Refonte du site vitrine' })
  projectTitle!: string | null;
  @ApiProperty({ example: 120000, description: 'Cents, TTC, released to you.' })
  amountCents!: number;
  @ApiProperty({ enum: ['tranche_released', 'decision', 'accepted', 'auto_accepted'] })
  releaseReason!: string;
  @ApiProperty(DATE_TIME) releasedAt!: string;
  @ApiProperty({ enum: DASHBOARD_STATUSES }) status!: string;
  @ApiProperty({ example: 'En attente de votre facture' }) statusLabel!: string;
  @ApiProperty({ type: PaymentRequestSummaryResponse, nullable: true })
  request!: PaymentRequestSummaryResponse | null;
}

export class PaymentRequestTotalsCentsResponse {
  @ApiProperty({ example: 120000 }) awaiting_invoice!: number;
  @ApiProperty({ example: 0 }) submitted!: number;
  @ApiProperty({ example: 0 }) refused!: number;
  @ApiProperty({ example: 0 }) approved!: number;
  @ApiProperty({ example: 0 }) paid!: number;
  @ApiProperty({ example: 0 }) payout_failed!: number;
}

export class ProviderPaymentRequestsResponse {
  @ApiProperty(UUID) providerId!: string;
  @ApiProperty({
    type: [String],
    example: ['Un numéro de facture unique, que vous indiquez aussi dans le formulaire.'],
    description: 'What your invoice must show ("Comment faire ma facture ?").',
  })
  invoiceGuidance!: string[];
  @ApiProperty({ type: [PaymentRequestReleaseResponse] }) items!: PaymentRequestReleaseResponse[];
  @ApiProperty({ type: PaymentRequestTotalsCentsResponse, description: 'Cents by state.' })
  totalsCents!: PaymentRequestTotalsCentsResponse;
}

export class PaymentRequestStateTotalResponse {
  @ApiProperty({ enum: REQUEST_STATUSES }) status!: string;
  @ApiProperty({ example: 'Facture en cours de vérification' }) statusLabel!: string;
  @ApiProperty({ example: 3 }) count!: number;
  @ApiProperty({ example: 360000 }) amountCents!: number;
}

export class FinancePaymentRequestItemResponse extends PaymentRequestSummaryResponse {
  @ApiProperty({ example: '5f1b7c9e-2a4d-4c8b-9e0f-3d6a1b2c4e5f' }) releaseId!: string;
  @ApiProperty(UUID) escrowId!: string;
  @ApiProperty(UUID) projectId!: string;
  @ApiProperty({ type: String, nullable: true }) projectTitle!: string | null;
  @ApiProperty(UUID) providerId!: string;
  @ApiProperty({ example: 120000 }) amountCents!: number;
  @ApiProperty({ enum: REQUEST_STATUSES }) status!: string;
  @ApiProperty({ example: 'Facture en cours de vérification' }) statusLabel!: string;
}

export class FinancePaymentRequestListResponse {
  @ApiProperty({ example: 1, description: 'Requests matching the filter.' }) total!: number;
  @ApiProperty({
    type: [PaymentRequestStateTotalResponse],
    description: 'Every state, whatever the filter.',
  })
  totals!: PaymentRequestStateTotalResponse[];
  @ApiProperty({ type: [FinancePaymentRequestItemResponse] })
  items!: FinancePaymentRequestItemResponse[];
}
