import Stripe from 'stripe';
import { PaymentDeclinedError } from '../../../application/payments/payment-gateway.port';
import { BusinessRuleError } from '../../../domain/shared';

/** Stripe could not be reached or was overloaded: the caller retries later with the same idempotency key. */
export class PaymentGatewayUnavailableError extends Error {
  readonly code = 'PAYMENT_GATEWAY_UNAVAILABLE';
  constructor(readonly reason: string) {
    super(`The payment gateway is unavailable: ${reason}`);
    this.name = 'PaymentGatewayUnavailableError';
  }
}

/**
 * Stripe's errors in our terms. A decline is the buyer's to fix (422, nothing written); a request
 * Stripe refuses is a business refusal; outages, rate limits and pending balances are retried.
 */
export function mapStripeError(error: unknown): unknown {
  if (!(error instanceof Stripe.errors.StripeError)) return error;
  const code = error.code ?? error.type;
  if (error instanceof Stripe.errors.StripeCardError) {
    // The client gives an empty decline code when Stripe sent none.
    return new PaymentDeclinedError(error.decline_code || error.code || 'card_declined');
  }
  if (error instanceof Stripe.errors.StripeIdempotencyError) {
    return new BusinessRuleError(
      'PAYMENT_IDEMPOTENCY_KEY_REUSED',
      'This idempotency key was used for a different payment request',
      {
        stripeCode: code,
      },
    );
  }
  if (
    error instanceof Stripe.errors.StripeRateLimitError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeConnectionError ||
    // Money not yet available on the balance becomes available later.
    error.code === 'balance_insufficient' ||
    error.code === 'lock_timeout' ||
    // A twin request with the same key is still running at Stripe: ours is answered after it.
    error.code === 'idempotency_key_in_use'
  ) {
    return new PaymentGatewayUnavailableError(code);
  }
  if (error instanceof Stripe.errors.StripeInvalidRequestError) {
    return new BusinessRuleError(
      'PAYMENT_REQUEST_REFUSED',
      `The payment gateway refused the request: ${error.message}`,
      {
        stripeCode: code,
        param: error.param ?? null,
      },
    );
  }
  // Authentication or permission errors are a misconfiguration: surfaced as they are and retried.
  return error;
}
