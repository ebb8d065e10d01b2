import Stripe from 'stripe';
import {
  FundingAnswer,
  isDeferredPaymentMethod,
  PaymentDeclinedError,
  PaymentGateway,
} from '../../../application/payments/payment-gateway.port';
import { ConnectedAccounts } from './connected-accounts';
import { mapStripeError } from './stripe-errors';

type FundRequest = Parameters<PaymentGateway['fundEscrow']>[0];
type ReleaseRequest = Parameters<PaymentGateway['release']>[0];
type RefundRequest = Parameters<PaymentGateway['refund']>[0];
type PayoutRequest = Parameters<PaymentGateway['payout']>[0];
type PayoutAnswer = Awaited<ReturnType<PaymentGateway['payout']>>;

/** A card authorisation lapses after 7 days, so work due later is charged at once and held on the platform. */
export const CARD_AUTHORIZATION_WINDOW_MS = 7 * 86_400_000;
const CURRENCY = 'eur';

export interface StripeClientOptions {
  secretKey: string;
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
}

export function createStripeClient(options: StripeClientOptions): Stripe {
  return new Stripe(options.secretKey, {
    ...(options.host ? { host: options.host } : {}),
    ...(options.port ? { port: options.port } : {}),
    ...(options.protocol ? { protocol: options.protocol } : {}),
    // Our own retries carry the same idempotency key; the client's retries stay few and fast.
    maxNetworkRetries: 1,
    timeout: 20_000,
    telemetry: false,
  });
}

const chargeIdOf = (pi: Stripe.PaymentIntent): string | null =>
  typeof pi.latest_charge === 'string' ? pi.latest_charge : (pi.latest_charge?.id ?? null);

/**
 * The PaymentGateway port on Stripe, with separate charges and transfers: the buyer pays the
 * platform (transfer_group = escrow id), releases transfer the seller's net share to their
 * connected account, refunds come from the platform (reversing a transfer when the money had
 * already left), payouts run on the connected account. Every call carries the caller's key.
 */
export class StripePaymentGateway implements PaymentGateway {
  constructor(
    private readonly stripe: Stripe,
    private readonly accounts: ConnectedAccounts,
    private readonly clock: () => Date = () => new Date(),
    /** Where PayPal sends the buyer back after approving; the order's state comes from the webhook. */
    private readonly options: { paypalReturnUrl: string } = {
      paypalReturnUrl: 'http://localhost:3000/payments/paypal/return',
    },
  ) {}

  // Replaced by the plans payments work (issue 15): off-session charges of saved methods.
  async savePaymentMethod(): Promise<{ paymentMethodRef: string }> {
    throw new Error('savePaymentMethod is not wired to Stripe yet');
  }

  async chargeSaved(): Promise<{ chargeRef: string; amountCents: number }> {
    throw new Error('chargeSaved is not wired to Stripe yet');
  }

  async refundCharge(): Promise<{ refundRef: string; amountCents: number }> {
    throw new Error('refundCharge is not wired to Stripe yet');
  }

