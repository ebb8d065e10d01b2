import { BusinessRuleError } from '../../domain/shared';

/**
 * The payment service provider. Every call carries an idempotency key derived from the
 * event or command that caused it, so a retry never charges or pays twice.
 */
export interface PaymentGateway {
  /**
   * Secures the buyer's money for an escrow: a manual-capture authorisation when the work is
   * due within the card-authorisation window, otherwise an immediate charge held on the
   * platform balance.
   */
  fundEscrow(request: {
    escrowId: string;
    amountCents: number;
    payerId: string;
    /** A payment method token from the front end (`pm_...`); simulated: `pm_card_visa`, `pm_card_declined`. */
    paymentMethod: string;
    /** When the work is due; decides between authorisation and charge. */
    dueAt: string;
    idempotencyKey: string;
  }): Promise<{ paymentRef: string; mode: 'authorization' | 'charge' }>;

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
  refund(request: { escrowId: string; paymentRef: string; amountCents: number; idempotencyKey: string }): Promise<{ refundRef: string }>;

  /** Pays a provider's withdrawal to their bank account or PayPal. */
  payout(request: {
    payoutId: string;
    providerId: string;
    amountCents: number;
    destination: { kind: 'bank'; iban: string; holderName: string } | { kind: 'paypal'; email: string };
    idempotencyKey: string;
  }): Promise<{ gatewayPayoutId: string; status: 'pending' | 'paid' | 'failed'; failureCode?: string }>;
}

export const PAYMENT_GATEWAY = Symbol('PAYMENT_GATEWAY');

/** The card was refused: nothing is written, the buyer may try another card. */
export class PaymentDeclinedError extends BusinessRuleError {
  constructor(reason: string) {
    super('PAYMENT_DECLINED', `The payment was declined: ${reason}`, { reason });
  }
}
