import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import {
  PAYMENT_GATEWAY,
  PaymentGateway,
} from '../../../src/application/payments/payment-gateway.port';
import {
  EVENT_STORE,
  EventStore,
  StreamNotFoundError,
} from '../../../src/application/shared/event-store.port';
import { gatewayIds } from '../../../src/application/payments/gateway-ids';
import { subscriptionStream, SubscriptionStarted } from '../../../src/domain/plans';
import { startTestApp, TestApp } from '../../support/test-app';

const SECRET = 'whsec_test_plan_payments_0123456789';
const stripe = new Stripe('sk_test_unused');

const stripeEvent = (type: string, object: Record<string, unknown>) =>
  JSON.stringify({
    id: `evt_${randomUUID().replace(/-/g, '')}`,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null },
    data: { object },
  });

describe('Plan payments: saved-card charges in the simulated gateway, and what Stripe tells us about them', () => {
  let t: TestApp;
  let store: EventStore;
  let gateway: PaymentGateway;
  beforeAll(async () => {
    t = await startTestApp({ STRIPE_WEBHOOK_SECRET: SECRET });
    store = t.app.get(EVENT_STORE);
    gateway = t.app.get(PAYMENT_GATEWAY);
  });
  afterAll(async () => t?.close());

  const post = (payload: string) =>
    t.app.inject({
      method: 'POST',
      url: '/webhooks/stripe',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }),
      },
      payload,
    });
  const gatewayLog = async (id: string) =>
    (await store.readStream(`gateway-${id}`)).map((e) => ({ type: e.type, data: e.data }));

  /** A subscription started on a card the app's gateway saved and charged, as the plans record it. */
  async function startedSubscription() {
    const subscriptionId = randomUUID();
    const accountId = randomUUID();
    const { paymentMethodRef } = await gateway.savePaymentMethod({
      accountId,
      paymentMethod: 'pm_card_visa',
      idempotencyKey: `subscription-${subscriptionId}-save-method`,
    });
    const { chargeRef } = await gateway.chargeSaved({
      accountId,
      paymentMethodRef,
      amountCents: 2_990,
      description: 'Abonnement Pro, période 1',
      metadata: { subscriptionId, period: '1' },
      idempotencyKey: `subscription-${subscriptionId}-period-1`,
    });
    const now = new Date().toISOString();
    const data: SubscriptionStarted['data'] = {
      subscriptionId,
      accountId,
      planId: 'plan-pro',
      planKind: 'pro',
      planName: 'Pro',
      billingPeriod: 'month',
      paymentMethodRef,
      startedAt: now,
      period: 1,
      planVersion: 1,
      priceTtcCents: 2_990,
      periodStartsAt: now,
      periodEndsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      credits: { consultation: 0, offer: 0, direct_contact: 0 },
      chargeRef,
    };
    const correlationId = randomUUID();
    await store.appendToStream(
      subscriptionStream(subscriptionId),
      [
        {
          id: randomUUID(),
          type: 'SubscriptionStarted',
          data,
          metadata: {
            correlationId,
            causationId: correlationId,
            actorId: accountId,
            actorRole: 'provider',
            occurredAt: now,
          },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    await t.settle();
    return { subscriptionId, accountId, chargeRef };
  }

  it('the app’s simulated gateway refunds a saved-card charge no more than it took', async () => {
    const { chargeRef } = await startedSubscription();
    await gateway.refundCharge({
      chargeRef,
      amountCents: 2_000,
      idempotencyKey: `${chargeRef}-r1`,
    });
    await expect(
      gateway.refundCharge({ chargeRef, amountCents: 1_000, idempotencyKey: `${chargeRef}-r2` }),
    ).rejects.toMatchObject({ code: 'PAYMENT_EXCEEDS_FUNDS' });
  });

  it('a renewal charge’s payment_intent.succeeded is accepted, logged for its subscription, and a redelivery changes nothing', async () => {
    const subscriptionId = randomUUID();
    const payload = stripeEvent('payment_intent.succeeded', {
      id: 'pi_plan_renewal',
      object: 'payment_intent',
      amount_received: 2_990,
      metadata: { subscriptionId, period: '2', accountId: 'provider-1' },
    });
    const first = await post(payload);
    expect(first.statusCode).toBe(200);
    expect(JSON.parse(first.body)).toMatchObject({
      received: true,
      duplicate: false,
      outcome: `recorded for subscription ${subscriptionId}`,
    });
    const again = await post(payload);
    expect(again.statusCode).toBe(200);
    expect(JSON.parse(again.body)).toMatchObject({ duplicate: true });
    expect(await gatewayLog(subscriptionId)).toEqual([
      {
        type: 'GatewayPlanChargeSucceeded',
        data: expect.objectContaining({
          provider: 'stripe',
          providerType: 'payment_intent.succeeded',
          paymentRef: 'pi_plan_renewal',
          subject: { kind: 'subscription', id: subscriptionId },
          amountCents: 2_990,
        }),
      },
    ]);
  });

  it('a failed off-session charge and a pack refund are logged for their sale, never as an order’s or escrow’s', async () => {
    const subscriptionId = randomUUID();
    const failed = await post(
      stripeEvent('payment_intent.payment_failed', {
        id: 'pi_plan_failed',
        object: 'payment_intent',
        metadata: { subscriptionId, period: '3' },
        last_payment_error: { code: 'card_declined', decline_code: 'insufficient_funds' },
      }),
    );
    expect(failed.statusCode).toBe(200);
    expect((await gatewayLog(subscriptionId)).map((e) => e.type)).toEqual([
      'GatewayPlanChargeFailed',
    ]);
    const packId = randomUUID();
    const refunded = await post(
      stripeEvent('charge.refunded', {
        id: 'ch_pack',
        object: 'charge',
        payment_intent: 'pi_pack',
        amount_refunded: 1_500,
        metadata: { packId },
        refunds: { data: [{ id: 're_pack' }] },
      }),
    );
    expect(JSON.parse(refunded.body).outcome).toBe(`recorded for hour-pack ${packId}`);
    expect(await gatewayLog(packId)).toEqual([
      {
        type: 'GatewayPlanChargeRefunded',
        data: expect.objectContaining({ refundRef: 're_pack', amountCents: 1_500 }),
      },
    ]);
  });

  it('a dispute on a plan charge (no metadata) is found by its reference, listed for finance, and opens no dispute', async () => {
    const { subscriptionId, chargeRef } = await startedSubscription();
    const res = await post(
      stripeEvent('charge.dispute.created', {
        id: 'dp_plan_1',
        object: 'dispute',
        amount: 2_990,
        charge: 'ch_plan_1',
        payment_intent: chargeRef,
        reason: 'fraudulent',
        status: 'needs_response',
        metadata: {},
      }),
    );
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body).outcome).toBe(
      `plan charge disputed (subscription ${subscriptionId}): listed for finance`,
    );
    expect(await gatewayLog(subscriptionId)).toEqual([
      {
        type: 'GatewayPlanChargeDisputed',
        data: expect.objectContaining({
          paymentRef: chargeRef,
          gatewayDisputeId: 'dp_plan_1',
          amountCents: 2_990,
          reason: 'fraudulent',
        }),
      },
    ]);
    await expect(
      store.readStream(`dispute-${gatewayIds.id('chargeback', 'dp_plan_1')}`),
    ).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it('a dispute on a payment nobody knows is still acknowledged, as before', async () => {
    const res = await post(
      stripeEvent('charge.dispute.created', {
        id: 'dp_unknown',
        object: 'dispute',
        amount: 100,
        charge: 'ch_unknown',
        payment_intent: 'pi_unknown_plan',
        reason: 'fraudulent',
        metadata: {},
      }),
    );
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body).outcome).toBe('unknown payment pi_unknown_plan');
  });
});
