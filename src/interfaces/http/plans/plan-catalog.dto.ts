import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CREDIT_KINDS, PLAN_KINDS, PLAN_PERIODS, PLAN_RULES } from '../../../domain/plans';

export const PLAN_EXAMPLE = {
  planId: 'credits-essentiel',
  kind: 'credits',
  name: 'Crédits Essentiel',
  description:
    'Chaque mois, des crédits pour consulter des projets, envoyer des offres et contacter directement des clients.',
  priceTtcCents: 2_900,
  period: 'month',
  benefits: ['10 consultations de projets par mois', '5 offres par mois'],
  credits: { consultation: 10, offer: 5, direct_contact: 2 },
};

export const HOUR_PACK_EXAMPLE = {
  serviceTypeId: '0b7a1c2d-3e4f-5a6b-8c7d-9e0f1a2b3c4d',
  minutes: 600,
  validityMonths: 12,
};

export class PlanCreditsDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: PLAN_RULES.maxCreditsPerKind,
    example: 10,
    description: '"Consultation" credits: reading a project.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  consultation?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: PLAN_RULES.maxCreditsPerKind,
    example: 5,
    description: '"Offre" credits: sending an offer.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  offer?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: PLAN_RULES.maxCreditsPerKind,
    example: 2,
    description: '"Contact direct" credits: contacting a client directly.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  direct_contact?: number;
}

export class HourPackTermsDto {
  @ApiProperty({
    description:
      'An existing, active service type (GET /service-types); else 422 `PLAN_SERVICE_TYPE_UNAVAILABLE`.',
    example: HOUR_PACK_EXAMPLE.serviceTypeId,
  })
  @IsString()
  @MaxLength(100)
  serviceTypeId!: string;

  @ApiProperty({
    description: `Hours sold, in minutes: ${PLAN_RULES.hourPackMinMinutes} to ${PLAN_RULES.hourPackMaxMinutes}, a multiple of ${PLAN_RULES.hourPackMinuteStep} (else 400 \`PLAN_HOUR_PACK_MINUTES_INVALID\`).`,
    minimum: PLAN_RULES.hourPackMinMinutes,
    maximum: PLAN_RULES.hourPackMaxMinutes,
    multipleOf: PLAN_RULES.hourPackMinuteStep,
    example: HOUR_PACK_EXAMPLE.minutes,
  })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  minutes!: number;

  @ApiProperty({
    description: `How long unused hours stay usable after the purchase: ${PLAN_RULES.hourPackMinValidityMonths} to ${PLAN_RULES.hourPackMaxValidityMonths} months (else 400 \`PLAN_HOUR_PACK_VALIDITY_INVALID\`).`,
    minimum: PLAN_RULES.hourPackMinValidityMonths,
    maximum: PLAN_RULES.hourPackMaxValidityMonths,
    example: HOUR_PACK_EXAMPLE.validityMonths,
  })
  @IsInt()
  @Min(0)
  @Max(1_000)
  validityMonths!: number;
}

/** What staff send to define a plan, or to revise it (full new terms; the kind stays). */
export class PlanDto {
  @ApiProperty({
    enum: PLAN_KINDS,
    description:
      '`pro` (visibility subscription), `credits` (subscription granting credits each period) or `hour_pack` (a client’s one-off purchase of hours). A revision must repeat the kind (else 422 `PLAN_KIND_IMMUTABLE`).',
    example: PLAN_EXAMPLE.kind,
  })
  @IsIn(PLAN_KINDS as unknown as string[])
  kind!: string;

  @ApiProperty({
    description: `1 to ${PLAN_RULES.nameMaxLength} characters. Its slug (lower case, no accents, words joined by dashes) is the plan's id on definition: two names with one slug are the same plan (409 \`PLAN_EXISTS\`).`,
    example: PLAN_EXAMPLE.name,
  })
  @IsString()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({
    description: `Up to ${PLAN_RULES.descriptionMaxLength} characters, in French; may be empty.`,
    example: PLAN_EXAMPLE.description,
  })
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  description?: string;

  @ApiProperty({
    description: `Price TTC (VAT 20 % included) in integer cents, ${PLAN_RULES.minPriceTtcCents} to ${PLAN_RULES.maxPriceTtcCents} (else 400 \`PLAN_PRICE_OUT_OF_RANGE\`): per period for a subscription, per purchase for an hour pack.`,
    minimum: PLAN_RULES.minPriceTtcCents,
    maximum: PLAN_RULES.maxPriceTtcCents,
    example: PLAN_EXAMPLE.priceTtcCents,
  })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  priceTtcCents!: number;

  @ApiPropertyOptional({
    enum: PLAN_PERIODS,
    nullable: true,
    description:
      'The length of one period: required for `pro` and `credits` (400 `PLAN_PERIOD_REQUIRED`), null or absent for `hour_pack` (400 `PLAN_PERIOD_NOT_ALLOWED`).',
    example: PLAN_EXAMPLE.period,
  })
  @IsOptional()
  @IsIn(PLAN_PERIODS as unknown as string[])
  period?: string | null;

