import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { TestClockService } from '../../../infrastructure/clock/test-clock.service';
import { Roles } from '../auth/actor';
import { ProblemException } from '../problem/problem-details.filter';
import { AdvanceTestClockDto, TestClockAdvanceResponse, TestClockResponse } from './test-clock.dto';

const DISABLED = {
  status: 404,
  description:
    '`TEST_CLOCK_DISABLED`: this deployment runs on real time (TEST_CLOCK_ENABLED is off).',
};

/**
 * The test clock (outside production, TEST_CLOCK_ENABLED=true): staff move platform time
 * forward so deadlines, lateness, automatic completion and expiries happen without waiting.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/test-clock')
export class TestClockController {
  constructor(private readonly testClock: TestClockService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: 'Read the test clock',
    description: 'Platform time, real time and the offset between them.',
  })
  @ApiOkResponse({ type: TestClockResponse })
  @ApiResponse(DISABLED)
  read(): TestClockResponse {
    return this.testClock.read();
  }

  @Post('advance')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Move the test clock forward',
    description:
      'By `seconds` or `to` an instant, for every process. Jobs whose due time the move passes run at once ' +
      '(an order past its delivery deadline turns late, a delivery left 3 days is accepted); later ones keep ' +
      'their platform due time. The clock never goes back.',
  })
  @ApiOkResponse({ type: TestClockAdvanceResponse })
  @ApiResponse({
    status: 400,
    description: '`TEST_CLOCK_MOVE_REQUIRED`: give exactly one of `seconds` and `to`.',
  })
  @ApiResponse(DISABLED)
  @ApiResponse({
    status: 422,
    description: '`TEST_CLOCK_CANNOT_GO_BACK`: `to` is earlier than the clock reads.',
  })
  advance(@Body() dto: AdvanceTestClockDto): Promise<TestClockAdvanceResponse> {
    const { seconds, to } = dto;
    this.testClock.assertEnabled();
    if ((seconds === undefined) === (to === undefined)) {
      throw new ProblemException(
        400,
        'TEST_CLOCK_MOVE_REQUIRED',
        'Give exactly one of `seconds` and `to`',
      );
    }
    return this.testClock.advance(seconds !== undefined ? { seconds } : { to: to! });
  }
}
