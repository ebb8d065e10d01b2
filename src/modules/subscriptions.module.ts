import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SubscriptionReminderJob } from '../application/plans/subscription-reminder.job';
import { SubscriptionRenewalJob } from '../application/plans/subscription-renewal.job';
import {
  SUBSCRIPTION_SETTINGS,
  SubscriptionSettings,
} from '../application/plans/subscription-settings';
import { SubscriptionCommandHandler } from '../application/plans/subscription.handler';
import { SubscriptionReactor } from '../application/plans/subscription.reactor';
import { SubscriptionService } from '../application/plans/subscription.service';
import { JobHandlers } from '../application/scheduling/job-handlers.port';
import { ReactorRegistry } from '../application/shared/reactor';
import { AppConfig } from '../infrastructure/config/config';

/**
 * Provider subscriptions (docs/plans-subscriptions.md): the Pro plan and credit plans, subscribed
 * with a saved card, renewed tacitly by the `subscription.renew` job at each period end (retries
 * then suspension on a refused card), reminded before, paused, extended, cancelled; a closed
 * account cancels them. Publishes `subscription.messages.ts`.
 */
@Module({})
export class SubscriptionsModule implements OnModuleInit {
  static forRoot(config: AppConfig): DynamicModule {
    const settings: SubscriptionSettings = {
      reminderDays: config.PLAN_RENEWAL_REMINDER_DAYS,
      retryHours: config.PLAN_RENEWAL_RETRY_HOURS,
      catalogCacheMs: config.PLAN_RENEWAL_CATALOG_CACHE_MS,
    };
    return {
      module: SubscriptionsModule,
      imports: [CqrsModule],
      controllers: [],
      providers: [
        { provide: SUBSCRIPTION_SETTINGS, useValue: settings },
        SubscriptionCommandHandler,
        SubscriptionService,
        SubscriptionReactor,
        SubscriptionRenewalJob,
        SubscriptionReminderJob,
      ],
      exports: [SubscriptionService, SubscriptionRenewalJob],
    };
  }

  constructor(
    @Inject(ReactorRegistry) private readonly reactors: ReactorRegistry,
    private readonly reactor: SubscriptionReactor,
    private readonly jobs: JobHandlers,
    private readonly renewal: SubscriptionRenewalJob,
    private readonly reminder: SubscriptionReminderJob,
  ) {}

  onModuleInit(): void {
    this.reactors.register(this.reactor);
    this.jobs.register('subscription.renew', (job) => this.renewal.renew(job));
    this.jobs.register('subscription.renewal-reminder', (job) => this.reminder.remind(job));
  }
}
