import { answerOf } from './paypal-payouts';
import { bodyOfPayPal } from './paypal-webhooks';

const item = (event_type: string, extra: Record<string, unknown> = {}) => ({
  id: 'WH-1',
  event_type,
  resource: { payout_batch_id: 'BATCH1', payout_item: { sender_item_id: 'po-1' }, ...extra },
});

describe('PayPal payout webhooks and batch answers in our terms', () => {
  it('an item that succeeded pays the payout named by its sender_item_id', () => {
    expect(bodyOfPayPal(item('PAYMENT.PAYOUTS-ITEM.SUCCEEDED'))).toEqual({
      kind: 'payout.paid',
      payoutId: 'po-1',
      gatewayPayoutId: 'BATCH1',
    });
  });

  it.each(['FAILED', 'BLOCKED', 'DENIED', 'RETURNED', 'REFUNDED'])(
    'an item %s fails the payout with PayPal’s error name',
    (outcome) => {
      expect(
        bodyOfPayPal(
          item(`PAYMENT.PAYOUTS-ITEM.${outcome}`, {
            errors: { name: 'RECEIVER_UNREGISTERED', message: 'Receiver is unregistered' },
          }),
        ),
      ).toEqual({
        kind: 'payout.failed',
        payoutId: 'po-1',
        gatewayPayoutId: 'BATCH1',
        failureCode: 'receiver_unregistered',
        failureMessage: 'Receiver is unregistered',
      });
    },
  );

  it('batch events, other types and items we did not send are acknowledged only', () => {
    expect(bodyOfPayPal(item('PAYMENT.PAYOUTSBATCH.SUCCESS'))).toEqual({ kind: 'ignored' });
    expect(bodyOfPayPal(item('PAYMENT.PAYOUTS-ITEM.UNCLAIMED'))).toEqual({ kind: 'ignored' });
    expect(
      bodyOfPayPal({ id: 'WH-2', event_type: 'PAYMENT.PAYOUTS-ITEM.SUCCEEDED', resource: {} }),
    ).toEqual({ kind: 'ignored' });
  });

  it('a batch answers paid, failed or pending from its item', () => {
    const batch = (transaction_status: string, batch_status = 'SUCCESS') => ({
      batch_header: { payout_batch_id: 'B', batch_status },
      items: [{ transaction_status }],
    });
    expect(answerOf(batch('SUCCESS'))).toEqual({ gatewayPayoutId: 'B', status: 'paid' });
    expect(answerOf(batch('UNCLAIMED'))).toEqual({ gatewayPayoutId: 'B', status: 'pending' });
    expect(answerOf(batch('PENDING', 'PENDING'))).toEqual({
      gatewayPayoutId: 'B',
      status: 'pending',
    });
    expect(answerOf(batch('FAILED'))).toEqual({
      gatewayPayoutId: 'B',
      status: 'failed',
      failureCode: 'failed',
    });
  });
});
