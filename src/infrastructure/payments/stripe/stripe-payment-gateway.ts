import Stripe from 'stripe';
import {
  FundingAnswer,
  isDeferredPaymentMethod,
  PaymentDeclinedError,
  PaymentGateway,
} from '../../../application/payments/payment-gateway.port';
import { BusinessRuleError } from '../../../domain/shared';
import { ConnectedAccounts } from './connected-accounts';
import { mapStripeError } from './stripe-errors';
import { InMemoryStripeCustomers, StripeCustomers } from './stripe-customers';
import {
  attemptKey,
  InMemoryPlanChargeAttempts,
  PlanChargeAnswer,
  PlanChargeAttempts,
  PlanChargeFingerprint,
} from './stripe-plan-charges';

type FundRequest = Parameters<PaymentGateway['fundEscrow']>[0];
type ReleaseRequest = Parameters<PaymentGateway['release']>[0];
type RefundRequest = Parameters<PaymentGateway['refund']>[0];
type PayoutRequest = Parameters<PaymentGateway['payout']>[0];
type PayoutAnswer = Awaited<ReturnType<PaymentGateway['payout']>>;
type SaveRequest = Parameters<PaymentGateway['savePaymentMethod']>[0];
type ChargeRequest = Parameters<PaymentGateway['chargeSaved']>[0];
type RefundChargeRequest = Parameters<PaymentGateway['refundCharge']>[0];

/** What the plans' saved-method payments keep on our side (docs/plans-payments.md). */
export interface PlanPaymentStores {
  customers: StripeCustomers;
  charges: PlanChargeAttempts;
}

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

/** The idempotency key of an account's one Customer: derived from the account, so it is created once. */
export const customerKeyOf = (accountId: string): string => `plans-customer-${accountId}`;

/** A saved card is named `cus_…/pm_…`: the customer it is attached to and the card. */
const savedRef = (customer: string, paymentMethod: string) => `${customer}/${paymentMethod}`;

const sameFingerprint = (a: PlanChargeFingerprint, b: PlanChargeFingerprint) =>
  a.accountId === b.accountId &&
  a.paymentMethodRef === b.paymentMethodRef &&
  a.amountCents === b.amountCents;

