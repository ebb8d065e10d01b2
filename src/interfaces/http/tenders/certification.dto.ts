import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../shared/page-query.dto';

/** Requests and answers of the certification and project reviews routes (docs/tenders-certification.md). */

const UUID = { format: 'uuid', example: '0b8a3e0e-7c55-4a8e-9d39-6f1f0e7c2b11' } as const;
const DATE_TIME = { type: String, format: 'date-time' } as const;
const NULLABLE_DATE_TIME = { ...DATE_TIME, nullable: true } as const;
const NULLABLE_TEXT = { type: String, nullable: true } as const;
export const REFERENCE_STATES = ['sent', 'confirmed', 'declined', 'approved', 'refused'] as const;

export class AddCertificationReferenceDto {
  @ApiProperty({ maxLength: 200, example: 'Claire Dubois', description: 'The client contact.' })
  @IsString()
  @MaxLength(400)
  name!: string;

  @ApiProperty({ maxLength: 254, example: 'claire.dubois@atelier-dubois.fr' })
  @IsString()
  @MaxLength(400)
  email!: string;

  @ApiProperty({ maxLength: 200, example: 'Atelier Dubois' })
  @IsString()
  @MaxLength(400)
  company!: string;

  @ApiProperty({
    maxLength: 2000,
    example: 'Refonte du site vitrine et de la boutique en ligne',
    description: 'What you did for this client.',
  })
  @IsString()
  @MaxLength(4000)
  work!: string;

  @ApiProperty({
    type: 'integer',
    example: 2025,
    description: 'The year of the work: this year or one of the 10 before.',
  })
  @IsInt()
  year!: number;
}

export class CertificationRulesResponse {
  @ApiProperty({ type: 'integer', example: 10 }) maxOpenReferences!: number;
  @ApiProperty({ type: 'integer', example: 30 }) linkValidityDays!: number;
  @ApiProperty({ type: 'integer', example: 3 }) referencesToCertify!: number;
  @ApiProperty({ type: 'integer', example: 5 }) reputationMinReviewedProjects!: number;
  @ApiProperty({ type: Number, example: 4.5 }) reputationMinAverage!: number;
}

export class ReputationResponse {
  @ApiProperty({ type: 'integer', description: 'Finished projects their client reviewed.' })
  reviewedProjects!: number;
  @ApiProperty({ type: Number, nullable: true, example: 4.6 }) averageRating!: number | null;
}

export class MyCertificationReference {
  @ApiProperty(UUID) referenceId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty() company!: string;
  @ApiProperty() work!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ enum: REFERENCE_STATES }) status!: string;
  @ApiProperty({ example: 'En attente de la réponse du client' }) statusLabel!: string;
  @ApiProperty(DATE_TIME) addedAt!: string;
  @ApiProperty(DATE_TIME) lastSentAt!: string;
  @ApiProperty({ type: 'integer', description: 'E-mails sent (1 + resends).' }) sendCount!: number;
  @ApiProperty(DATE_TIME) linkExpiresAt!: string;
  @ApiProperty({ description: 'Still unanswered and its link expired: resend it.' })
  linkExpired!: boolean;
  @ApiProperty(NULLABLE_TEXT) answerComment!: string | null;
  @ApiProperty(NULLABLE_DATE_TIME) answeredAt!: string | null;
  @ApiProperty({
    ...NULLABLE_TEXT,
    description: "The SCP's reason: always given for a refusal.",
    example: 'Le client ne confirme pas avoir travaillé avec vous.',
  })
  reviewReason!: string | null;
  @ApiProperty(NULLABLE_DATE_TIME) reviewedAt!: string | null;
}

export class MyCertificationResponse {
  @ApiProperty(UUID) providerId!: string;
  @ApiProperty({ enum: ['uncertified', 'certified', 'withdrawn'] }) status!: string;
  @ApiProperty({ example: 'Prestataire Certifié' }) statusLabel!: string;
  @ApiProperty() certified!: boolean;
  @ApiProperty({ type: String, enum: ['references', 'reputation'], nullable: true })
  basis!: string | null;
  @ApiProperty(NULLABLE_DATE_TIME) certifiedAt!: string | null;
  @ApiProperty(NULLABLE_DATE_TIME) withdrawnAt!: string | null;
  @ApiProperty(NULLABLE_TEXT) withdrawalReason!: string | null;
  @ApiProperty({
    type: 'integer',
    description: 'Approved references counting towards certification (since any withdrawal).',
  })
  approvedReferences!: number;
  @ApiProperty({ type: ReputationResponse }) reputation!: ReputationResponse;
  @ApiProperty({ type: CertificationRulesResponse }) rules!: CertificationRulesResponse;
  @ApiProperty({ type: [MyCertificationReference] }) references!: MyCertificationReference[];
  @ApiProperty({ example: '3', description: 'Revision of the certification stream.' })
  revision!: string;
}

