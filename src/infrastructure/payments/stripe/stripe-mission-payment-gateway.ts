import type { Pool } from 'pg';
import Stripe from 'stripe';
import { MissionPaymentGateway } from '../../../application/missions/mission-payment-gateway.port';
import { PaymentDeclinedError } from '../../../application/payments/payment-gateway.port';
import { AppConfig } from '../../config/config';
import { ConnectedAccounts, PostgresConnectedAccounts } from './connected-accounts';
import { mapStripeError } from './stripe-errors';
import { createStripeClient } from './stripe-payment-gateway';

type Req<K extends keyof MissionPaymentGateway> = Parameters<MissionPaymentGateway[K]>[0];
const CURRENCY = 'eur';

/** A saved card is named `cus_…/pm_…`: the customer it is attached to and the card. */
const savedRef = (customer: string, paymentMethod: string) => `${customer}/${paymentMethod}`;

/**
 * The missions payment gateway on Stripe:
 * - `authorise`: a PaymentIntent with `capture_method: 'manual'`, confirmed at once, the card kept
 *   for off-session use (`setup_future_usage`) so a raised price can be authorised again;
 * - `savePaymentMethod`: a customer and a SetupIntent (`usage: 'off_session'`);
 * - `authoriseSaved`: a manual-capture PaymentIntent confirmed with `off_session: true`;
 * - `capture`: `amount_to_capture` (Stripe releases the rest of the authorisation at once);
 * - `cancelAuthorisation`: cancels the PaymentIntent; `refund`: a refund of a captured one;
 * - `instantPayout`: a transfer of the provider's share to their connected account, then a payout
 *   on that account with `method: 'instant'` of the share minus the fee (kept on the platform).
 * Every call carries the caller's idempotency key (suffixed per sub-call).
 */
export class StripeMissionPaymentGateway implements MissionPaymentGateway {
  constructor(
    private readonly stripe: Stripe,
    private readonly accounts: ConnectedAccounts,
  ) {}

