import { Global, Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { GatewayInbox } from '../../application/payments/gateway-inbox.port';
import { PAYMENT_GATEWAY } from '../../application/payments/payment-gateway.port';
import { PaymentReferences } from '../../application/payments/payment-references.port';
import { APP_CONFIG, AppConfig } from '../config/config';
import { PG_POOL } from '../database/database.tokens';
import { PostgresGatewayInbox } from './postgres-gateway-inbox';
import { PostgresPaymentReferences } from './postgres-payment-references';
import { SimulatedPaymentGateway } from './simulated-payment-gateway';
import { createStripeGateway } from './stripe/stripe-gateway.factory';

/**
 * Provides the PaymentGateway port (Stripe when STRIPE_SECRET_KEY is set, the simulated gateway
 * otherwise) and the Postgres adapters of the gateway-notification ports.
 */
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
    {
      provide: GatewayInbox,
      inject: [PG_POOL],
      useFactory: (pool: Pool) => new PostgresGatewayInbox(pool),
    },
    {
      provide: PaymentReferences,
      inject: [PG_POOL],
      useFactory: (pool: Pool) => new PostgresPaymentReferences(pool),
    },
  ],
  exports: [PAYMENT_GATEWAY, GatewayInbox, PaymentReferences],
})
export class PaymentsModule {}
