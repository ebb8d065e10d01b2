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
import { SubscriptionsController } from '../interfaces/http/plans/subscriptions.controller';
import { contextProjections } from '../projections/all-projections';
import { ProjectionRegistry } from '../projections/projection-registry';
import { ReadModelSubscriptionDirectory } from '../projections/subscriptions/subscriptions.reader';
import { SubscriptionsProjection } from '../projections/subscriptions/subscriptions.projection';
import { SUBSCRIPTION_DIRECTORY } from '../application/plans/subscription-directory.port';
import {
  GetPlanSummaryHandler,
  SubscriptionQueries,
} from '../application/plans/subscription.query';

const SUBSCRIPTIONS_PROJECTION = new SubscriptionsProjection().name;

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
      controllers: [SubscriptionsController],
      providers: [
        { provide: SUBSCRIPTION_SETTINGS, useValue: settings },
        SubscriptionCommandHandler,
        SubscriptionService,
        SubscriptionReactor,
        SubscriptionRenewalJob,
        SubscriptionReminderJob,
        { provide: SUBSCRIPTION_DIRECTORY, useClass: ReadModelSubscriptionDirectory },
        SubscriptionQueries,
        GetPlanSummaryHandler,
      ],
      exports: [SubscriptionService, SubscriptionRenewalJob],
    };
  }

  constructor(
    @Inject(ReactorRegistry) private readonly reactors: ReactorRegistry,
    @Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry,
    private readonly reactor: SubscriptionReactor,
    private readonly jobs: JobHandlers,
    private readonly renewal: SubscriptionRenewalJob,
    private readonly reminder: SubscriptionReminderJob,
  ) {}

  onModuleInit(): void {
    this.reactors.register(this.reactor);
    // Only the subscriptions read model: the other plans helpers register theirs under the same key.
    for (const projection of contextProjections('plans'))
      if (projection.name === SUBSCRIPTIONS_PROJECTION) this.projections.register(projection);
    this.jobs.register('subscription.renew', (job) => this.renewal.renew(job));
    this.jobs.register('subscription.renewal-reminder', (job) => this.reminder.remind(job));
  }
}