export class ReferenceLinkResponse {
  @ApiProperty(UUID) referenceId!: string;
  @ApiProperty(UUID) providerId!: string;
  @ApiProperty(NULLABLE_TEXT) providerDisplayName!: string | null;
  @ApiProperty({ description: 'Your name as the provider gave it.' }) name!: string;
  @ApiProperty() company!: string;
  @ApiProperty({ description: 'What the provider says they did for you.' }) work!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ enum: REFERENCE_STATES }) status!: string;
  @ApiProperty() statusLabel!: string;
  @ApiProperty(DATE_TIME) linkExpiresAt!: string;
  @ApiProperty({ description: 'The link has expired: ask the provider to send it again.' })
  expired!: boolean;
  @ApiProperty({ description: 'An answer is still expected (not answered, not expired).' })
  answerable!: boolean;
}

export class AnswerReferenceDto {
  @ApiProperty({ enum: ['confirm', 'decline'] })
  @IsIn(['confirm', 'decline'])
  answer!: 'confirm' | 'decline';

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string | null;
}

export class StaffReferencesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REFERENCE_STATES, default: 'confirmed' })
  @IsOptional()
  @IsIn(REFERENCE_STATES)
  state?: (typeof REFERENCE_STATES)[number];

  @ApiPropertyOptional({ example: 0, minimum: 0, maximum: 100000, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100000)
  offset?: number;
}

export class StaffReference {
  @ApiProperty(UUID) referenceId!: string;
  @ApiProperty(UUID) providerId!: string;
  @ApiProperty() providerCertified!: boolean;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty() company!: string;
  @ApiProperty() work!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ enum: REFERENCE_STATES }) status!: string;
  @ApiProperty() statusLabel!: string;
  @ApiProperty(NULLABLE_TEXT) answerComment!: string | null;
  @ApiProperty(NULLABLE_DATE_TIME) answeredAt!: string | null;
  @ApiProperty(NULLABLE_TEXT) reviewReason!: string | null;
  @ApiProperty(NULLABLE_TEXT) reviewedBy!: string | null;
  @ApiProperty(NULLABLE_DATE_TIME) reviewedAt!: string | null;
  @ApiProperty(DATE_TIME) addedAt!: string;
}

export class StaffReferenceListResponse {
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: [StaffReference] }) items!: StaffReference[];
}

export class ApproveReferenceDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  reason?: string | null;
}

export class ReasonDto {
  @ApiProperty({
    maxLength: 2000,
    example: 'Le client ne confirme pas avoir travaillé avec vous.',
    description: 'Shown to the provider (400 `CERTIFICATION_REASON_REQUIRED` when blank).',
  })
  @IsString()
  @MaxLength(4000)
  reason!: string;
}

export class StaffReviewResponse {
  @ApiProperty(UUID) referenceId!: string;
  @ApiProperty(UUID) providerId!: string;
  @ApiProperty({ enum: ['approved', 'refused'] }) status!: string;
  @ApiProperty() statusLabel!: string;
  @ApiProperty(NULLABLE_TEXT) reviewReason!: string | null;
  @ApiProperty({ description: 'The provider is certified after this review.' })
  providerCertified!: boolean;
  @ApiProperty({ example: '5' }) revision!: string;
}

export class WithdrawalResponse {
  @ApiProperty(UUID) providerId!: string;
  @ApiProperty({ enum: ['withdrawn'] }) status!: string;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() withdrawalReason!: string;
  @ApiProperty(DATE_TIME) withdrawnAt!: string;
  @ApiProperty({ example: '6' }) revision!: string;
}

export class GiveProjectReviewDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, example: 5 })
  @IsInt()
  rating!: number;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string | null;
}

export class ProjectReviewView {
  @ApiProperty({ enum: ['client', 'provider'], description: 'Who wrote it.' }) author!: string;
  @ApiProperty(UUID) authorId!: string;
  @ApiProperty({ ...UUID, description: 'The party rated.' }) subjectId!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) rating!: number;
  @ApiProperty(NULLABLE_TEXT) comment!: string | null;
  @ApiProperty(DATE_TIME) reviewedAt!: string;
}

export class ProjectReviewsResponse {
  @ApiProperty(UUID) projectId!: string;
  @ApiProperty({ enum: ['open', 'complete'] }) status!: string;
  @ApiProperty({ type: [ProjectReviewView] }) reviews!: ProjectReviewView[];
  @ApiProperty({ example: '0' }) revision!: string;
}

export class ProviderProjectReviewItem {
  @ApiProperty(UUID) projectId!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) rating!: number;
  @ApiProperty(NULLABLE_TEXT) comment!: string | null;
  @ApiProperty(DATE_TIME) reviewedAt!: string;
}

export class ProviderProjectReviewsResponse {
  @ApiProperty(UUID) providerId!: string;
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiProperty({ type: Number, nullable: true, example: 4.75 }) average!: number | null;
  @ApiProperty({ type: [ProviderProjectReviewItem] }) items!: ProviderProjectReviewItem[];
}

export class CertificationPageQuery {
  @ApiPropertyOptional({ example: 20, minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ example: 0, minimum: 0, maximum: 100000, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100000)
  offset?: number;
}
