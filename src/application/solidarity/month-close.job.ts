import { Inject, Injectable } from '@nestjs/common';
import { ballotStream, parisMonthOf, previousMonth } from '../../domain/solidarity';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { causationOf, JobRun, notDue, runCommand, systemMeta } from '../scheduling/job-context';
import { JobScheduler } from '../scheduling/job-scheduler.port';
import type { JobOutcome, SolidarityJob } from '../scheduling/jobs';
import { Clock } from '../shared/clock';
import { eventIdsFrom } from '../shared/deterministic-id';
import { SolidarityMonthClose } from './month-close.service';
import { scheduleClose } from './pot-payouts.reactor';

/**
 * `solidarity.month-close`, due at the first instant of the next Paris month. The chain: each
 * close schedules the next month's (PotPayoutsReactor), and each start-up schedules the current
 * and the previous month's (a job id per month, so this adds nothing when already there, and a
 * month missed while the platform was down is closed at once). A month already closed: done,
 * nothing changed. The ledger still behind: retried by the queue.
 */
@Injectable()
export class SolidarityMonthCloseJob {
  constructor(
    private readonly closer: SolidarityMonthClose,
    private readonly clock: Clock,
    private readonly scheduler: JobScheduler,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async run({ jobId, payload }: JobRun<SolidarityJob>): Promise<JobOutcome> {
    await this.clock.sync();
    const early = notDue(this.clock, payload);
    if (early) return early;
    return runCommand(async () => {
      const result = await this.closer.close(
        payload.month,
        systemMeta(this.clock),
        causationOf(payload),
        { eventIds: (step) => eventIdsFrom(jobId, step) },
      );
      return { events: result.closedNow ? [{ type: 'SolidarityMonthClosed' }] : [] };
    });
  }

  /** At start-up: the close of the current month, and of the previous one if it had votes (missed). */
  async scheduleAtStartUp(): Promise<void> {
    const current = parisMonthOf(this.clock.now().toISOString());
    const previous = previousMonth(current);
    const months = [current];
    if ((await this.store.streamRevision(ballotStream(previous))) !== null)
      months.unshift(previous);
    for (const month of months)
      await scheduleClose(
        this.scheduler,
        month,
        `solidarity-start-up-${month}`,
        `solidarity-${month}`,
      );
  }
}
