import { Inject, Injectable } from '@nestjs/common';
import { RecordedEvent } from '../shared/event-store.port';
import { Reactor } from '../shared/reactor';
import { JobScheduler } from './job-scheduler.port';
import {
  jobsFor,
  RETIRING_EVENT_TYPES,
  retiredBy,
  SCHEDULING_CATEGORIES,
  SCHEDULING_EVENT_TYPES,
} from './schedule-rules';
import { SCHEDULING_SETTINGS, SchedulingSettings } from './scheduling-settings';

/**
 * Turns every event that starts a clock into delayed jobs, with ids derived from the event, and
 * retires an order's pending jobs once the order has ended.
 */
@Injectable()
export class JobSchedulingReactor implements Reactor {
  readonly name = 'scheduling.jobs';
  readonly filter = {
    categories: SCHEDULING_CATEGORIES,
    eventTypePrefixes: [...SCHEDULING_EVENT_TYPES, ...RETIRING_EVENT_TYPES],
  };

  constructor(
    private readonly scheduler: JobScheduler,
    @Inject(SCHEDULING_SETTINGS) private readonly settings: SchedulingSettings,
  ) {}

  async handle(event: RecordedEvent): Promise<void> {
    await this.handleBatch([event]);
  }

  /** The jobs of a whole batch go to the ledger and the queues in one write each. */
  async handleBatch(events: RecordedEvent[]): Promise<void> {
    const jobs = events.flatMap((event) => jobsFor(event, this.settings));
    if (jobs.length > 0) await this.scheduler.schedule(jobs);
    // After scheduling: a job scheduled earlier in the same batch is retired too.
    const retired = events.flatMap((event) => retiredBy(event) ?? []);
    if (retired.length > 0) await this.scheduler.retire(retired);
  }
}
