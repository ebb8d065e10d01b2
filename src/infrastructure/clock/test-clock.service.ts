import { Injectable } from '@nestjs/common';
import { Clock } from '../../application/shared/clock';
import { NotFoundError } from '../../domain/shared';
import { JobRetimer, Retimed } from '../queues/job-retimer';
import { SharedTestClock, TestClockMove, TestClockReading } from './shared-test-clock';

export type TestClockAdvance = TestClockReading & Retimed;

/** Staff's handle on the test clock: a move re-times the queued jobs (see JobRetimer). */
@Injectable()
export class TestClockService {
  constructor(
    private readonly clock: Clock,
    private readonly retimer: JobRetimer,
  ) {}

  read(): TestClockReading {
    return this.testClock().reading();
  }

  async advance(move: TestClockMove): Promise<TestClockAdvance> {
    const reading = await this.testClock().advance(move);
    return { ...reading, ...(await this.retimer.retime()) };
  }

  assertEnabled(): void {
    this.testClock();
  }

  private testClock(): SharedTestClock {
    if (!(this.clock instanceof SharedTestClock))
      throw new NotFoundError(
        'TEST_CLOCK_DISABLED',
        'There is no test clock here: set TEST_CLOCK_ENABLED=true (never in production)',
      );
    return this.clock;
  }
}