const keyReused = (idempotencyKey: string, operation: string) =>
  new BusinessRuleError(
    'PAYMENT_IDEMPOTENCY_KEY_REUSED',
    'This idempotency key was used for a different payment request',
    { idempotencyKey, operation },
  );

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
    /** Postgres in the app (the factory); in memory by default for tools and unit tests. */
    private readonly plans: PlanPaymentStores = {
      customers: new InMemoryStripeCustomers(),
      charges: new InMemoryPlanChargeAttempts(),
    },
  ) {}

  /**
   * Plans: a card saved for off-session charges on the account's one Customer (created once under
   * a key derived from the account, then remembered), by a SetupIntent confirmed with the token
   * (`usage: 'off_session'`). A refused card (or one that asks for an authentication that cannot
   * happen here) throws `PaymentDeclinedError`.
   */
  async savePaymentMethod(request: SaveRequest): Promise<{ paymentMethodRef: string }> {
    const customer = await this.customerOf(request.accountId);
    const setup = await this.call(() =>
      this.stripe.setupIntents.create(
        {
          customer,
          payment_method: request.paymentMethod,
          confirm: true,
          usage: 'off_session',
          automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
          metadata: { accountId: request.accountId },
        },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
    if (setup.status !== 'succeeded')
      throw new PaymentDeclinedError(
        setup.status === 'requires_action' ? 'authentication_required' : `setup_${setup.status}`,
      );
    const paymentMethod =
      typeof setup.payment_method === 'string' ? setup.payment_method : setup.payment_method?.id;
    if (!paymentMethod) throw new PaymentDeclinedError('setup_without_payment_method');
    return { paymentMethodRef: savedRef(customer, paymentMethod) };
  }

  /**
   * Plans: charges a saved card off-session (`off_session: true, confirm: true`) on its customer,
   * the metadata copied (webhooks find their subscription or pack by it). The first attempt carries
   * the caller's key; after a refusal the next call is a new attempt (`<key>-attempt-<n>`), since
   * Stripe replays a refusal for a key it has seen; a charge that succeeded is answered again
   * without calling Stripe. `chargeRef` is the PaymentIntent id.
   */
  async chargeSaved(request: ChargeRequest): Promise<PlanChargeAnswer> {
    const fingerprint: PlanChargeFingerprint = {
      accountId: request.accountId,
      paymentMethodRef: request.paymentMethodRef,
      amountCents: request.amountCents,
    };
    const step = await this.plans.charges.begin(request.idempotencyKey, fingerprint);
    const same = sameFingerprint(step.fingerprint, fingerprint);
    // Once paid, the sale is paid whichever card is named since; another account or amount is
    // another request.
    const paidFor = (answer: PlanChargeAnswer) => {
      if (
        step.fingerprint.accountId !== request.accountId ||
        answer.amountCents !== request.amountCents
      )
        throw keyReused(request.idempotencyKey, 'charge_saved');
      return answer;
    };
    if (step.state === 'succeeded') return paidFor(step.answer);
    if (step.resumed) {
      // The attempt went out before with no answer: Stripe may have charged it (its key may even
      // have lapsed after 24 hours), so the customer's payments are searched for it first.
      const earlier = await this.chargedEarlier(step.fingerprint, request.idempotencyKey);
      if (earlier) {
        await this.plans.charges.succeeded(request.idempotencyKey, step.attempt, earlier);
        return paidFor(earlier);
      }
      if (!same) {
        // Nothing was charged under it and the holder named another card since: given up, the
        // next attempt charges the new card.
        await this.plans.charges.declined(request.idempotencyKey, step.attempt);
        return this.chargeSaved(request);
      }
    } else if (!same) throw keyReused(request.idempotencyKey, 'charge_saved');
    const [customerPart, cardPart] = request.paymentMethodRef.split('/');
    const paymentMethod = cardPart ?? customerPart;
    const customer = cardPart ? customerPart : await this.customerOf(request.accountId);
    let intent: Stripe.PaymentIntent;
    try {
      intent = await this.call(() =>
        this.stripe.paymentIntents.create(
          {
            amount: request.amountCents,
            currency: CURRENCY,
            customer,
            payment_method: paymentMethod,
            off_session: true,
            confirm: true,
            description: request.description,
            // `chargeKey` finds the charge again when its answer was lost.
            metadata: {
              ...request.metadata,
              accountId: request.accountId,
              chargeKey: request.idempotencyKey,
            },
          },
          { idempotencyKey: attemptKey(request.idempotencyKey, step.attempt) },
        ),
      );
    } catch (error) {
      if (error instanceof PaymentDeclinedError)
        await this.plans.charges.declined(request.idempotencyKey, step.attempt);
      throw error;
    }
    if (intent.status !== 'succeeded') {
      // Off-session card charges settle at once; anything else is a refusal the holder must act on.
      await this.plans.charges.declined(request.idempotencyKey, step.attempt);
      throw new PaymentDeclinedError(
        intent.status === 'requires_action'
          ? 'authentication_required'
          : `payment_${intent.status}`,
      );
    }
    const answer = { chargeRef: intent.id, amountCents: intent.amount_received };
    await this.plans.charges.succeeded(request.idempotencyKey, step.attempt, answer);
    return answer;
  }

  /**
   * Plans: gives back part or all of a `chargeSaved` charge (a Refund on its PaymentIntent, the
   * caller's key). More than the charge has left → `PAYMENT_EXCEEDS_FUNDS`; an unknown charge →
   * `PAYMENT_NOT_FOUND` (the simulated gateway's codes).
   */
  async refundCharge(
    request: RefundChargeRequest,
  ): Promise<{ refundRef: string; amountCents: number }> {
    try {
      const refund = await this.stripe.refunds.create(
        {
          payment_intent: request.chargeRef,
          amount: request.amountCents,
          metadata: { chargeRef: request.chargeRef },
        },
        { idempotencyKey: request.idempotencyKey },
      );
      return { refundRef: refund.id, amountCents: refund.amount };
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError) {
        if (error.code === 'resource_missing')
          throw new BusinessRuleError('PAYMENT_NOT_FOUND', 'No payment with this reference', {
            paymentRef: request.chargeRef,
          });
        if (error.code === 'charge_already_refunded' || error.code === 'amount_too_large')
          throw new BusinessRuleError(
            'PAYMENT_EXCEEDS_FUNDS',
            'The charge has less left to refund than requested',
            { paymentRef: request.chargeRef, requestedCents: request.amountCents },
          );
      }
      throw mapStripeError(error);
    }
  }

  /** A charge that succeeded under this caller's key, among the customer's latest payments. */
  private async chargedEarlier(
    fingerprint: PlanChargeFingerprint,
    key: string,
  ): Promise<PlanChargeAnswer | null> {
    const [customerPart, cardPart] = fingerprint.paymentMethodRef.split('/');
    const customer = cardPart
      ? customerPart
      : await this.plans.customers.customerOf(fingerprint.accountId);
    if (!customer) return null;
    const page = await this.call(() => this.stripe.paymentIntents.list({ customer, limit: 100 }));
    const paid = page.data.find(
      (pi) => pi.metadata?.chargeKey === key && pi.status === 'succeeded',
    );
    return paid ? { chargeRef: paid.id, amountCents: paid.amount_received } : null;
  }

  /** The account's one Customer: remembered, or created under the account's key and remembered. */
  private async customerOf(accountId: string): Promise<string> {
    const known = await this.plans.customers.customerOf(accountId);
    if (known) return known;
    const created = await this.call(() =>
      this.stripe.customers.create(
        { metadata: { accountId } },
        { idempotencyKey: customerKeyOf(accountId) },
      ),
    );
    return this.plans.customers.remember(accountId, created.id);
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
