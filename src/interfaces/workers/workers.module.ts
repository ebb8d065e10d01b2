import { DynamicModule, Inject, Module, OnModuleInit, Provider } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GatewayLogCommandHandler } from '../../application/payments/gateway-log.handler';
import { GatewayNotifications } from '../../application/payments/gateway-notifications.service';
import { PaymentRefsReactor } from '../../application/payments/payment-refs.reactor';
import {
  GatewayWebhookEmitter,
  NoWebhookEmitter,
} from '../../application/payouts/gateway-webhook-emitter.port';
import { PayoutSettlementReactor } from '../../application/payouts/payout-settlement.reactor';
import { PayoutCommandHandler } from '../../application/payouts/payout.handler';
import { SendPayoutJob } from '../../application/payouts/send-payout.job';
import { Withdrawals } from '../../application/payouts/withdrawals.service';
import { DeadlineJobs } from '../../application/scheduling/deadline-jobs';
import { JobSchedulingReactor } from '../../application/scheduling/job-scheduling.reactor';
import { QUEUES } from '../../application/scheduling/jobs';
import { ReminderJobs } from '../../application/scheduling/reminder-jobs';
import {
  SCHEDULING_SETTINGS,
  SchedulingSettings,
} from '../../application/scheduling/scheduling-settings';
import { Clock } from '../../application/shared/clock';
import { ReactorRegistry } from '../../application/shared/reactor';
import { AppConfig } from '../../infrastructure/config/config';
import { PaymentsModule } from '../../infrastructure/payments/payments.module';
import { QueuesModule } from '../../infrastructure/queues/queues.module';
import { workerTuning } from '../../infrastructure/queues/queue-tuning';
import { ScheduledJobsLedger } from '../../infrastructure/queues/scheduled-jobs.ledger';
import { PayoutsController } from '../http/payouts/payouts.controller';
import { StripeWebhookController } from '../http/webhooks/stripe-webhook.controller';
import { JobDispatcher } from './job-dispatcher';
import { QueueDashboard } from './queue-dashboard';
import { JobRunner, queueProcessor } from './queue-processor';
import { SimulatedWebhookEmitter } from './simulated-webhook.emitter';

/**
 * Time and money in motion: the reactors that turn events into BullMQ jobs, the processors that
 * run them (only in a process whose PROCESS_ROLES includes `workers`), the payout API, the
 * gateway webhooks and the staff queue dashboard.
 */
@Module({})
export class WorkersModule implements OnModuleInit {
  static forRoot(config: AppConfig): DynamicModule {
    const settings: SchedulingSettings = { autoCompleteAfterDays: config.AUTO_COMPLETE_AFTER_DAYS };
    const runsWorkers = config.PROCESS_ROLES.includes('workers');
    const processors: Provider[] = runsWorkers
      ? Object.values(QUEUES).map((queue) => queueProcessor(queue, workerTuning(queue, config)))
      : [];
    return {
      module: WorkersModule,
      imports: [CqrsModule, PaymentsModule, QueuesModule.forRoot(config)],
      controllers: [PayoutsController, StripeWebhookController],
      providers: [
        { provide: SCHEDULING_SETTINGS, useValue: settings },
        {
          provide: GatewayWebhookEmitter,
          useClass: config.STRIPE_SECRET_KEY ? NoWebhookEmitter : SimulatedWebhookEmitter,
        },
        PayoutCommandHandler,
        GatewayLogCommandHandler,
        Withdrawals,
        GatewayNotifications,
        DeadlineJobs,
        ReminderJobs,
        SendPayoutJob,
        JobSchedulingReactor,
        PayoutSettlementReactor,
        PaymentRefsReactor,
        JobDispatcher,
        {
          provide: JobRunner,
          inject: [JobDispatcher, ScheduledJobsLedger, Clock],
          useFactory: (dispatcher: JobDispatcher, ledger: ScheduledJobsLedger, clock: Clock) =>
            new JobRunner(dispatcher, ledger, clock),
        },
        QueueDashboard,
        ...processors,
      ],
      exports: [JobRunner, Withdrawals, GatewayNotifications],
    };
  }

  constructor(
    @Inject(ReactorRegistry) private readonly reactors: ReactorRegistry,
    private readonly scheduling: JobSchedulingReactor,
    private readonly settlement: PayoutSettlementReactor,
    private readonly paymentRefs: PaymentRefsReactor,
  ) {}

  onModuleInit(): void {
    for (const reactor of [this.scheduling, this.settlement, this.paymentRefs])
      this.reactors.register(reactor);
  }
}
