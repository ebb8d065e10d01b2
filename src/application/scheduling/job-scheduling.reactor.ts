import { Inject, Injectable } from '@nestjs/common';
import { RecordedEvent } from '../shared/event-store.port';
import { Reactor } from '../shared/reactor';
import { JobScheduler } from './job-scheduler.port';
import { jobsFor, SCHEDULING_CATEGORIES, SCHEDULING_EVENT_TYPES } from './schedule-rules';
import { SCHEDULING_SETTINGS, SchedulingSettings } from './scheduling-settings';

/** Turns every event that starts a clock into delayed jobs, with ids derived from the event. */
@Injectable()
export class JobSchedulingReactor implements Reactor {
  readonly name = 'scheduling.jobs';
  readonly filter = {
    categories: SCHEDULING_CATEGORIES,
    eventTypePrefixes: [...SCHEDULING_EVENT_TYPES],
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
  }
}
