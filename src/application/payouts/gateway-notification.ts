/**
 * A payment-provider notification in our terms, whatever the provider (Stripe webhooks, or the
 * simulated gateway's emitter). `eventId` is the provider's, the key deduplicating deliveries.
 */
export type GatewayNotification = {
  provider: 'stripe' | 'simulated';
  eventId: string;
  /** The provider's event type, kept for the audit trail. */
  providerType: string;
  occurredAt: string;
} & GatewayNotificationBody;

export type GatewayNotificationBody =
  | {
      kind: 'payment.authorized' | 'payment.succeeded';
      paymentRef: string;
      escrowId: string | null;
      amountCents: number;
    }
  | { kind: 'payment.failed'; paymentRef: string; escrowId: string | null; failureCode: string }
  | {
      kind: 'refund.succeeded' | 'refund.failed';
      paymentRef: string;
      escrowId: string | null;
      refundRef: string;
      amountCents: number;
    }
  | { kind: 'payout.paid'; payoutId: string; gatewayPayoutId: string }
  | {
      kind: 'payout.failed';
      payoutId: string;
      gatewayPayoutId: string;
      failureCode: string;
      failureMessage: string;
    }
  | {
      kind: 'chargeback.opened';
      paymentRef: string;
      escrowId: string | null;
      gatewayDisputeId: string;
      amountCents: number;
      reason: string;
    }
  /** A type we do not act on; still acknowledged so the provider stops retrying. */
  | { kind: 'ignored' };

export type GatewayNotificationKind = GatewayNotificationBody['kind'];
