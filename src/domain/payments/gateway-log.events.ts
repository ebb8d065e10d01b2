import { DomainEvent, EventVersions } from '../shared';

/** Who told us and when: the provider's own event id is the key that deduplicates its deliveries. */
export interface GatewayReceipt {
  provider: 'stripe' | 'simulated' | 'paypal';
  providerEventId: string;
  /** The provider's event type, kept for the audit trail. */
  providerType: string;
  occurredAt: string;
}

/** What one notification says, by kind; payment-side facts name the escrow they were resolved to. */
export type GatewayFacts =
  | { kind: 'payment.authorized'; paymentRef: string; escrowId: string; amountCents: number }
  | { kind: 'payment.succeeded'; paymentRef: string; escrowId: string; amountCents: number }
  | { kind: 'payment.failed'; paymentRef: string; escrowId: string; failureCode: string }
  | {
      kind: 'refund.succeeded';
      paymentRef: string;
      escrowId: string;
      refundRef: string;
      amountCents: number;
    }
  | {
      kind: 'refund.failed';
      paymentRef: string;
      escrowId: string;
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
      escrowId: string;
      gatewayDisputeId: string;
      amountCents: number;
      reason: string;
    };

export type GatewayFactKind = GatewayFacts['kind'];

/** The stored type of each kind: the log's record of what the gateway told us. */
export const GATEWAY_EVENT_TYPES = {
  'payment.authorized': 'GatewayPaymentAuthorized',
  'payment.succeeded': 'GatewayPaymentSucceeded',
  'payment.failed': 'GatewayPaymentFailed',
  'refund.succeeded': 'GatewayRefundSucceeded',
  'refund.failed': 'GatewayRefundFailed',
  'payout.paid': 'GatewayPayoutPaid',
  'payout.failed': 'GatewayPayoutFailed',
  'chargeback.opened': 'GatewayChargebackOpened',
} as const satisfies Record<GatewayFactKind, string>;

type FactsOf<K extends GatewayFactKind> = Omit<Extract<GatewayFacts, { kind: K }>, 'kind'>;

/** One event type per kind; its data is the receipt and the facts, the kind being the type. */
export type GatewayEventOf<K extends GatewayFactKind> = DomainEvent<
  (typeof GATEWAY_EVENT_TYPES)[K],
  GatewayReceipt & FactsOf<K>
>;

export type GatewayEvent = { [K in GatewayFactKind]: GatewayEventOf<K> }[GatewayFactKind];

export const GATEWAY_EVENT_VERSIONS: EventVersions<GatewayEvent['type']> = {
  GatewayPaymentAuthorized: 1,
  GatewayPaymentSucceeded: 1,
  GatewayPaymentFailed: 1,
  GatewayRefundSucceeded: 1,
  GatewayRefundFailed: 1,
  GatewayPayoutPaid: 1,
  GatewayPayoutFailed: 1,
  GatewayChargebackOpened: 1,
};

const GATEWAY_TYPES: readonly string[] = Object.values(GATEWAY_EVENT_TYPES);

export function isGatewayEvent(event: { type: string }): event is GatewayEvent {
  return GATEWAY_TYPES.includes(event.type);
}
