import { Global, Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { PAYMENT_GATEWAY } from '../../application/payments/payment-gateway.port';
import { APP_CONFIG, AppConfig } from '../config/config';
import { PG_POOL } from '../database/database.tokens';
import { SimulatedPaymentGateway } from './simulated-payment-gateway';
import { createStripeGateway } from './stripe/stripe-gateway.factory';

/** Provides the PaymentGateway port: Stripe when STRIPE_SECRET_KEY is set, the simulated gateway otherwise. */
@Global()
@Module({
  providers: [
    {
      provide: PAYMENT_GATEWAY,
      inject: [PG_POOL, APP_CONFIG],
      useFactory: (pool: Pool, config: AppConfig) =>
        config.STRIPE_SECRET_KEY
          ? createStripeGateway(config, pool)
          : new SimulatedPaymentGateway(pool),
    },
  ],
  exports: [PAYMENT_GATEWAY],
})
export class PaymentsModule {}
