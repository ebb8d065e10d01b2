import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobPayload, QUEUES } from '../../application/scheduling/jobs';
import { Clock } from '../../application/shared/clock';
import { NotFoundError } from '../../domain/shared';
import { BullMqJobScheduler } from '../queues/bullmq-job-scheduler';
import { JobReconciler } from '../queues/job-reconciler';
import { SharedTestClock, TestClockMove, TestClockReading } from './shared-test-clock';

const PAGE = 500;

export interface TestClockAdvance extends TestClockReading {
  /** Queued jobs the move made due; the workers run them now. */
  jobsMadeDue: number;
  /** Queued jobs still ahead, their wait shortened to match the new time. */
  jobsRetimed: number;
}

/**
 * Staff's handle on the test clock. BullMQ counts delays in real time, so after a move every
 * delayed job is compared with platform time again: one whose `dueAt` has passed is promoted
 * (runs at once), the others get their delay recomputed; jobs still in the Postgres ledger that
 * the move brought within the enqueue horizon reach Redis first.
 */
@Injectable()
export class TestClockService {
  constructor(
    private readonly clock: Clock,
    private readonly scheduler: BullMqJobScheduler,
    private readonly reconciler: JobReconciler,
  ) {}

  read(): TestClockReading {
    return this.testClock().reading();
  }

  async advance(move: TestClockMove): Promise<TestClockAdvance> {
    const reading = await this.testClock().advance(move);
    await this.reconciler.reconcileFresh();
    return { ...reading, ...(await this.retimeDelayedJobs()) };
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

  private async retimeDelayedJobs(): Promise<{ jobsMadeDue: number; jobsRetimed: number }> {
    const now = this.clock.now().getTime();
    let jobsMadeDue = 0;
    let jobsRetimed = 0;
    for (const name of Object.values(QUEUES)) {
      const queue = this.scheduler.queue(name);
      // Listed first, then moved: promoting while paging would shift the pages.
      const delayed: Job<JobPayload>[] = [];
      for (let start = 0; ; start += PAGE) {
        const page = (await queue.getDelayed(start, start + PAGE - 1)) as Job<JobPayload>[];
        delayed.push(...page.filter(Boolean));
        if (page.length < PAGE) break;
      }
      for (const job of delayed) {
        const dueAt = Date.parse(job.data.dueAt);
        if (Number.isNaN(dueAt)) continue;
        try {
          if (dueAt <= now) {
            await job.promote();
            jobsMadeDue++;
          } else {
            await job.changeDelay(dueAt - now);
            jobsRetimed++;
          }
        } catch {
          // Taken by a worker or removed meanwhile: nothing left to move.
        }
      }
    }
    return { jobsMadeDue, jobsRetimed };
  }
}
