import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobPayload, QUEUES } from '../../application/scheduling/jobs';
import { Clock } from '../../application/shared/clock';
import { BullMqJobScheduler } from './bullmq-job-scheduler';
import { JobReconciler } from './job-reconciler';

const PAGE = 500;

export interface Retimed {
  /** Queued jobs the clock's move made due; the workers run them now. */
  jobsMadeDue: number;
  /** Queued jobs still ahead, their wait recomputed from the new time. */
  jobsRetimed: number;
}

/**
 * Brings the queues in line with a clock that jumped (the test clock, the demo seed's). BullMQ
 * counts delays in real time, so every delayed job is compared with `Clock` again: one whose
 * `dueAt` has passed is promoted (runs at once), the others get their delay recomputed; first,
 * jobs still in the Postgres ledger that the jump brought within the enqueue horizon reach Redis.
 */
@Injectable()
export class JobRetimer {
  constructor(
    private readonly clock: Clock,
    private readonly scheduler: BullMqJobScheduler,
    private readonly reconciler: JobReconciler,
  ) {}

  async retime(): Promise<Retimed> {
    await this.reconciler.reconcileFresh();
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
