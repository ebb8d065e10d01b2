import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  DECISION_OUTCOMES,
  ORDER_DISPUTE_REASONS,
  DecisionOutcome,
  DisputeReason,
} from '../../../domain/disputes';

/** Chargebacks come from the card network through the system, never from this route. */
export const PARTY_DISPUTE_REASONS = ORDER_DISPUTE_REASONS.filter((r) => r !== 'chargeback');

const TEXT_MAX = 5_000;
const EVIDENCE_MAX = 20;
const MAX_CENTS = Number.MAX_SAFE_INTEGER;

export class OpenDisputeDto {
  @ApiProperty({ enum: PARTY_DISPUTE_REASONS, example: 'not_as_described' })
  @IsIn(PARTY_DISPUTE_REASONS)
  reason!: DisputeReason;

  @ApiProperty({
    example: 'The logo delivered is not the vector file agreed in the order.',
    maxLength: TEXT_MAX,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX)
  statement!: string;

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

export class StatementDto {
  @ApiProperty({
    example: 'I sent the vector file on the 3rd, see the attached delivery.',
    maxLength: TEXT_MAX,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX)
  text!: string;

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

export class AssignDto {
  @ApiPropertyOptional({
    description:
      'The mediator to assign; defaults to the caller (a mediator takes the case). Only an admin assigns someone else.',
    example: '2b0c7a9e-1f4d-4c8b-9e3a-6d5f0a1b2c3d',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  mediatorId?: string;
}

export class InternalNoteDto {
  @ApiProperty({
    example: 'Seller answered late twice before; check the delivery timestamps.',
    maxLength: TEXT_MAX,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX)
  text!: string;
}

export class SettlementDto {
  @ApiProperty({ description: 'Refunded to the buyer, integer cents.', example: 4000 })
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  refundCents!: number;

  @ApiProperty({
    description: 'Released to the seller, integer cents; refund + release = what the escrow holds.',
    example: 6000,
  })
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  releaseCents!: number;
}

export class DecisionDto {
  @ApiProperty({ enum: DECISION_OUTCOMES, example: 'partial_refund' })
  @IsIn(DECISION_OUTCOMES)
  outcome!: DecisionOutcome;

  @ApiPropertyOptional({
    description: 'Required for partial_refund and split; integer cents.',
    example: 4000,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  refundCents?: number;

  @ApiPropertyOptional({
    description: 'Required for split; defaults to the rest of what is held for partial_refund.',
    example: 6000,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  releaseCents?: number;

  @ApiProperty({
    example: 'The delivery covers two of the three agreed formats.',
    maxLength: TEXT_MAX,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX)
  reasoning!: string;
}

export class CaseHistoryQueryDto {
  @ApiPropertyOptional({
    description:
      'Rebuild the case as it stood then: an ISO-8601 instant with offset, or a log position `<commit>:<prepare>` from a timeline entry.',
    examples: { time: { value: '2025-03-01T10:00:00Z' }, position: { value: '1042:1187' } },
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  at?: string;
}
