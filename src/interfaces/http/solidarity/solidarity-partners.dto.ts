import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Requests and answers of the solidarity partners routes (issue 18). */

const UUID = { format: 'uuid', example: '0b8a3e0e-7c55-4a8e-9d39-6f1f0e7c2b11' } as const;
const REVISION = {
  type: String,
  example: '0',
  description: 'Revision of the partnership stream after the change, for If-Match.',
} as const;

export class GrantPartnershipDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 1000,
    example: 'Partenaire historique de la banque alimentaire du Rhône.',
    description: 'Why staff chose it; shown to staff only.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

export class EndPartnershipDto {
  @ApiProperty({
    maxLength: 1000,
    example: 'L’association a cessé son activité.',
    description: 'Why the partnership ends (400 `PARTNERSHIP_REASON_REQUIRED` when blank).',
  })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}

export class PartnershipResponse {
  @ApiProperty(UUID) associationId!: string;
  @ApiProperty({ enum: ['partner', 'ended'] }) status!: string;
  @ApiProperty({ example: 'Association partenaire' }) statusLabel!: string;
  @ApiProperty({ example: 'Les Restos du Cœur de Lyon' }) name!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  partnerSince!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt!: string | null;
  @ApiProperty(REVISION) revision!: string;
}

export class StaffAssociationsQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Only verified (or unverified) associations.',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  verified?: 'true' | 'false';

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Only current partners (or non-partners).',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  partner?: 'true' | 'false';

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

export class StaffAssociationResponse {
  @ApiProperty(UUID) associationId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Les Restos du Cœur de Lyon' })
  officialName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'W691234567' }) rnaNumber!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '775672272' }) siren!: string | null;
  @ApiProperty({ type: String, nullable: true }) purpose!: string | null;
  @ApiProperty({ description: 'Registration details declared.' }) registered!: boolean;
  @ApiProperty({ description: 'Registration declared and every required document approved.' })
  verified!: boolean;
  @ApiProperty({ type: 'integer', example: 1 }) documentsAwaitingReview!: number;
  @ApiProperty() partner!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  partnerSince!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  partnerEndedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class StaffAssociationListResponse {
  @ApiProperty({ type: 'integer', example: 1 }) total!: number;
  @ApiProperty({ type: [StaffAssociationResponse] }) items!: StaffAssociationResponse[];
}

export class PublicAssociationResponse {
  @ApiProperty(UUID) associationId!: string;
  @ApiProperty({ example: 'Les Restos du Cœur de Lyon' }) name!: string;
  @ApiProperty({ example: 'Aide alimentaire et accompagnement des personnes en difficulté.' })
  purpose!: string;
  @ApiProperty({ format: 'date-time' }) partnerSince!: string;
}

export class PublicAssociationListResponse {
  @ApiProperty({ type: [PublicAssociationResponse] }) items!: PublicAssociationResponse[];
}

export class PublicAssociationDetailResponse extends PublicAssociationResponse {
  @ApiProperty({ type: String, nullable: true, example: 'W691234567' }) rnaNumber!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Lyon' }) city!: string | null;
}
