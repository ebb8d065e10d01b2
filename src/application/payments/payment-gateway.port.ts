import type { FundingInstructions } from '../../domain/orders';
import { BusinessRuleError } from '../../domain/shared';

/** The payment methods a buyer names on placement instead of a card token. */
export const DEFERRED_PAYMENT_METHODS = ['bank_transfer', 'paypal'] as const;
export type DeferredPaymentMethodName = (typeof DEFERRED_PAYMENT_METHODS)[number];
export const isDeferredPaymentMethod = (value: string): value is DeferredPaymentMethodName =>
  (DEFERRED_PAYMENT_METHODS as readonly string[]).includes(value);

export type FundingAnswer =
  | { paymentRef: string; mode: 'authorization' | 'charge' }
  /** A bank transfer or PayPal: the money comes later (a `payment.succeeded` notification). */
  | { paymentRef: string; mode: 'awaiting_funds'; instructions: FundingInstructions };

/**
 * The payment service provider. Every call carries an idempotency key derived from the
 * event or command that caused it, so a retry never charges or pays twice.
 */
export interface PaymentGateway {
  /**
   * Secures the buyer's money for an escrow: a manual-capture authorisation when the work is
   * due within the card-authorisation window, otherwise an immediate charge held on the
   * platform balance. `bank_transfer` (a virtual IBAN the buyer wires to) and `paypal` answer
   * `awaiting_funds` with what the buyer needs to pay; nothing is held until the funds arrive.
   */
  fundEscrow(request: {
    escrowId: string;
    amountCents: number;
    payerId: string;
    /**
     * A card token from the front end (`pm_...`; simulated: `pm_card_visa`, `pm_card_declined`),
     * or `bank_transfer`, or `paypal`.
     */
    paymentMethod: string;
    /** Named in the payment's metadata, so the funds' notification finds the order that waits for them. */
    orderId?: string;
    /** When the work is due; decides between authorisation and charge. */
    dueAt: string;
    idempotencyKey: string;
  }): Promise<FundingAnswer>;

  /** Moves money out of escrow to the payee (capturing an authorisation first when needed). */
  release(request: {
    escrowId: string;
    paymentRef: string;
    amountCents: number;
    payeeNetCents: number;
    payeeId: string;
    idempotencyKey: string;
  }): Promise<{ transferRef: string }>;

  /** Gives money back to the payer (cancelling an authorisation, or refunding a charge). */
  refund(request: {
    escrowId: string;
    paymentRef: string;
    amountCents: number;
    idempotencyKey: string;
  }): Promise<{ refundRef: string }>;

  /** Pays a provider's withdrawal to their bank account or PayPal. */
  payout(request: {
    payoutId: string;
    providerId: string;
    amountCents: number;
    destination:
      { kind: 'bank'; iban: string; holderName: string } | { kind: 'paypal'; email: string };
    idempotencyKey: string;
  }): Promise<{
    gatewayPayoutId: string;
    status: 'pending' | 'paid' | 'failed';
    failureCode?: string;
  }>;
  /**
   * Saves a card for later off-session charges (Stripe: a Customer and a SetupIntent confirmed with
   * the card token). Plans: subscriptions and hour packs. A refused card throws `PaymentDeclinedError`.
   */
  savePaymentMethod(request: {
    accountId: string;
    /** A card token from the front end (`pm_...`; simulated: `pm_card_visa`, `pm_card_declined`, `pm_card_chargeCustomerFail`). */
    paymentMethod: string;
    idempotencyKey: string;
  }): Promise<{ paymentMethodRef: string }>;

  /**
   * Charges a saved payment method now, the account holder absent (a renewal) or present (a
   * purchase). The key is derived from the period or the purchase, so a retried job never charges
   * twice. A refusal throws `PaymentDeclinedError` (its `reason` is the gateway's decline code).
   */
  chargeSaved(request: {
    accountId: string;
    paymentMethodRef: string;
    amountCents: number;
    /** Shown on the card statement and in the gateway's dashboard. */
    description: string;
    /** Copied to the payment's metadata (e.g. `subscriptionId`, `period`, `packId`), so webhooks find their subject. */
    metadata: Record<string, string>;
    idempotencyKey: string;
  }): Promise<{ chargeRef: string; amountCents: number }>;

  /** Gives back part or all of a charge made by `chargeSaved`. */
  refundCharge(request: {
    chargeRef: string;
    amountCents: number;
    idempotencyKey: string;
  }): Promise<{ refundRef: string; amountCents: number }>;
}

export const PAYMENT_GATEWAY = Symbol('PAYMENT_GATEWAY');

/** The card was refused: nothing is written, the buyer may try another card. */
export class PaymentDeclinedError extends BusinessRuleError {
  constructor(reason: string) {
    super('PAYMENT_DECLINED', `The payment was declined: ${reason}`, { reason });
  }
}
