import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { MISSION_PAYMENT_GATEWAY } from '../application/missions/mission-payment-gateway.port';
import { MISSION_PAYMENTS } from '../application/missions/mission-payments.port';
import { MissionPaymentsService } from '../application/missions/mission-payments.service';
import { APP_CONFIG, AppConfig } from '../infrastructure/config/config';
import { PG_POOL } from '../infrastructure/database/database.tokens';
import { SimulatedMissionPaymentGateway } from '../infrastructure/payments/simulated-mission-payment-gateway';

/**
 * The missions money process (seed 000 "Solde Sécurisé Stripe™", docs/missions-money.md): the
 * `MISSION_PAYMENTS` port the mission request uses before publishing, over the missions payment
 * gateway (Stripe when STRIPE_SECRET_KEY is set, the simulated gateway otherwise). Global, so
 * the missions context reaches `MISSION_PAYMENTS`.
 */
@Module({})
export class MissionMoneyModule {
  static forRoot(_config: AppConfig): DynamicModule {
    return {
      module: MissionMoneyModule,
      global: true,
      imports: [CqrsModule],
      providers: [
        {
          provide: MISSION_PAYMENT_GATEWAY,
          inject: [PG_POOL, APP_CONFIG],
          useFactory: (pool: Pool, _appConfig: AppConfig) =>
            new SimulatedMissionPaymentGateway(pool),
        },
        MissionPaymentsService,
        { provide: MISSION_PAYMENTS, useExisting: MissionPaymentsService },
      ],
      exports: [MISSION_PAYMENTS, MISSION_PAYMENT_GATEWAY],
    };
  }
}
