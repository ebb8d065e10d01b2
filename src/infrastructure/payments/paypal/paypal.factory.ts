import { AppConfig } from '../../config/config';
import { PayPalApi } from './paypal-api';
import { PayPalPayouts } from './paypal-payouts';
import { PayPalWebhooks } from './paypal-webhooks';

/** Injection token of the PayPal webhook verifier (null when PAYPAL_WEBHOOK_ID is unset). */
export const PAYPAL_WEBHOOKS = Symbol('PAYPAL_WEBHOOKS');

/** PayPal's API as configured, or null when PAYPAL_* are unset. */
export function createPayPalApi(config: AppConfig): PayPalApi | null {
  if (!config.PAYPAL_CLIENT_ID || !config.PAYPAL_CLIENT_SECRET || !config.PAYPAL_BASE_URL)
    return null;
  return new PayPalApi({
    clientId: config.PAYPAL_CLIENT_ID,
    clientSecret: config.PAYPAL_CLIENT_SECRET,
    baseUrl: config.PAYPAL_BASE_URL,
  });
}

export function createPayPalPayouts(api: PayPalApi | null): PayPalPayouts | null {
  return api ? new PayPalPayouts(api) : null;
}

export function createPayPalWebhooks(
  api: PayPalApi | null,
  config: AppConfig,
): PayPalWebhooks | null {
  return api && config.PAYPAL_WEBHOOK_ID ? new PayPalWebhooks(api, config.PAYPAL_WEBHOOK_ID) : null;
}
