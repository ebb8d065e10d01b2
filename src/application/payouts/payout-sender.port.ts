import type { PaymentGateway } from '../payments/payment-gateway.port';

/** Whatever pays a withdrawal: the payment gateway, or a provider dedicated to one destination kind. */
export type PayoutSender = Pick<PaymentGateway, 'payout'>;

/** The PayPal payouts adapter, or null when PayPal is not configured (PayPal withdrawals then go through the gateway). */
export const PAYPAL_PAYOUTS = Symbol('PAYPAL_PAYOUTS');