  @ApiPropertyOptional({
    type: [String],
    maxItems: PLAN_RULES.maxBenefits,
    description: `Up to ${PLAN_RULES.maxBenefits} short labels in French shown to buyers, 1 to ${PLAN_RULES.benefitMaxLength} characters each.`,
    example: PLAN_EXAMPLE.benefits,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  benefits?: string[];

  @ApiPropertyOptional({
    type: PlanCreditsDto,
    description: `Credits granted at the start of each period, 0 to ${PLAN_RULES.maxCreditsPerKind} per kind (${CREDIT_KINDS.join(', ')}; absent = 0). A \`credits\` plan grants at least one (400 \`PLAN_CREDITS_REQUIRED\`); \`pro\` and \`hour_pack\` grant none (400 \`PLAN_CREDITS_NOT_ALLOWED\`).`,
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PlanCreditsDto)
  credits?: PlanCreditsDto;

  @ApiPropertyOptional({
    type: HourPackTermsDto,
    nullable: true,
    description:
      '`hour_pack` only (400 `PLAN_HOUR_PACK_REQUIRED`); null or absent for subscriptions (400 `PLAN_HOUR_PACK_NOT_ALLOWED`).',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => HourPackTermsDto)
  hourPack?: HourPackTermsDto | null;
}

export class PlanListQuery {
  @ApiPropertyOptional({
    enum: PLAN_KINDS,
    description: 'Only the plans of this kind.',
    example: 'credits',
  })
  @IsOptional()
  @IsIn(PLAN_KINDS as unknown as string[])
  kind?: string;
}

export class PlanCreditsResponse {
  @ApiProperty({ example: 10 })
  consultation!: number;

  @ApiProperty({ example: 5 })
  offer!: number;

  @ApiProperty({ example: 2 })
  direct_contact!: number;
}

export class HourPackTermsResponse {
  @ApiProperty({ example: HOUR_PACK_EXAMPLE.serviceTypeId })
  serviceTypeId!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The service type’s current label; null if it is unknown.',
    example: 'Ménage',
  })
  serviceTypeLabel!: string | null;

  @ApiProperty({ example: HOUR_PACK_EXAMPLE.minutes })
  minutes!: number;

  @ApiProperty({
    description: 'The same, in hours (may be fractional: 90 minutes = 1.5).',
    example: 10,
  })
  hours!: number;

  @ApiProperty({ example: HOUR_PACK_EXAMPLE.validityMonths })
  validityMonths!: number;
}

/** A plan as sold now: its current version. */
export class PlanResponse {
  @ApiProperty({
    description: 'The slug of the name it was defined with.',
    example: PLAN_EXAMPLE.planId,
  })
  planId!: string;

  @ApiProperty({ enum: PLAN_KINDS, example: PLAN_EXAMPLE.kind })
  kind!: string;

  @ApiProperty({ example: 'Abonnement à crédits' })
  kindLabel!: string;

  @ApiProperty({ example: PLAN_EXAMPLE.name })
  name!: string;

  @ApiProperty({ example: PLAN_EXAMPLE.description })
  description!: string;

  @ApiProperty({ description: 'The current version: 1, then +1 at each revision.', example: 1 })
  version!: number;

  @ApiProperty({
    description: 'TTC, VAT 20 % included, in cents.',
    example: PLAN_EXAMPLE.priceTtcCents,
  })
  priceTtcCents!: number;

  @ApiProperty({ enum: PLAN_PERIODS, nullable: true, type: String, example: PLAN_EXAMPLE.period })
  period!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'In French: "mois", "trimestre", "an".',
    example: 'mois',
  })
  periodLabel!: string | null;

  @ApiProperty({ type: [String], example: PLAN_EXAMPLE.benefits })
  benefits!: string[];

  @ApiProperty({ type: PlanCreditsResponse })
  credits!: PlanCreditsResponse;

  @ApiProperty({ type: HourPackTermsResponse, nullable: true })
  hourPack!: HourPackTermsResponse | null;

  @ApiProperty({ enum: ['active', 'retired'], example: 'active' })
  status!: string;

  @ApiProperty({ example: 'Disponible' })
  statusLabel!: string;
}

export class PlanListResponse {
  @ApiProperty({ type: [PlanResponse] })
  items!: PlanResponse[];
}

export class PlanVersionResponse {
  @ApiProperty({ example: 1 })
  version!: number;

  @ApiProperty({ example: PLAN_EXAMPLE.priceTtcCents })
  priceTtcCents!: number;

  @ApiProperty({ enum: PLAN_PERIODS, nullable: true, type: String, example: 'month' })
  period!: string | null;

  @ApiProperty({
    format: 'date-time',
    description:
      'When this version took effect: periods and purchases starting from then on use it.',
    example: '2026-01-05T09:00:00.000Z',
  })
  effectiveFrom!: string;
}

export class PlanDetailResponse extends PlanResponse {
  @ApiProperty({ type: [PlanVersionResponse], description: 'Every version, oldest first.' })
  versions!: PlanVersionResponse[];

  @ApiProperty({ format: 'date-time', example: '2026-01-05T09:00:00.000Z' })
  definedAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-01-05T09:00:00.000Z' })
  updatedAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: null })
  retiredAt!: string | null;
}

/** The answer of a staff change: the plan as its stream now holds it. */
export class PlanChangeResponse extends PlanResponse {
  @ApiProperty({ description: 'Stream revision, for If-Match.', example: '0' })
  revision!: string;
}
