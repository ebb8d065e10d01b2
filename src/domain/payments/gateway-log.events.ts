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

/**
 * The plan sale a charge paid for (docs/plans-payments.md): a subscription's period or an hour
 * pack. Its notifications are logged in `gateway-<id>`; no order, escrow or mission is involved.
 */
export interface PlanChargeSubject {
  kind: 'subscription' | 'hour-pack';
  id: string;
}

/**
 * What the gateway says about a plan charge (`chargeSaved`, `refundCharge`). The plans act on none
 * of them (charges and refunds answer synchronously); they are on record, and a dispute is listed
 * for finance.
 */
export type PlanChargeFacts =
  | {
      kind: 'plan-charge.succeeded';
      paymentRef: string;
      subject: PlanChargeSubject;
      amountCents: number;
    }
  | {
      kind: 'plan-charge.failed';
      paymentRef: string;
      subject: PlanChargeSubject;
      failureCode: string;
    }
  | {
      kind: 'plan-charge.refunded';
      paymentRef: string;
      subject: PlanChargeSubject;
      refundRef: string;
      amountCents: number;
    }
  | {
      kind: 'plan-charge.refund-failed';
      paymentRef: string;
      subject: PlanChargeSubject;
      refundRef: string;
      amountCents: number;
    }
  | {
      kind: 'plan-charge.disputed';
      paymentRef: string;
      subject: PlanChargeSubject;
      gatewayDisputeId: string;
      amountCents: number;
      reason: string;
    };

/** Everything the log records: the escrow and payout facts, and the plan-charge facts. */
export type GatewayLogFacts = GatewayFacts | PlanChargeFacts;

export type GatewayFactKind = GatewayLogFacts['kind'];

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
  'plan-charge.succeeded': 'GatewayPlanChargeSucceeded',
  'plan-charge.failed': 'GatewayPlanChargeFailed',
  'plan-charge.refunded': 'GatewayPlanChargeRefunded',
  'plan-charge.refund-failed': 'GatewayPlanRefundFailed',
  'plan-charge.disputed': 'GatewayPlanChargeDisputed',
} as const satisfies Record<GatewayFactKind, string>;

type FactsOf<K extends GatewayFactKind> = Omit<Extract<GatewayLogFacts, { kind: K }>, 'kind'>;

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
  GatewayPlanChargeSucceeded: 1,
  GatewayPlanChargeFailed: 1,
  GatewayPlanChargeRefunded: 1,
  GatewayPlanRefundFailed: 1,
  GatewayPlanChargeDisputed: 1,
};

const GATEWAY_TYPES: readonly string[] = Object.values(GATEWAY_EVENT_TYPES);

export function isGatewayEvent(event: { type: string }): event is GatewayEvent {
  return GATEWAY_TYPES.includes(event.type);
}
