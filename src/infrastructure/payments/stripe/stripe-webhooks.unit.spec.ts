import Stripe from 'stripe';
import { InvalidWebhookSignatureError, StripeWebhooks } from './stripe-webhooks';

const secret = 'whsec_unit_0123456789';
const stripe = new Stripe('sk_test_unit');
const webhooks = new StripeWebhooks(stripe, secret);
const event = (type: string, object: Record<string, unknown>) =>
  JSON.stringify({ id: 'evt_1', object: 'event', type, created: 1_772_445_600, data: { object } });
const verified = (payload: string) =>
  webhooks.verify(payload, stripe.webhooks.generateTestHeaderString({ payload, secret }));

describe('Stripe webhooks: signature and mapping', () => {
  it('refuses a payload signed with another secret, altered, or unsigned', () => {
    const payload = event('payout.paid', { id: 'po_1' });
    expect(() =>
      webhooks.verify(
        payload,
        stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_other' }),
      ),
    ).toThrow(InvalidWebhookSignatureError);
    expect(() =>
      webhooks.verify(`${payload} `, stripe.webhooks.generateTestHeaderString({ payload, secret })),
    ).toThrow(InvalidWebhookSignatureError);
    expect(() => webhooks.verify(payload, undefined)).toThrow('missing Stripe-Signature header');
  });

  it('names the order a bank transfer or PayPal payment was made for; processing and partial funding change nothing', () => {
    const succeeded = webhooks.toNotification(
      verified(
        event('payment_intent.succeeded', {
          id: 'pi_1',
          amount_received: 45_000,
          metadata: { escrowId: 'esc-1', orderId: 'order-1' },
        }),
      ),
    );
    expect(succeeded).toMatchObject({
      kind: 'payment.succeeded',
      paymentRef: 'pi_1',
      escrowId: 'esc-1',
      orderId: 'order-1',
      amountCents: 45_000,
    });
    for (const type of ['payment_intent.processing', 'payment_intent.partially_funded'])
      expect(
        webhooks.toNotification(
          verified(
            event(type, { id: 'pi_1', metadata: { escrowId: 'esc-1', orderId: 'order-1' } }),
          ),
        ),
      ).toMatchObject({ kind: 'ignored', orderId: 'order-1' });
  });

  it('maps payouts by the payout id we put in their metadata', () => {
    const paid = webhooks.toNotification(
      verified(event('payout.paid', { id: 'po_1', metadata: { payoutId: 'p-1' } })),
    );
    expect(paid).toEqual({
      provider: 'stripe',
      eventId: 'evt_1',
      providerType: 'payout.paid',
      occurredAt: '2026-03-02T10:00:00.000Z',
      kind: 'payout.paid',
      payoutId: 'p-1',
      gatewayPayoutId: 'po_1',
    });
    const failed = webhooks.toNotification(
      verified(
        event('payout.failed', {
          id: 'po_2',
          failure_code: 'account_closed',
          failure_message: 'closed',
          metadata: { payoutId: 'p-2' },
        }),
      ),
    );
    expect(failed).toMatchObject({
      kind: 'payout.failed',
      payoutId: 'p-2',
      failureCode: 'account_closed',
      failureMessage: 'closed',
    });
    expect(
      webhooks.toNotification(verified(event('payout.paid', { id: 'po_3', metadata: {} }))),
    ).toMatchObject({ kind: 'ignored' });
  });

  it('maps payments, refunds and chargebacks with their payment reference and escrow', () => {
    const ok = webhooks.toNotification(
      verified(
        event('payment_intent.succeeded', {
          id: 'pi_1',
          amount_received: 900,
          transfer_group: 'esc-1',
          metadata: {},
        }),
      ),
    );
    expect(ok).toMatchObject({
      kind: 'payment.succeeded',
      paymentRef: 'pi_1',
      escrowId: 'esc-1',
      amountCents: 900,
    });
    const ko = webhooks.toNotification(
      verified(
        event('payment_intent.payment_failed', {
          id: 'pi_2',
          metadata: { escrowId: 'esc-2' },
          last_payment_error: { code: 'card_declined', decline_code: 'expired_card' },
        }),
      ),
    );
    expect(ko).toMatchObject({
      kind: 'payment.failed',
      escrowId: 'esc-2',
      failureCode: 'expired_card',
    });
    const refund = webhooks.toNotification(
      verified(
        event('charge.refunded', {
          id: 'ch_1',
          payment_intent: 'pi_1',
          amount_refunded: 400,
          metadata: {},
          refunds: { data: [{ id: 're_1' }] },
        }),
      ),
    );
    expect(refund).toMatchObject({
      kind: 'refund.succeeded',
      paymentRef: 'pi_1',
      refundRef: 're_1',
      amountCents: 400,
    });
    const dispute = webhooks.toNotification(
      verified(
        event('charge.dispute.created', {
          id: 'dp_1',
          charge: 'ch_1',
          payment_intent: 'pi_1',
          amount: 900,
          reason: 'fraudulent',
          metadata: {},
        }),
      ),
    );
    expect(dispute).toMatchObject({
      kind: 'chargeback.opened',
      paymentRef: 'pi_1',
      gatewayDisputeId: 'dp_1',
      amountCents: 900,
      reason: 'fraudulent',
      escrowId: null,
    });
    expect(
      webhooks.toNotification(verified(event('customer.created', { id: 'cus_1' }))),
    ).toMatchObject({ kind: 'ignored' });
  });
});
