import { PayoutSender } from '../../../application/payouts/payout-sender.port';
import { BusinessRuleError } from '../../../domain/shared';
import { PayPalApi, PayPalRequestError } from './paypal-api';

type PayoutRequest = Parameters<PayoutSender['payout']>[0];
type PayoutAnswer = Awaited<ReturnType<PayoutSender['payout']>>;

interface BatchAnswer {
  batch_header: { payout_batch_id: string; batch_status: string };
  items?: Array<{ transaction_status?: string; errors?: { name?: string } }>;
}

/** Item statuses after which PayPal will not pay the item. */
const FAILED = new Set(['FAILED', 'RETURNED', 'BLOCKED', 'DENIED', 'REFUNDED', 'REVERSED']);

/** The outcome a batch's (single) item reports, in the payouts port's terms. */
export function answerOf(batch: BatchAnswer): PayoutAnswer {
  const gatewayPayoutId = batch.batch_header.payout_batch_id;
  const item = batch.items?.[0];
  const status = item?.transaction_status ?? '';
  if (status === 'SUCCESS') return { gatewayPayoutId, status: 'paid' };
  if (FAILED.has(status) || batch.batch_header.batch_status === 'DENIED')
    return {
      gatewayPayoutId,
      status: 'failed',
      failureCode: (item?.errors?.name ?? (status || 'DENIED')).toLowerCase(),
    };
  return { gatewayPayoutId, status: 'pending' };
}

/**
 * PayPal withdrawals through PayPal Payouts: one batch of one item per payout. The payout id is
 * the `sender_batch_id` and the `PayPal-Request-Id`, so a retry (even after a crash between
 * PayPal's answer and our record of it) gets the first batch back instead of paying twice.
 */
export class PayPalPayouts implements PayoutSender {
  constructor(private readonly api: PayPalApi) {}

  async payout(request: PayoutRequest): Promise<PayoutAnswer> {
    if (request.destination.kind !== 'paypal')
      throw new BusinessRuleError(
        'PAYOUT_DESTINATION_UNSUPPORTED',
        'PayPal payouts pay PayPal accounts only',
        { payoutId: request.payoutId },
      );
    const value = (request.amountCents / 100).toFixed(2);
    let created;
    try {
      created = await this.api.request<BatchAnswer>(
        'POST',
        '/v1/payments/payouts',
        {
          sender_batch_header: {
            sender_batch_id: request.idempotencyKey,
            email_subject: 'You have a payout',
            recipient_type: 'EMAIL',
          },
          items: [
            {
              recipient_type: 'EMAIL',
              receiver: request.destination.email,
              amount: { value, currency: 'EUR' },
              sender_item_id: request.payoutId,
              note: `Withdrawal ${request.payoutId}`,
            },
          ],
        },
        { 'paypal-request-id': request.idempotencyKey },
      );
    } catch (error) {
      if (error instanceof PayPalRequestError)
        throw new BusinessRuleError(
          'PAYMENT_REQUEST_REFUSED',
          `PayPal refused the payout: ${error.paypalName}`,
          { paypalName: error.paypalName, payoutId: request.payoutId },
        );
      throw error;
    }
    const batchId = created.body.batch_header.payout_batch_id;
    // The create answer carries no item status: the batch's details do.
    const details = await this.api.request<BatchAnswer>(
      'GET',
      `/v1/payments/payouts/${encodeURIComponent(batchId)}`,
    );
    return answerOf(details.body);
  }
}
