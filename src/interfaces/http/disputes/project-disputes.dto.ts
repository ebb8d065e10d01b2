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
import { ORDER_DISPUTE_REASONS } from '../../../domain/disputes';

type ProjectDisputeReason = (typeof ORDER_DISPUTE_REASONS)[number];
const PROJECT_REASONS = ORDER_DISPUTE_REASONS.filter((r) => r !== 'chargeback');

/** "Solliciter le SMA" on a signed R0 project. */
export class ProjectDisputeDto {
  @ApiProperty({
    example: 'Le livrable de la tranche 2 ne correspond pas au cahier des charges.',
    maxLength: 5_000,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(5_000)
  statement!: string;

  @ApiPropertyOptional({ enum: PROJECT_REASONS, default: 'other', example: 'not_as_described' })
  @IsOptional()
  @IsIn(PROJECT_REASONS)
  reason?: ProjectDisputeReason;

  @ApiPropertyOptional({
    type: [String],
    description: 'Ids of files you uploaded as `dispute_evidence` (POST /files).',
    example: ['3f6c2a9e-7b1d-4e8a-9c3f-2d5e6f7a8b90'],
    maxItems: 20,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  evidenceRefs?: string[];
}
