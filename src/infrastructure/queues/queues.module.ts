import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { JobScheduler } from '../../application/scheduling/job-scheduler.port';
import { QUEUES } from '../../application/scheduling/jobs';
import { AppConfig } from '../config/config';
import { BullMqJobScheduler } from './bullmq-job-scheduler';
import { JobReconciler } from './job-reconciler';
import { JobRetimer } from './job-retimer';
import { defaultJobOptions } from './queue-tuning';
import { redisOptions } from './redis-connection';
import { ScheduledJobsLedger } from './scheduled-jobs.ledger';

/**
 * BullMQ on REDIS_URL; every key carries REDIS_PREFIX, so test runs sharing one Redis never
 * see each other's jobs. Provides the JobScheduler port.
 */
@Module({})
export class QueuesModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: QueuesModule,
      imports: [
        BullModule.forRoot({
          connection: redisOptions(config.REDIS_URL),
          prefix: config.REDIS_PREFIX,
        }),
        BullModule.registerQueue(
          ...Object.values(QUEUES).map((name) => ({
            name,
            defaultJobOptions: defaultJobOptions(name),
          })),
        ),
      ],
      providers: [
        ScheduledJobsLedger,
        BullMqJobScheduler,
        { provide: JobScheduler, useExisting: BullMqJobScheduler },
        JobReconciler,
        JobRetimer,
      ],
      exports: [
        BullModule,
        ScheduledJobsLedger,
        BullMqJobScheduler,
        JobScheduler,
        JobReconciler,
        JobRetimer,
      ],
    };
  }
}
