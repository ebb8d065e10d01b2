import Stripe from 'stripe';
import { StripeWebhooks } from './stripe-webhooks';

const secret = 'whsec_unit_plans_0123456789';
const stripe = new Stripe('sk_test_unit');
const webhooks = new StripeWebhooks(stripe, secret);
const verified = (type: string, object: Record<string, unknown>) => {
  const payload = JSON.stringify({
    id: 'evt_plan_1',
    object: 'event',
    type,
    created: 1_772_445_600,
    data: { object },
  });
  return webhooks.toNotification(
    webhooks.verify(payload, stripe.webhooks.generateTestHeaderString({ payload, secret })),
  );
};

describe('Stripe webhooks about plan charges: the subscription or pack is named from the metadata', () => {
  it('an off-session renewal charge that succeeded or failed names its subscription', () => {
    expect(
      verified('payment_intent.succeeded', {
        id: 'pi_plan_1',
        amount_received: 2_990,
        metadata: { subscriptionId: 'sub-1', period: '2', accountId: 'provider-1' },
      }),
    ).toMatchObject({
      kind: 'payment.succeeded',
      paymentRef: 'pi_plan_1',
      escrowId: null,
      amountCents: 2_990,
      planCharge: { kind: 'subscription', id: 'sub-1' },
    });
    const failed = verified('payment_intent.payment_failed', {
      id: 'pi_plan_2',
      metadata: { subscriptionId: 'sub-1', period: '3' },
      last_payment_error: { code: 'card_declined', decline_code: 'insufficient_funds' },
    });
    expect(failed).toMatchObject({
      kind: 'payment.failed',
      failureCode: 'insufficient_funds',
      planCharge: { kind: 'subscription', id: 'sub-1' },
    });
    expect(failed).not.toHaveProperty('orderId');
  });

  it('a refunded pack purchase names its pack; a dispute (no metadata of its own) names nothing and is looked up', () => {
    expect(
      verified('charge.refunded', {
        id: 'ch_plan_1',
        payment_intent: 'pi_pack_1',
        amount_refunded: 1_500,
        metadata: { packId: 'pack-1' },
        refunds: { data: [{ id: 're_pack_1' }] },
      }),
    ).toMatchObject({
      kind: 'refund.succeeded',
      paymentRef: 'pi_pack_1',
      refundRef: 're_pack_1',
      planCharge: { kind: 'hour-pack', id: 'pack-1' },
    });
    const dispute = verified('charge.dispute.created', {
      id: 'dp_plan_1',
      charge: 'ch_plan_1',
      payment_intent: 'pi_pack_1',
      amount: 4_500,
      reason: 'fraudulent',
      metadata: {},
    });
    expect(dispute).toMatchObject({ kind: 'chargeback.opened', paymentRef: 'pi_pack_1' });
    expect(dispute).not.toHaveProperty('planCharge');
  });

  it('order and mission payments name no plan sale', () => {
    for (const metadata of [{ escrowId: 'esc-1', orderId: 'order-1' }, { missionId: 'm-1' }])
      expect(
        verified('payment_intent.succeeded', { id: 'pi_1', amount_received: 1, metadata }),
      ).not.toHaveProperty('planCharge');
    expect(
      verified('payout.paid', { id: 'po_1', metadata: { payoutId: 'p-1', subscriptionId: 'x' } }),
    ).not.toHaveProperty('planCharge');
  });
});
