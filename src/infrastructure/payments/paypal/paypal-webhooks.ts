import {
  GatewayNotification,
  GatewayNotificationBody,
} from '../../../application/payouts/gateway-notification';
import { InvalidWebhookSignatureError } from '../stripe/stripe-webhooks';
import { PayPalApi, PayPalRequestError } from './paypal-api';

/** A PayPal webhook event, as much of it as we read. */
export interface PayPalWebhookEvent {
  id: string;
  event_type: string;
  create_time?: string;
  resource?: {
    payout_batch_id?: string;
    transaction_status?: string;
    payout_item?: { sender_item_id?: string };
    errors?: { name?: string; message?: string };
  };
}

const ITEM_FAILED = new Set([
  'PAYMENT.PAYOUTS-ITEM.FAILED',
  'PAYMENT.PAYOUTS-ITEM.BLOCKED',
  'PAYMENT.PAYOUTS-ITEM.DENIED',
  'PAYMENT.PAYOUTS-ITEM.RETURNED',
  'PAYMENT.PAYOUTS-ITEM.REFUNDED',
]);

/** Item events carry each payout's outcome; batch events (PAYMENT.PAYOUTSBATCH.*) are acknowledged only. */
export function bodyOfPayPal(event: PayPalWebhookEvent): GatewayNotificationBody {
  const resource = event.resource ?? {};
  const payoutId = resource.payout_item?.sender_item_id;
  const gatewayPayoutId = resource.payout_batch_id;
  if (!payoutId || !gatewayPayoutId) return { kind: 'ignored' };
  if (event.event_type === 'PAYMENT.PAYOUTS-ITEM.SUCCEEDED')
    return { kind: 'payout.paid', payoutId, gatewayPayoutId };
  if (ITEM_FAILED.has(event.event_type)) {
    const failureCode = (
      resource.errors?.name ??
      resource.transaction_status ??
      event.event_type.split('.').pop()!
    ).toLowerCase();
    return {
      kind: 'payout.failed',
      payoutId,
      gatewayPayoutId,
      failureCode,
      failureMessage: resource.errors?.message ?? `PayPal did not pay the payout: ${failureCode}`,
    };
  }
  return { kind: 'ignored' };
}

const header = (headers: Record<string, string | string[] | undefined>, name: string) => {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * PayPal's webhooks, verified by PayPal itself (`/v1/notifications/verify-webhook-signature`
 * with our webhook id and the transmission headers), then mapped to gateway notifications.
 */
export class PayPalWebhooks {
  constructor(
    private readonly api: PayPalApi,
    private readonly webhookId: string,
  ) {}

  async verify(
    rawBody: Buffer | string,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<PayPalWebhookEvent> {
    const names = [
      'paypal-auth-algo',
      'paypal-cert-url',
      'paypal-transmission-id',
      'paypal-transmission-sig',
      'paypal-transmission-time',
    ] as const;
    const values = names.map((n) => header(headers, n));
    const missing = names.filter((_, i) => !values[i]);
    if (missing.length > 0)
      throw new InvalidWebhookSignatureError(`missing ${missing.join(', ')} header(s)`);
    let event: PayPalWebhookEvent;
    try {
      event = JSON.parse(rawBody.toString()) as PayPalWebhookEvent;
    } catch {
      throw new InvalidWebhookSignatureError('the body is not JSON');
    }
    const [authAlgo, certUrl, transmissionId, transmissionSig, transmissionTime] = values;
    let body: { verification_status?: string };
    try {
      ({ body } = await this.api.request<{ verification_status?: string }>(
        'POST',
        '/v1/notifications/verify-webhook-signature',
        {
          auth_algo: authAlgo,
          cert_url: certUrl,
          transmission_id: transmissionId,
          transmission_sig: transmissionSig,
          transmission_time: transmissionTime,
          webhook_id: this.webhookId,
          webhook_event: event,
        },
      ));
    } catch (error) {
      // PayPal refuses to verify a malformed delivery: as unverified as a failed signature.
      if (error instanceof PayPalRequestError)
        throw new InvalidWebhookSignatureError(`PayPal refused to verify it: ${error.paypalName}`);
      throw error;
    }
    if (body.verification_status !== 'SUCCESS')
      throw new InvalidWebhookSignatureError(
        `PayPal answered ${body.verification_status ?? 'nothing'}`,
      );
    if (typeof event.id !== 'string' || typeof event.event_type !== 'string')
      throw new InvalidWebhookSignatureError('the event has no id or type');
    return event;
  }

  toNotification(event: PayPalWebhookEvent): GatewayNotification {
    return {
      provider: 'paypal',
      eventId: event.id,
      providerType: event.event_type,
      occurredAt: event.create_time ?? new Date().toISOString(),
      ...bodyOfPayPal(event),
    };
  }
}
