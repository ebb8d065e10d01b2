import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import {
  MISSION_MONEY_SETTINGS,
  MissionMoneyEffects,
  MissionMoneySettings,
} from '../application/missions/mission-money.effects';
import { MissionMoneyReactor } from '../application/missions/mission-money.reactor';
import { MissionPaymentAuthorisationJob } from '../application/missions/mission-payment-authorisation.job';
import { MISSION_PAYMENT_GATEWAY } from '../application/missions/mission-payment-gateway.port';
import { MISSION_PAYMENTS } from '../application/missions/mission-payments.port';
import { MissionPaymentsService } from '../application/missions/mission-payments.service';
import { MissionValidationJob } from '../application/missions/mission-validation.job';
import { JobHandlers } from '../application/scheduling/job-handlers.port';
import { ReactorRegistry } from '../application/shared/reactor';
import { APP_CONFIG, AppConfig } from '../infrastructure/config/config';
import { PG_POOL } from '../infrastructure/database/database.tokens';
import { SimulatedMissionPaymentGateway } from '../infrastructure/payments/simulated-mission-payment-gateway';
import { createStripeMissionGateway } from '../infrastructure/payments/stripe/stripe-mission-payment-gateway';

/**
 * The missions money process (seed 000 "Solde Sécurisé Stripe™", docs/missions-money.md): the
 * `MISSION_PAYMENTS` port the mission request uses before publishing, over the missions payment
 * gateway (Stripe when STRIPE_SECRET_KEY is set, the simulated gateway otherwise); the money
 * reactor (authorise, escrow, capture, instant payout, cancel) and its jobs (automatic
 * authorisation with retries, validation reminder, automatic validation, capture before a
 * disputed authorisation lapses). Global, so the missions context reaches `MISSION_PAYMENTS`.
 */
@Module({})
export class MissionMoneyModule implements OnModuleInit {
  static forRoot(config: AppConfig): DynamicModule {
    const settings: MissionMoneySettings = {
      instantPayoutFeeBp: config.MISSION_INSTANT_PAYOUT_FEE_BP,
      validationReminderHours: config.MISSION_VALIDATION_REMINDER_HOURS,
    };
    return {
      module: MissionMoneyModule,
      global: true,
      imports: [CqrsModule],
      providers: [
        {
          provide: MISSION_PAYMENT_GATEWAY,
          inject: [PG_POOL, APP_CONFIG],
          useFactory: (pool: Pool, appConfig: AppConfig) =>
            appConfig.STRIPE_SECRET_KEY
              ? createStripeMissionGateway(appConfig, pool)
              : new SimulatedMissionPaymentGateway(pool),
        },
        { provide: MISSION_MONEY_SETTINGS, useValue: settings },
        MissionPaymentsService,
        { provide: MISSION_PAYMENTS, useExisting: MissionPaymentsService },
        MissionMoneyEffects,
        MissionMoneyReactor,
        MissionPaymentAuthorisationJob,
        MissionValidationJob,
      ],
      exports: [MISSION_PAYMENTS, MISSION_PAYMENT_GATEWAY],
    };
  }

  constructor(
    @Inject(ReactorRegistry) private readonly reactors: ReactorRegistry,
    private readonly reactor: MissionMoneyReactor,
    private readonly jobs: JobHandlers,
    private readonly authorisation: MissionPaymentAuthorisationJob,
    private readonly validation: MissionValidationJob,
  ) {}

  onModuleInit(): void {
    this.reactors.register(this.reactor);
    this.jobs.register('mission.authorise', (job) => this.authorisation.authorise(job));
    this.jobs.register('mission.capture-before-lapse', (job) =>
      this.authorisation.captureBeforeLapse(job),
    );
    this.jobs.register('mission.validation-reminder', (job) => this.validation.remind(job));
    this.jobs.register('mission.auto-validate', (job) => this.validation.autoValidate(job));
  }
}
