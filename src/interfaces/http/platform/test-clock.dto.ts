import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, Max, Min, ValidateIf } from 'class-validator';

/** A year at most per move: enough for any renewal, and far from overflowing a date. */
export const MAX_ADVANCE_SECONDS = 366 * 86_400;

export class AdvanceTestClockDto {
  @ApiPropertyOptional({
    example: 259_200,
    minimum: 0,
    maximum: MAX_ADVANCE_SECONDS,
    description: 'Seconds to move forward (3 days here). Give this or `to`, not both.',
  })
  @ValidateIf((o: AdvanceTestClockDto) => o.seconds !== undefined)
  @IsInt()
  @Min(0)
  @Max(MAX_ADVANCE_SECONDS)
  seconds?: number;

  @ApiPropertyOptional({
    example: '2026-12-24T09:00:00.000Z',
    format: 'date-time',
    description: 'The instant the platform clock should read; not earlier than it reads now.',
  })
  @ValidateIf((o: AdvanceTestClockDto) => o.to !== undefined)
  @IsISO8601({ strict: true })
  to?: string;
}

export class TestClockResponse {
  @ApiProperty({
    example: '2026-12-05T09:00:00.000Z',
    format: 'date-time',
    description: 'Platform time: what deadlines, jobs and new dates go by.',
  })
  now!: string;

  @ApiProperty({ example: '2026-12-02T09:00:00.000Z', format: 'date-time' })
  realNow!: string;

  @ApiProperty({
    example: 259_200,
    description: 'How far platform time stands ahead of real time.',
  })
  offsetSeconds!: number;
}

export class TestClockAdvanceResponse extends TestClockResponse {
  @ApiProperty({ example: 2, description: 'Queued jobs the move made due; they run now.' })
  jobsMadeDue!: number;

  @ApiProperty({
    example: 5,
    description: 'Queued jobs still ahead, their wait shortened to match the new time.',
  })
  jobsRetimed!: number;
}