  async authorise(request: Req<'authorise'>) {
    const customer = await this.call(() =>
      this.stripe.customers.create(
        { metadata: { clientId: request.clientId } },
        { idempotencyKey: `${request.idempotencyKey}-customer` },
      ),
    );
    const intent = await this.call(() =>
      this.stripe.paymentIntents.create(
        {
          amount: request.amountCents,
          currency: CURRENCY,
          customer: customer.id,
          payment_method: request.paymentMethod,
          capture_method: 'manual',
          confirm: true,
          setup_future_usage: 'off_session',
          automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
          transfer_group: `mission-${request.missionId}`,
          metadata: { missionId: request.missionId, clientId: request.clientId },
        },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
    return this.authorised(intent);
  }

  async savePaymentMethod(request: Req<'savePaymentMethod'>) {
    const customer = await this.call(() =>
      this.stripe.customers.create(
        { metadata: { clientId: request.clientId } },
        { idempotencyKey: `${request.idempotencyKey}-customer` },
      ),
    );
    const setup = await this.call(() =>
      this.stripe.setupIntents.create(
        {
          customer: customer.id,
          payment_method: request.paymentMethod,
          confirm: true,
          usage: 'off_session',
          automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
          metadata: { missionId: request.missionId, clientId: request.clientId },
        },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
    if (setup.status !== 'succeeded') throw new PaymentDeclinedError(`setup_${setup.status}`);
    const paymentMethod =
      typeof setup.payment_method === 'string' ? setup.payment_method : setup.payment_method?.id;
    if (!paymentMethod) throw new PaymentDeclinedError('setup_without_payment_method');
    return { paymentMethodRef: savedRef(customer.id, paymentMethod) };
  }

  async authoriseSaved(request: Req<'authoriseSaved'>) {
    let [customer, paymentMethod] = request.paymentMethodRef.split('/');
    if (!paymentMethod) {
      // A card authorised at publication: it was attached to its customer then.
      paymentMethod = customer;
      const pm = await this.call(() => this.stripe.paymentMethods.retrieve(paymentMethod));
      customer = typeof pm.customer === 'string' ? pm.customer : (pm.customer?.id ?? '');
    }
    const intent = await this.call(() =>
      this.stripe.paymentIntents.create(
        {
          amount: request.amountCents,
          currency: CURRENCY,
          ...(customer ? { customer } : {}),
          payment_method: paymentMethod,
          capture_method: 'manual',
          confirm: true,
          off_session: true,
          transfer_group: `mission-${request.missionId}`,
          metadata: { missionId: request.missionId, clientId: request.clientId },
        },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
    return this.authorised(intent);
  }

  async capture(request: Req<'capture'>) {
    const intent = await this.call(() =>
      this.stripe.paymentIntents.capture(
        request.paymentRef,
        { amount_to_capture: request.amountCents },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
    const capturedCents = intent.amount_received;
    return {
      captureRef: typeof intent.latest_charge === 'string' ? intent.latest_charge : intent.id,
      capturedCents,
      releasedCents: intent.amount - capturedCents,
    };
  }

  async cancelAuthorisation(request: Req<'cancelAuthorisation'>) {
    const intent = await this.call(() =>
      this.stripe.paymentIntents.cancel(
        request.paymentRef,
        { cancellation_reason: 'requested_by_customer' },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
    return { cancelledCents: intent.amount };
  }

  async refund(request: Req<'refund'>) {
    const refund = await this.call(() =>
      this.stripe.refunds.create(
        {
          payment_intent: request.paymentRef,
          amount: request.amountCents,
          metadata: { missionId: request.missionId },
        },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
    return { refundRef: refund.id, refundedCents: refund.amount };
  }

  async instantPayout(request: Req<'instantPayout'>) {
    const stripeAccount = await this.accounts.stripeAccountOf(request.providerId);
    const paid = request.amountCents - request.feeCents;
    const transfer = await this.call(() =>
      this.stripe.transfers.create(
        {
          amount: paid,
          currency: CURRENCY,
          destination: stripeAccount,
          transfer_group: `mission-${request.missionId}`,
          metadata: { missionId: request.missionId, providerId: request.providerId },
        },
        { idempotencyKey: `${request.idempotencyKey}-transfer` },
      ),
    );
    const payout = await this.call(() =>
      this.stripe.payouts.create(
        {
          amount: paid,
          currency: CURRENCY,
          method: 'instant',
          metadata: { missionId: request.missionId, providerId: request.providerId },
        },
        { idempotencyKey: `${request.idempotencyKey}-payout`, stripeAccount },
      ),
    );
    const status: 'paid' | 'pending' | 'failed' =
      payout.status === 'paid'
        ? 'paid'
        : payout.status === 'failed' || payout.status === 'canceled'
          ? 'failed'
          : 'pending';
    return {
      transferRef: transfer.id,
      gatewayPayoutId: payout.id,
      status,
      ...(status === 'failed' ? { failureCode: payout.failure_code ?? payout.status } : {}),
    };
  }

  private authorised(intent: Stripe.PaymentIntent) {
    if (intent.status !== 'requires_capture')
      throw new PaymentDeclinedError(
        intent.status === 'requires_action'
          ? 'authentication_required'
          : `payment_${intent.status}`,
      );
    return { paymentRef: intent.id, amountCents: intent.amount_capturable };
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw mapStripeError(error);
    }
  }
}

/** The Stripe missions gateway as configured (STRIPE_API_* point the client at a local double in tests). */
export function createStripeMissionGateway(config: AppConfig, pool: Pool): MissionPaymentGateway {
  if (!config.STRIPE_SECRET_KEY)
    throw new Error('STRIPE_SECRET_KEY is required for the Stripe gateway');
  const stripe = createStripeClient({
    secretKey: config.STRIPE_SECRET_KEY,
    host: config.STRIPE_API_HOST,
    port: config.STRIPE_API_PORT,
    protocol: config.STRIPE_API_PROTOCOL,
  });
  return new StripeMissionPaymentGateway(stripe, new PostgresConnectedAccounts(pool));
}
