import type { Pool } from 'pg';
import { PaymentGateway } from '../../../application/payments/payment-gateway.port';
import { AppConfig } from '../../config/config';
import { PostgresConnectedAccounts } from './connected-accounts';
import { PostgresStripeCustomers } from './stripe-customers';
import { createStripeClient, StripePaymentGateway } from './stripe-payment-gateway';
import { PostgresPlanChargeAttempts } from './stripe-plan-charges';

/** The Stripe gateway as configured (STRIPE_API_* point the client at a local double in tests). */
export function createStripeGateway(config: AppConfig, pool: Pool): PaymentGateway {
  if (!config.STRIPE_SECRET_KEY)
    throw new Error('STRIPE_SECRET_KEY is required for the Stripe gateway');
  const stripe = createStripeClient({
    secretKey: config.STRIPE_SECRET_KEY,
    host: config.STRIPE_API_HOST,
    port: config.STRIPE_API_PORT,
    protocol: config.STRIPE_API_PROTOCOL,
  });
  return new StripePaymentGateway(
    stripe,
    new PostgresConnectedAccounts(pool),
    undefined,
    { paypalReturnUrl: config.PAYPAL_RETURN_URL },
    {
      customers: new PostgresStripeCustomers(pool),
      charges: new PostgresPlanChargeAttempts(pool),
    },
  );
}
