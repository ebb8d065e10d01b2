import { DynamicModule, Inject, Module, OnModuleInit, Provider } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DeadlineJobs } from '../application/scheduling/deadline-jobs';
import { JobHandlers } from '../application/scheduling/job-handlers.port';
import { JobSchedulingReactor } from '../application/scheduling/job-scheduling.reactor';
import { QUEUES } from '../application/scheduling/jobs';
import { ReminderJobs } from '../application/scheduling/reminder-jobs';
import {
  SCHEDULING_SETTINGS,
  SchedulingSettings,
} from '../application/scheduling/scheduling-settings';
import { Clock } from '../application/shared/clock';
import { ReactorRegistry } from '../application/shared/reactor';
import { AppConfig } from '../infrastructure/config/config';
import { QueuesModule } from '../infrastructure/queues/queues.module';
import { workerTuning } from '../infrastructure/queues/queue-tuning';
import { ScheduledJobsLedger } from '../infrastructure/queues/scheduled-jobs.ledger';
import { JobDispatcher } from '../interfaces/workers/job-dispatcher';
import { QueueDashboard } from '../interfaces/workers/queue-dashboard';
import { TestClockService } from '../infrastructure/clock/test-clock.service';
import { TestClockController } from '../interfaces/http/platform/test-clock.controller';
import { JobRunner, queueProcessor } from '../interfaces/workers/queue-processor';

/**
 * Time in motion: the reactor that turns events into BullMQ jobs, the deadline and reminder
 * jobs, the dispatcher that routes every job to the context that runs it, the processors (only
 * in a process whose PROCESS_ROLES includes `workers`) and the staff queue dashboard. Global, so
 * every context reaches the `JobScheduler` port and the workers' `Clock`. Also the staff test
 * clock (`/admin/test-clock`), which re-times queued jobs when it moves.
 */
@Module({})
export class SchedulingModule implements OnModuleInit {
  static forRoot(config: AppConfig): DynamicModule {
    const settings: SchedulingSettings = { autoCompleteAfterDays: config.AUTO_COMPLETE_AFTER_DAYS };
    const runsWorkers = config.PROCESS_ROLES.includes('workers');
    const processors: Provider[] = runsWorkers
      ? Object.values(QUEUES).map((queue) => queueProcessor(queue, workerTuning(queue, config)))
      : [];
    const queues = QueuesModule.forRoot(config);
    return {
      module: SchedulingModule,
      global: true,
      imports: [CqrsModule, queues],
      controllers: [TestClockController],
      providers: [
        TestClockService,
        { provide: SCHEDULING_SETTINGS, useValue: settings },
        DeadlineJobs,
        ReminderJobs,
        JobSchedulingReactor,
        JobDispatcher,
        { provide: JobHandlers, useExisting: JobDispatcher },
        {
          provide: JobRunner,
          inject: [JobDispatcher, ScheduledJobsLedger, Clock],
          useFactory: (dispatcher: JobDispatcher, ledger: ScheduledJobsLedger, clock: Clock) =>
            new JobRunner(dispatcher, ledger, clock),
        },
        QueueDashboard,
        ...processors,
      ],
      exports: [queues, JobRunner, JobHandlers],
    };
  }

  constructor(
    @Inject(ReactorRegistry) private readonly reactors: ReactorRegistry,
    private readonly scheduling: JobSchedulingReactor,
  ) {}

  onModuleInit(): void {
    this.reactors.register(this.scheduling);
  }
}