  async fundEscrow(request: FundRequest): Promise<FundingAnswer> {
    if (isDeferredPaymentMethod(request.paymentMethod)) return this.deferred(request);
    const dueInMs = Date.parse(request.dueAt) - this.clock().getTime();
    const mode = dueInMs <= CARD_AUTHORIZATION_WINDOW_MS ? 'authorization' : 'charge';
    const intent = await this.call(() =>
      this.stripe.paymentIntents.create(
        {
          amount: request.amountCents,
          currency: CURRENCY,
          payment_method: request.paymentMethod,
          confirm: true,
          capture_method: mode === 'authorization' ? 'manual' : 'automatic',
          automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
          transfer_group: request.escrowId,
          metadata: { escrowId: request.escrowId, payerId: request.payerId },
        },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
    const expected = mode === 'authorization' ? ['requires_capture'] : ['succeeded', 'processing'];
    if (!expected.includes(intent.status)) {
      throw new PaymentDeclinedError(
        intent.status === 'requires_action'
          ? 'authentication_required'
          : `payment_${intent.status}`,
      );
    }
    return { paymentRef: intent.id, mode };
  }

  /**
   * A bank transfer (`customer_balance` funded by `eu_bank_transfer`: a virtual IBAN for the buyer)
   * or PayPal (a redirect to approve); either way the PaymentIntent succeeds later, by webhook.
   */
  private async deferred(request: FundRequest): Promise<FundingAnswer> {
    const metadata = {
      escrowId: request.escrowId,
      payerId: request.payerId,
      ...(request.orderId ? { orderId: request.orderId } : {}),
    };
    const transfer = request.paymentMethod === 'bank_transfer';
    // A bank transfer credits a customer's cash balance; one customer per payment keeps retries idempotent.
    const customer = transfer
      ? await this.call(() =>
          this.stripe.customers.create(
            { metadata: { payerId: request.payerId } },
            { idempotencyKey: `${request.idempotencyKey}-customer` },
          ),
        )
      : null;
    const intent = await this.call(() =>
      this.stripe.paymentIntents.create(
        {
          amount: request.amountCents,
          currency: CURRENCY,
          confirm: true,
          transfer_group: request.escrowId,
          metadata,
          ...(transfer
            ? {
                customer: customer!.id,
                payment_method_types: ['customer_balance'],
                payment_method_data: { type: 'customer_balance' },
                payment_method_options: {
                  customer_balance: {
                    funding_type: 'bank_transfer',
                    bank_transfer: {
                      type: 'eu_bank_transfer',
                      eu_bank_transfer: { country: 'FR' },
                    },
                  },
                },
              }
            : {
                payment_method_types: ['paypal'],
                payment_method_data: { type: 'paypal' },
                return_url: this.options.paypalReturnUrl,
              }),
        },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
    const next = intent.next_action;
    if (transfer) {
      const shown = next?.display_bank_transfer_instructions;
      const iban = shown?.financial_addresses?.find((a) => a.iban)?.iban;
      if (!shown || !iban) throw new PaymentDeclinedError(`payment_${intent.status}`);
      return {
        paymentRef: intent.id,
        mode: 'awaiting_funds',
        instructions: {
          kind: 'bank_transfer',
          iban: iban.iban,
          bic: iban.bic,
          accountHolderName: iban.account_holder_name,
          reference: shown.reference ?? intent.id,
          amountCents: shown.amount_remaining ?? request.amountCents,
        },
      };
    }
    const approvalUrl = next?.redirect_to_url?.url;
    if (!approvalUrl) throw new PaymentDeclinedError(`payment_${intent.status}`);
    return {
      paymentRef: intent.id,
      mode: 'awaiting_funds',
      instructions: { kind: 'paypal', approvalUrl },
    };
  }

  async release(request: ReleaseRequest): Promise<{ transferRef: string }> {
    const intent = await this.captured(request.paymentRef, `${request.idempotencyKey}-capture`);
    // A release kept entirely as commission moves nothing to the seller.
    if (request.payeeNetCents <= 0) return { transferRef: `none_${intent.id}` };
    const destination = await this.accounts.stripeAccountOf(request.payeeId);
    const sourceTransaction = chargeIdOf(intent);
    const transfer = await this.call(() =>
      this.stripe.transfers.create(
        {
          amount: request.payeeNetCents,
          currency: CURRENCY,
          destination,
          transfer_group: request.escrowId,
          // Tied to the charge, so the transfer waits for those funds instead of failing on the balance.
          ...(sourceTransaction ? { source_transaction: sourceTransaction } : {}),
          metadata: { escrowId: request.escrowId, payeeId: request.payeeId },
        },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
    return { transferRef: transfer.id };
  }

  async refund(request: RefundRequest): Promise<{ refundRef: string }> {
    let intent: Stripe.PaymentIntent = await this.call(() =>
      this.stripe.paymentIntents.retrieve(request.paymentRef),
    );
    if (intent.status === 'canceled') return { refundRef: intent.id };
    if (intent.status === 'requires_capture') {
      // Giving back the whole authorisation is a cancellation: nothing was ever charged.
      if (request.amountCents >= intent.amount_capturable) {
        const cancelled = await this.call(() =>
          this.stripe.paymentIntents.cancel(
            intent.id,
            { cancellation_reason: 'requested_by_customer' },
            { idempotencyKey: request.idempotencyKey },
          ),
        );
        return { refundRef: cancelled.id };
      }
      intent = await this.captured(intent.id, `${request.idempotencyKey}-capture`);
    }
    await this.reverseTransfersIfNeeded(request, intent);
    const refund = await this.call(() =>
      this.stripe.refunds.create(
        {
          payment_intent: intent.id,
          amount: request.amountCents,
          metadata: { escrowId: request.escrowId },
        },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
    return { refundRef: refund.id };
  }

  async payout(request: PayoutRequest): Promise<PayoutAnswer> {
    // Stripe pays connected accounts to their bank; PayPal withdrawals are not something it can do.
    if (request.destination.kind !== 'bank') {
      return {
        gatewayPayoutId: `po_unsupported_${request.payoutId}`,
        status: 'failed',
        failureCode: 'unsupported_destination',
      };
    }
    const stripeAccount = await this.accounts.stripeAccountOf(request.providerId);
    const payout = await this.call(() =>
      this.stripe.payouts.create(
        {
          amount: request.amountCents,
          currency: CURRENCY,
          metadata: { payoutId: request.payoutId, providerId: request.providerId },
        },
        { idempotencyKey: request.idempotencyKey, stripeAccount },
      ),
    );
    if (payout.status === 'paid') return { gatewayPayoutId: payout.id, status: 'paid' };
    if (payout.status === 'failed' || payout.status === 'canceled') {
      return {
        gatewayPayoutId: payout.id,
        status: 'failed',
        failureCode: payout.failure_code ?? payout.status,
      };
    }
    return { gatewayPayoutId: payout.id, status: 'pending' };
  }

  /** Captures an authorisation (whole) if it is still one; a charge is returned as it is. */
  private async captured(
    paymentRef: string,
    idempotencyKey: string,
  ): Promise<Stripe.PaymentIntent> {
    const intent = await this.call(() => this.stripe.paymentIntents.retrieve(paymentRef));
    if (intent.status !== 'requires_capture') return intent;
    return this.call(() => this.stripe.paymentIntents.capture(paymentRef, {}, { idempotencyKey }));
  }

  /**
   * Money already transferred to the seller is no longer on the platform: when the refund exceeds
   * what the platform still holds for this escrow, the shortfall is reversed from its transfers.
   */
  private async reverseTransfersIfNeeded(
    request: RefundRequest,
    intent: Stripe.PaymentIntent,
  ): Promise<void> {
    const chargeId = chargeIdOf(intent);
    const charge = chargeId ? await this.call(() => this.stripe.charges.retrieve(chargeId)) : null;
    const transfers = await this.call(() =>
      this.stripe.transfers.list({ transfer_group: request.escrowId, limit: 100 }),
    );
    const outstanding = transfers.data
      .map((t) => ({ id: t.id, left: t.amount - t.amount_reversed }))
      .filter((t) => t.left > 0);
    const transferred = outstanding.reduce((sum, t) => sum + t.left, 0);
    const onPlatform = intent.amount_received - (charge?.amount_refunded ?? 0) - transferred;
    let shortfall = request.amountCents - onPlatform;
    for (const transfer of outstanding) {
      if (shortfall <= 0) break;
      const amount = Math.min(shortfall, transfer.left);
      await this.call(() =>
        this.stripe.transfers.createReversal(
          transfer.id,
          { amount, metadata: { escrowId: request.escrowId } },
          { idempotencyKey: `${request.idempotencyKey}-reversal-${transfer.id}` },
        ),
      );
      shortfall -= amount;
    }
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw mapStripeError(error);
    }
  }
}
