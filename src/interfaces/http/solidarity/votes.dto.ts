import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

const INSTANT = { type: String, format: 'date-time', example: '2026-11-30T23:00:00.000Z' };

export class CastVoteDto {
  @ApiProperty({
    description: 'A partner association of the solidarity pot (its account id).',
    example: 'acc_restos_du_coeur',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  associationId!: string;
}

export class CastVoteResponse {
  @ApiProperty({
    description: 'The Paris month the vote counts for (`YYYY-MM`).',
    example: '2026-11',
  })
  month!: string;
  @ApiProperty({ example: 'acc_restos_du_coeur' }) associationId!: string;
  @ApiProperty({
    description:
      'False when this vote was already the caller’s vote of the month (nothing changed).',
    example: true,
  })
  changed!: boolean;
}

export class MyVoteChoice {
  @ApiProperty({ example: 'acc_restos_du_coeur' }) associationId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Les Restos du Cœur' })
  associationName!: string | null;
  @ApiProperty({ ...INSTANT, nullable: true }) castAt!: string | null;
}

export class MyVoteResponse {
  @ApiProperty({ description: 'The current Paris month (`YYYY-MM`).', example: '2026-11' })
  month!: string;
  @ApiProperty({
    ...INSTANT,
    description: 'When the month closes: the first instant of the next Paris month.',
  })
  closesAt!: string;
  @ApiProperty({
    description:
      'Whether the caller may vote: at least one completed order (as buyer) or validated mission (as client) so far.',
    example: true,
  })
  eligible!: boolean;
  @ApiProperty({
    type: MyVoteChoice,
    nullable: true,
    description: 'The caller’s vote of the month (the last one counts), or null.',
  })
  vote!: MyVoteChoice | null;
}
