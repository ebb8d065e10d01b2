import Stripe from 'stripe';
import {
  GatewayNotification,
  GatewayNotificationBody,
} from '../../../application/payouts/gateway-notification';
import type { PlanChargeSubject } from '../../../domain/payments';

/** Thrown for a payload whose signature does not verify: answered 400, nothing recorded. */
export class InvalidWebhookSignatureError extends Error {
  readonly code = 'INVALID_WEBHOOK_SIGNATURE';
  constructor(reason: string) {
    super(`The webhook signature is invalid: ${reason}`);
    this.name = 'InvalidWebhookSignatureError';
  }
}

const idOf = (value: string | { id: string } | null | undefined): string | null =>
  value == null ? null : typeof value === 'string' ? value : value.id;

const metadataOf = (value: unknown): Record<string, string> =>
  value && typeof value === 'object' && 'metadata' in value
    ? ((value as { metadata: Record<string, string> | null }).metadata ?? {})
    : {};

/** Verifies a Stripe webhook on the exact bytes received and maps it to a gateway notification. */
export class StripeWebhooks {
  constructor(
    private readonly stripe: Stripe,
    private readonly secret: string,
  ) {}

  verify(rawBody: Buffer | string, signature: string | undefined): Stripe.Event {
    if (!signature) throw new InvalidWebhookSignatureError('missing Stripe-Signature header');
    try {
      return this.stripe.webhooks.constructEvent(rawBody, signature, this.secret);
    } catch (error) {
      throw new InvalidWebhookSignatureError(
        error instanceof Error ? error.message : String(error),
      );
    }
  }

  toNotification(event: Stripe.Event): GatewayNotification {
    const orderId = event.type.startsWith('payment_intent.')
      ? metadataOf(event.data.object).orderId
      : undefined;
    const planCharge = planChargeOf(event);
    return {
      provider: 'stripe',
      ...(orderId ? { orderId } : {}),
      ...(planCharge ? { planCharge } : {}),
      eventId: event.id,
      providerType: event.type,
      occurredAt: new Date(event.created * 1000).toISOString(),
      ...bodyOf(event),
    };
  }
}

/**
 * The plan sale a payment, charge, refund or dispute is about, from the metadata `chargeSaved`
 * copied (`subscriptionId` or `packId`). An object without them (a dispute has no metadata of its
 * own) is found later by its payment reference, among the charges the plans' events name.
 */
export function planChargeOf(event: Stripe.Event): PlanChargeSubject | null {
  if (!/^(payment_intent|charge|refund)\./.test(event.type)) return null;
  const object = event.data.object as unknown as Record<string, unknown>;
  const metadata = metadataOf(object);
  if (metadata.subscriptionId) return { kind: 'subscription', id: metadata.subscriptionId };
  if (metadata.packId) return { kind: 'hour-pack', id: metadata.packId };
  return null;
}

export function bodyOf(event: Stripe.Event): GatewayNotificationBody {
  const object = event.data.object as unknown as Record<string, unknown>;
  const escrowOf = (o: Record<string, unknown>) =>
    metadataOf(o).escrowId ?? (typeof o.transfer_group === 'string' ? o.transfer_group : null);
  switch (event.type) {
    case 'payment_intent.amount_capturable_updated':
    case 'payment_intent.succeeded': {
      const pi = event.data.object;
      return {
        kind:
          event.type === 'payment_intent.succeeded' ? 'payment.succeeded' : 'payment.authorized',
        paymentRef: pi.id,
        escrowId: escrowOf(object),
        amountCents:
          event.type === 'payment_intent.succeeded' ? pi.amount_received : pi.amount_capturable,
      };
    }
    case 'payment_intent.payment_failed': {
      const pi = event.data.object;
      return {
        kind: 'payment.failed',
        paymentRef: pi.id,
        escrowId: escrowOf(object),
        failureCode:
          pi.last_payment_error?.decline_code ?? pi.last_payment_error?.code ?? 'payment_failed',
      };
    }
    case 'charge.refunded': {
      const charge = event.data.object;
      const latest = charge.refunds?.data?.[0];
      return {
        kind: 'refund.succeeded',
        paymentRef: idOf(charge.payment_intent) ?? charge.id,
        escrowId: escrowOf(object),
        refundRef: latest?.id ?? charge.id,
        amountCents: charge.amount_refunded,
      };
    }
    case 'refund.failed': {
      const refund = event.data.object;
      return {
        kind: 'refund.failed',
        paymentRef: idOf(refund.payment_intent) ?? idOf(refund.charge) ?? refund.id,
        escrowId: metadataOf(refund).escrowId ?? null,
        refundRef: refund.id,
        amountCents: refund.amount,
      };
    }
    case 'payout.paid':
    case 'payout.failed': {
      const payout = event.data.object;
      const payoutId = payout.metadata?.payoutId;
      if (!payoutId) return { kind: 'ignored' };
      return event.type === 'payout.paid'
        ? { kind: 'payout.paid', payoutId, gatewayPayoutId: payout.id }
        : {
            kind: 'payout.failed',
            payoutId,
            gatewayPayoutId: payout.id,
            failureCode: payout.failure_code ?? 'payout_failed',
            failureMessage: payout.failure_message ?? 'The bank refused the payout',
          };
    }
    case 'charge.dispute.created': {
      const dispute = event.data.object;
      return {
        kind: 'chargeback.opened',
        paymentRef: idOf(dispute.payment_intent) ?? idOf(dispute.charge) ?? dispute.id,
        escrowId: metadataOf(dispute).escrowId ?? null,
        gatewayDisputeId: dispute.id,
        amountCents: dispute.amount,
        reason: dispute.reason,
      };
    }
    default:
      return { kind: 'ignored' };
  }
}
