/**
 * What the missions money process asks of the payment service provider (seed 000 "Solde
 * Sécurisé Stripe™"): a card is authorised (manual capture) and charged only at validation, a
 * far-out mission's card is saved and authorised off-session when the mission enters the
 * authorisation window, and the provider is paid at once by an instant payout.
 *
 * A separate port from `PaymentGateway` (orders): missions never use an immediate charge, and
 * their captures and payouts are driven by the mission, not by escrow movements.
 *
 * Every call carries an idempotency key derived from the event that caused it: the same key always
 * gets the same answer and money never moves twice. A refused card throws `PaymentDeclinedError`.
 */
export interface MissionPaymentGateway {
  /** A manual-capture authorisation of `amountCents` on a card token from the front end. */
  authorise(request: {
    missionId: string;
    clientId: string;
    amountCents: number;
    paymentMethod: string;
    idempotencyKey: string;
  }): Promise<{ paymentRef: string; amountCents: number }>;

  /** Saves the card for off-session use (Stripe: a SetupIntent); nothing is authorised. */
  savePaymentMethod(request: {
    missionId: string;
    clientId: string;
    paymentMethod: string;
    idempotencyKey: string;
  }): Promise<{ paymentMethodRef: string }>;

  /** Authorises a saved card off-session (the client is not there): may be refused later than at saving. */
  authoriseSaved(request: {
    missionId: string;
    clientId: string;
    amountCents: number;
    paymentMethodRef: string;
    idempotencyKey: string;
  }): Promise<{ paymentRef: string; amountCents: number }>;

  /** Captures at most what was authorised; the rest of the authorisation is released at once. */
  capture(request: {
    missionId: string;
    paymentRef: string;
    amountCents: number;
    idempotencyKey: string;
  }): Promise<{ captureRef: string; capturedCents: number; releasedCents: number }>;

  /** Gives back part of a captured payment (money captured before a dispute's decision, then refunded). */
  refund(request: {
    missionId: string;
    paymentRef: string;
    amountCents: number;
    idempotencyKey: string;
  }): Promise<{ refundRef: string; refundedCents: number }>;

  /** Gives the whole authorisation back to the client (nothing is charged). */
  cancelAuthorisation(request: {
    missionId: string;
    paymentRef: string;
    idempotencyKey: string;
  }): Promise<{ cancelledCents: number }>;

  /**
   * Pays the provider now: their share leaves the platform balance for their account at the gateway
   * (Stripe: a transfer to the connected account) and is paid out instantly (method `instant`),
   * `feeCents` being kept by the gateway from the payout.
   */
  instantPayout(request: {
    missionId: string;
    providerId: string;
    amountCents: number;
    feeCents: number;
    idempotencyKey: string;
  }): Promise<{
    transferRef: string;
    gatewayPayoutId: string;
    status: 'paid' | 'pending' | 'failed';
    failureCode?: string;
  }>;
}

export const MISSION_PAYMENT_GATEWAY = Symbol('MISSION_PAYMENT_GATEWAY');

/** Test cards of the simulated gateway, as Stripe names them. */
export const MISSION_TEST_CARDS = {
  ok: 'pm_card_visa',
  /** Refused at once. */
  declined: 'pm_card_declined',
  /** Saved fine; every later off-session authorisation fails. */
  chargeFailsLater: 'pm_card_chargeCustomerFail',
} as const;
