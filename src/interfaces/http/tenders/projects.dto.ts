import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsISO8601,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  FEE_PAYERS,
  PROJECT_FORMULAS,
  TENDER_CATEGORY_SLUGS,
  type FeePayer,
  type ProjectFormula,
} from '../../../domain/tenders';
import { PageQuery } from '../shared/page-query.dto';

const PROJECT_ID = '3c1f9a2e-5b7d-4e8f-a1b2-c3d4e5f6a7b8';
const CLIENT_ID = '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d';
const PROVIDER_ID = '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b';
const OFFER_ID = '9e8d7c6b-5a49-4837-a261-5f4e3d2c1b0a';
const FILE_ID = '0b6a2c1e-4d3f-4a2b-9c3d-5e6f7a8b9c0d';
const STATUSES = ['open', 'selected', 'signed', 'finished', 'withdrawn'];

export class PostProjectDto {
  @ApiProperty({ description: '5 to 120 characters.', example: 'Refonte du site vitrine' })
  @IsString()
  @MaxLength(1_000)
  title!: string;

  @ApiProperty({
    description: '20 to 5 000 characters.',
    example: 'Un site de 5 pages responsive, avec formulaire de contact et blog.',
  })
  @IsString()
  @MaxLength(10_000)
  description!: string;

  @ApiProperty({ enum: TENDER_CATEGORY_SLUGS, example: 'web-development' })
  @IsString()
  @MaxLength(100)
  category!: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'TTC, cents.', example: 100_000 })
  @IsInt()
  @Min(0)
  budgetMinCents!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'TTC, cents; at least the minimum.',
    example: 300_000,
  })
  @IsInt()
  @Min(0)
  budgetMaxCents!: number;

  @ApiProperty({
    format: 'date',
    description: 'A calendar day after today (Paris).',
    example: '2026-12-31',
  })
  @IsString()
  @MaxLength(20)
  wishedDeadline!: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 10,
    description:
      'Up to 10 files the client uploaded with purpose `project_attachment` (POST /files): the specification among them.',
    example: [FILE_ID],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  attachmentFileIds?: string[];
}

export class WithdrawProjectDto {
  @ApiPropertyOptional({ description: 'Up to 1 000 characters.', example: 'Projet reporté.' })
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  reason?: string;
}

export class SelectProviderDto {
  @ApiProperty({
    format: 'uuid',
    description: 'A provider who made an offer.',
    example: PROVIDER_ID,
  })
  @IsString()
  @MaxLength(100)
  providerId!: string;

  @ApiProperty({ enum: PROJECT_FORMULAS, example: 'base' })
  @IsString()
  @MaxLength(20)
  formula!: ProjectFormula;

  @ApiPropertyOptional({
    enum: FEE_PAYERS,
    default: 'client',
    description:
      'Who pays the finder’s fee (and the R0 option); `provider` needs the provider’s agreement, given by confirming the terms.',
    example: 'client',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  feePayer?: FeePayer;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: 'TTC, cents; the offer’s amount when absent.',
    example: 200_000,
  })
  @IsOptional()
  @IsInt()
  amountCents?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 3650,
    description: 'Days; the offer’s delay when absent.',
    example: 30,
  })
  @IsOptional()
  @IsInt()
  delayDays?: number;
}

export class DeclineTermsDto {
  @ApiPropertyOptional({ description: 'Up to 1 000 characters.', example: 'Délai trop court.' })
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  reason?: string;
}

export class ProposeAmountRevisionDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'TTC, cents; lower than the signed amount.',
    example: 150_000,
  })
  @IsInt()
  toCents!: number;

  @ApiPropertyOptional({ description: 'Up to 1 000 characters.', example: 'Deux pages en moins.' })
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  reason?: string;
}

