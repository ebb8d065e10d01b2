import type { GatewayFacts, PlanChargeSubject } from '../../domain/payments';

/**
 * A payment-provider notification in our terms, whatever the provider (Stripe webhooks, or the
 * simulated gateway's emitter). `eventId` is the provider's, the key deduplicating deliveries.
 */
export type GatewayNotification = {
  provider: 'stripe' | 'simulated' | 'paypal';
  eventId: string;
  /** The provider's event type, kept for the audit trail. */
  providerType: string;
  occurredAt: string;
  /** The order a payment was made for, from its metadata: awaited funds place it. */
  orderId?: string;
  /**
   * The plan sale a charge paid for, from its metadata (`subscriptionId` or `packId`): the
   * notification is then logged for it and never reaches an order, escrow or mission.
   */
  planCharge?: PlanChargeSubject;
} & GatewayNotificationBody;

/** The provider may not name the escrow of a payment: it is then found by the payment reference. */
type Unresolved<F> = F extends { escrowId: string }
  ? Omit<F, 'escrowId'> & { escrowId: string | null }
  : F;

export type GatewayNotificationBody =
  | Unresolved<GatewayFacts>
  /** A type we do not act on; still acknowledged so the provider stops retrying. */
  | { kind: 'ignored' };

export type GatewayNotificationKind = GatewayNotificationBody['kind'];
