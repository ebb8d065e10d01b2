import { Global, Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { GatewayInbox } from '../../application/payments/gateway-inbox.port';
import { PAYMENT_GATEWAY } from '../../application/payments/payment-gateway.port';
import { PaymentReferences } from '../../application/payments/payment-references.port';
import { Clock } from '../../application/shared/clock';
import { APP_CONFIG, AppConfig } from '../config/config';
import { PG_POOL } from '../database/database.tokens';
import { PostgresGatewayInbox } from './postgres-gateway-inbox';
import { PostgresPaymentReferences } from './postgres-payment-references';
import { PlanChargeReferences } from '../../application/payments/plan-charge-references.port';
import { PostgresPlanChargeReferences } from './postgres-plan-charge-references';
import { SimulatedPaymentGateway } from './simulated-payment-gateway';
import { createStripeGateway } from './stripe/stripe-gateway.factory';
import { PAYPAL_PAYOUTS } from '../../application/payouts/payout-sender.port';
import { PayPalApi } from './paypal/paypal-api';
import {
  createPayPalApi,
  createPayPalPayouts,
  createPayPalWebhooks,
  PAYPAL_WEBHOOKS,
} from './paypal/paypal.factory';

/**
 * Provides the PaymentGateway port (Stripe when STRIPE_SECRET_KEY is set, the simulated gateway
 * otherwise), PayPal payouts and webhooks when PAYPAL_* are set (null otherwise), and the
 * Postgres adapters of the gateway-notification ports.
 */
@Global()
@Module({
  providers: [
    {
      provide: PAYMENT_GATEWAY,
      inject: [PG_POOL, APP_CONFIG, Clock],
      // Stripe's holds expire in real time, so its gateway keeps the system time; the simulated
      // one plays Stripe on the platform clock, so a test clock moves its holds too.
      useFactory: (pool: Pool, config: AppConfig, clock: Clock) =>
        config.STRIPE_SECRET_KEY
          ? createStripeGateway(config, pool)
          : new SimulatedPaymentGateway(pool, () => clock.now()),
    },
    { provide: PayPalApi, inject: [APP_CONFIG], useFactory: createPayPalApi },
    { provide: PAYPAL_PAYOUTS, inject: [PayPalApi], useFactory: createPayPalPayouts },
    {
      provide: PAYPAL_WEBHOOKS,
      inject: [PayPalApi, APP_CONFIG],
      useFactory: createPayPalWebhooks,
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
    {
      provide: PlanChargeReferences,
      inject: [PG_POOL],
      useFactory: (pool: Pool) => new PostgresPlanChargeReferences(pool),
    },
  ],
  exports: [
    PAYMENT_GATEWAY,
    PAYPAL_PAYOUTS,
    PAYPAL_WEBHOOKS,
    GatewayInbox,
    PaymentReferences,
    PlanChargeReferences,
  ],
})
export class PaymentsModule {}