export class OpenProjectsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TENDER_CATEGORY_SLUGS, example: 'web-development' })
  @IsOptional()
  @IsIn(TENDER_CATEGORY_SLUGS)
  category?: string;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'Projects whose budget range reaches at least this amount (cents).',
    example: 50_000,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  minBudgetCents?: number;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'Projects whose budget range starts at most at this amount (cents).',
    example: 500_000,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  maxBudgetCents?: number;

  @ApiPropertyOptional({
    description: 'Posted on or after this day (`YYYY-MM-DD`, UTC) or instant.',
    example: '2026-11-01',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  postedFrom?: string;

  @ApiPropertyOptional({
    description:
      'Posted on or before this day (`YYYY-MM-DD`, UTC, the whole day) or before this instant.',
    example: '2026-11-30',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  postedTo?: string;

  @ApiPropertyOptional({
    description: 'Words the title or description must all contain (French, stemmed).',
    example: 'site vitrine',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @Matches(/^[A-Za-z0-9_-]+$/)
  cursor?: string;
}

export class CreditsSpentResponse {
  @ApiProperty({ example: true }) consultation!: boolean;
  @ApiProperty({ example: false }) offer!: boolean;
  @ApiProperty({ example: false }) directContact!: boolean;
}

export class ProjectTermsResponse {
  @ApiProperty({ type: 'integer', example: 200_000 }) amountCents!: number;
  @ApiProperty({ type: 'integer', example: 30 }) delayDays!: number;
  @ApiProperty({ enum: PROJECT_FORMULAS, example: 'base' }) formula!: string;
  @ApiProperty({ enum: FEE_PAYERS, example: 'client' }) feePayer!: string;
}

export class ProjectFeeAmountsResponse {
  @ApiProperty({
    type: 'integer',
    description: 'Finder’s fee TTC: 5 % of the amount, at least 20,00 €, at most the amount.',
    example: 10_000,
  })
  finderFeeCents!: number;
  @ApiProperty({
    type: 'integer',
    description: 'R0 option TTC: 2 % of the amount, at least 10,00 €; 0 under the base formula.',
    example: 0,
  })
  r0OptionCents!: number;
}

export class PendingRevisionResponse {
  @ApiProperty({ format: 'uuid', example: PROJECT_ID }) revisionId!: string;
  @ApiProperty({ type: 'integer', example: 200_000 }) fromCents!: number;
  @ApiProperty({ type: 'integer', example: 150_000 }) toCents!: number;
  @ApiProperty({ example: CLIENT_ID }) proposedBy!: string;
  @ApiProperty({ example: 'Deux pages en moins.' }) reason!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-20T10:00:00.000Z' }) proposedAt!: string;
}

export class ProjectBriefResponse {
  @ApiProperty({ format: 'uuid', example: PROJECT_ID }) projectId!: string;
  @ApiProperty({ example: 'Refonte du site vitrine' }) title!: string;
  @ApiProperty({ example: 'Un site de 5 pages responsive, avec formulaire de contact et blog.' })
  description!: string;
  @ApiProperty({ enum: TENDER_CATEGORY_SLUGS, example: 'web-development' }) category!: string;
  @ApiProperty({ example: 'Développement web' }) categoryLabel!: string;
  @ApiProperty({ type: 'integer', example: 100_000 }) budgetMinCents!: number;
  @ApiProperty({ type: 'integer', example: 300_000 }) budgetMaxCents!: number;
  @ApiProperty({ format: 'date', example: '2026-12-31' }) wishedDeadline!: string;
  @ApiProperty({
    type: 'integer',
    description: 'The files themselves are in the project report.',
    example: 1,
  })
  attachmentCount!: number;
  @ApiProperty({ format: 'date-time', example: '2026-11-15T09:00:00.000Z' }) postedAt!: string;
  @ApiProperty({ enum: STATUSES, example: 'open' }) status!: string;
  @ApiProperty({ example: "En attente d'offres" }) statusLabel!: string;
}

export class OpenProjectResponse extends ProjectBriefResponse {
  @ApiProperty({
    type: CreditsSpentResponse,
    nullable: true,
    description: 'For a provider: the credits they spent on this project; null for anyone else.',
  })
  creditsSpent!: CreditsSpentResponse | null;
}

export class OpenProjectListResponse {
  @ApiProperty({ type: [OpenProjectResponse] }) items!: OpenProjectResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass it as `cursor` for the next page; null on the last one.',
    example: null,
  })
  nextCursor!: string | null;
}

export class ClientProjectResponse extends ProjectBriefResponse {
  @ApiProperty({ format: 'uuid', example: CLIENT_ID }) clientId!: string;
  @ApiProperty({ type: [String], example: [FILE_ID] }) attachmentFileIds!: string[];
  @ApiProperty({ type: String, nullable: true, example: PROVIDER_ID }) providerId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: OFFER_ID }) offerId!: string | null;
  @ApiProperty({
    type: ProjectTermsResponse,
    nullable: true,
    description: 'Proposed at selection, then the signed terms (the amount follows revisions).',
  })
  terms!: ProjectTermsResponse | null;
  @ApiProperty({
    type: ProjectFeeAmountsResponse,
    nullable: true,
    description: 'From signature on.',
  })
  fees!: ProjectFeeAmountsResponse | null;
  @ApiProperty({ type: PendingRevisionResponse, nullable: true })
  pendingRevision!: PendingRevisionResponse | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) selectedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) signedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) withdrawnAt!: string | null;
}

export class ClientProjectListResponse {
  @ApiProperty({ type: [ClientProjectResponse] }) items!: ClientProjectResponse[];
}

export class ProjectChangeResponse {
  @ApiProperty({ format: 'uuid', example: PROJECT_ID }) projectId!: string;
  @ApiProperty({ enum: STATUSES, example: 'open' }) status!: string;
  @ApiProperty({ example: "En attente d'offres" }) statusLabel!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) providerId!: string | null;
  @ApiProperty({ type: ProjectTermsResponse, nullable: true }) terms!: ProjectTermsResponse | null;
  @ApiProperty({ type: ProjectFeeAmountsResponse, nullable: true })
  fees!: ProjectFeeAmountsResponse | null;
  @ApiProperty({ type: PendingRevisionResponse, nullable: true })
  pendingRevision!: PendingRevisionResponse | null;
  @ApiProperty({ description: 'Stream revision, for If-Match.', example: '0' }) revision!: string;
}
