import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { MISSION_DISPUTE_REASONS } from '../../../domain/disputes';

type MissionDisputeReason = (typeof MISSION_DISPUTE_REASONS)[number];

/** As for order disputes; the mission keeps the statement too, under the same limit. */
const STATEMENT_MAX = 5_000;
const EVIDENCE_MAX = 20;

/** "Signaler un problème" on a mission. */
export class MissionProblemReportDto {
  @ApiProperty({
    example: 'L’intervenant n’est pas venu au rendez-vous de 9 h et ne répond pas.',
    maxLength: STATEMENT_MAX,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(STATEMENT_MAX)
  statement!: string;

  @ApiPropertyOptional({
    enum: MISSION_DISPUTE_REASONS,
    default: 'other',
    description:
      'no_show (Absence au rendez-vous), poor_quality (Prestation mal réalisée), damage (Dommage causé), other (Autre motif).',
    example: 'no_show',
  })
  @IsOptional()
  @IsIn(MISSION_DISPUTE_REASONS)
  reason?: MissionDisputeReason;

  @ApiPropertyOptional({
    type: [String],
    description: 'Ids of files you uploaded as `dispute_evidence` (POST /files).',
    example: ['3f6c2a9e-7b1d-4e8a-9c3f-2d5e6f7a8b90'],
    maxItems: EVIDENCE_MAX,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(EVIDENCE_MAX)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  evidenceRefs?: string[];
}
