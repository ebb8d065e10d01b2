import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { EscrowCommandMessage } from '../../../src/application/escrow/escrow.messages';
import { OrderCommandMessage } from '../../../src/application/orders/order.messages';
import { payoutIds } from '../../../src/application/payouts/payout-ids';
import {
  EVENT_STORE,
  EventStore,
  StreamNotFoundError,
} from '../../../src/application/shared/event-store.port';
import { startTestApp, TestApp } from '../../support/test-app';
import { deliver, eventually, meta, startedOrder } from './support/helpers';

const SECRET = 'whsec_test_workers_0123456789';
const stripe = new Stripe('sk_test_unused');

function stripeEvent(
  type: string,
  object: Record<string, unknown>,
  id = `evt_${randomUUID().replace(/-/g, '')}`,
) {
  return JSON.stringify({
    id,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null },
    data: { object },
  });
}

describe('POST /webhooks/stripe: signed, deduplicated, turned into domain events', () => {
  let t: TestApp;
  let bus: CommandBus;
  let store: EventStore;
  beforeAll(async () => {
    t = await startTestApp({ STRIPE_WEBHOOK_SECRET: SECRET });
    bus = t.app.get(CommandBus);
    store = t.app.get(EVENT_STORE);
  });
  afterAll(async () => t?.close());

  const post = (
    payload: string,
    signature = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }),
  ) =>
    t.app.inject({
      method: 'POST',
      url: '/webhooks/stripe',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      payload,
    });

  async function requestedPayout(amountCents = 2_000, email = 'camille@example.fr') {
    const token = await t.tokenFor({ roles: ['provider'] });
    const providerId = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString())
      .sub as string;
    await t.app
      .get(CommandBus)
      .execute(
        new (await import('../../../src/application/payouts/wallet.messages')).WalletCommandMessage(
          providerId,
          {
            type: 'CreditWallet',
            data: { providerId, creditId: randomUUID(), escrowId: randomUUID(), amountCents },
            meta: meta(new Date(), 'system', 'system'),
          },
          { correlationId: 'test' },
        ),
      );
    const account = await t.request('POST', '/wallet/withdrawal-accounts', {
      token,
      body: { kind: 'paypal', email },
    });
    const payout = await t.request('POST', '/wallet/withdrawals', {
      token,
      body: { amountCents, accountId: account.body.account.accountId },
    });
    return { token, payoutId: payout.body.payoutId as string };
  }

  it('a bad signature is answered 400 and records nothing', async () => {
    const payload = stripeEvent('payout.paid', {
      id: 'po_1',
      object: 'payout',
      metadata: { payoutId: randomUUID() },
    });
    const forged = await post(
      payload,
      stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_someone_else' }),
    );
    expect(forged.statusCode).toBe(400);
    expect(JSON.parse(forged.body).code).toBe('INVALID_WEBHOOK_SIGNATURE');
    const altered = await post(
      payload.replace('po_1', 'po_2'),
      stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }),
    );
    expect(altered.statusCode).toBe(400);
    const unsigned = await t.app.inject({
      method: 'POST',
      url: '/webhooks/stripe',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(unsigned.statusCode).toBe(400);
    const { rows } = await t.db.pool.query('SELECT count(*)::int AS n FROM gateway_webhook_events');
    expect(rows[0].n).toBe(0);
  });

  it('payout.paid marks the payout sent; the same event delivered again changes nothing', async () => {
    const { payoutId, token } = await requestedPayout();
    const payload = stripeEvent('payout.paid', {
      id: 'po_stripe_1',
      object: 'payout',
      status: 'paid',
      metadata: { payoutId },
    });
    const first = await post(payload);
    expect(first.statusCode).toBe(200);
    expect(JSON.parse(first.body)).toMatchObject({
      received: true,
      duplicate: false,
      outcome: 'payout.paid',
    });
    const again = await post(payload);
    expect(JSON.parse(again.body)).toMatchObject({ duplicate: true });
    const sent = (await store.readStream(`payout-${payoutId}`)).filter(
      (e) => e.type === 'PayoutSent',
    );
    expect(sent).toHaveLength(1);
    expect((await t.request('GET', `/payouts/${payoutId}`, { token })).body.status).toBe('sent');
    expect((await store.readStream(`gateway-${payoutId}`)).map((e) => e.type)).toContain(
      'GatewayPayoutPaid',
    );
  });

  it('payout.failed marks the payout failed and the money returns to the wallet', async () => {
    // The simulated worker refuses this address too, so whichever outcome lands first, it is a failure.
    const { payoutId, token } = await requestedPayout(1_500, 'failing@example.fr');
    const payload = stripeEvent('payout.failed', {
      id: 'po_stripe_2',
      object: 'payout',
      status: 'failed',
      failure_code: 'account_closed',
      failure_message: 'The bank account has been closed',
      metadata: { payoutId },
    });
    expect((await post(payload)).statusCode).toBe(200);
    expect((await t.request('GET', `/payouts/${payoutId}`, { token })).body.status).toBe('failed');
    const wallet = await eventually(
      async () => {
        const res = await t.request('GET', '/wallet', { token });
        return res.body.availableCents === 1_500 ? res.body : undefined;
      },
      10_000,
      'the refund to the wallet',
    );
    expect(wallet).toMatchObject({ creditedCents: 1_500, inTransitCents: 0, paidOutCents: 0 });
    expect(
      (await store.readStream(`payout-${payoutId}`)).filter((e) => e.type === 'PayoutFailed'),
    ).toHaveLength(1);
  });

  it('a card dispute (chargeback) opens a dispute as the system, reason chargeback', async () => {
    const order = await startedOrder(bus, { startedAt: new Date(), days: 3 });
    const paymentRef = `pi_${randomUUID().replace(/-/g, '')}`;
    await bus.execute(
      new EscrowCommandMessage(
        order.escrowId,
        {
          type: 'OpenEscrow',
          data: {
            escrowId: order.escrowId,
            subject: { kind: 'order', id: order.orderId },
            payerId: order.buyerId,
            payeeId: order.sellerId,
            commissionRateBp: 1_000,
            trancheId: randomUUID(),
            amountCents: 12_000,
            paymentRef,
          },
          meta: meta(new Date(), 'system', 'system'),
        },
        { correlationId: 'test' },
      ),
    );
    await t.settle();
    const payload = stripeEvent('charge.dispute.created', {
      id: 'dp_123',
      object: 'dispute',
      amount: 12_000,
      charge: 'ch_1',
      payment_intent: paymentRef,
      reason: 'fraudulent',
      status: 'needs_response',
      metadata: {},
    });
    const res = await post(payload);
    expect(res.statusCode).toBe(200);
    const disputeId = payoutIds.id('chargeback', 'dp_123');
    const [opened] = await store.readStream(`dispute-${disputeId}`);
    expect(opened.type).toBe('DisputeOpened');
    expect(opened.data).toMatchObject({
      reason: 'chargeback',
      openerRole: 'system',
      escrowId: order.escrowId,
      buyerId: order.buyerId,
      sellerId: order.sellerId,
      subject: { kind: 'order', id: order.orderId },
      heldCents: 12_000,
    });
    expect((await store.readStream(`gateway-${order.escrowId}`)).map((e) => e.type)).toEqual([
      'GatewayChargebackOpened',
    ]);
  });

  it('a chargeback the order refuses (it completed meanwhile) opens no dispute and touches no order or escrow', async () => {
    const order = await startedOrder(bus, { startedAt: new Date(), days: 3 });
    await deliver(bus, order, new Date());
    const paymentRef = `pi_${randomUUID().replace(/-/g, '')}`;
    await bus.execute(
      new EscrowCommandMessage(
        order.escrowId,
        {
          type: 'OpenEscrow',
          data: {
            escrowId: order.escrowId,
            subject: { kind: 'order', id: order.orderId },
            payerId: order.buyerId,
            payeeId: order.sellerId,
            commissionRateBp: 1_000,
            trancheId: randomUUID(),
            amountCents: 12_000,
            paymentRef,
          },
          meta: meta(new Date(), 'system', 'system'),
        },
        { correlationId: 'test' },
      ),
    );
    await t.settle();
    // The buyer accepts the delivery right after the chargeback path first read the order.
    const orderStream = `order-${order.orderId}`;
    const read = store.readStream.bind(store);
    let raced = false;
    const spy = jest.spyOn(store, 'readStream').mockImplementation(async (stream, options) => {
      const events = await read(stream, options);
      if (stream === orderStream && !raced) {
        raced = true;
        await bus.execute(
          new OrderCommandMessage(
            order.orderId,
            {
              type: 'AcceptDelivery',
              data: { orderId: order.orderId },
              meta: meta(new Date(), order.buyerId, 'client'),
            },
            { correlationId: 'test-accept' },
          ),
        );
      }
      return events;
    });
    let res;
    try {
      res = await post(
        stripeEvent('charge.dispute.created', {
          id: 'dp_refused',
          object: 'dispute',
          amount: 12_000,
          charge: 'ch_2',
          payment_intent: paymentRef,
          reason: 'fraudulent',
          status: 'needs_response',
          metadata: {},
        }),
      );
    } finally {
      spy.mockRestore();
    }
    expect(raced).toBe(true);
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body).outcome).toMatch(/^refused ORDER_/);
    await t.settle();
    const disputeId = payoutIds.id('chargeback', 'dp_refused');
    await expect(store.readStream(`dispute-${disputeId}`)).rejects.toBeInstanceOf(
      StreamNotFoundError,
    );
    const orderTypes = (await store.readStream(orderStream)).map((e) => e.type);
    expect(orderTypes).toContain('OrderCompleted');
    expect(orderTypes).not.toContain('OrderContested');
    expect((await store.readStream(`escrow-${order.escrowId}`)).map((e) => e.type)).not.toContain(
      'EscrowFrozen',
    );
    // What the bank said is still on record: the notification is a fact, not a refused command.
    expect((await store.readStream(`gateway-${order.escrowId}`)).map((e) => e.type)).toEqual([
      'GatewayChargebackOpened',
    ]);
  });

  it('payments and refunds are recorded in the log; unknown types are acknowledged and ignored', async () => {
    const escrowId = randomUUID();
    const succeeded = stripeEvent('payment_intent.succeeded', {
      id: 'pi_x',
      object: 'payment_intent',
      amount_received: 5_000,
      metadata: { escrowId },
    });
    expect(JSON.parse((await post(succeeded)).body).outcome).toBe('recorded');
    const refunded = stripeEvent('charge.refunded', {
      id: 'ch_x',
      object: 'charge',
      payment_intent: 'pi_x',
      amount_refunded: 5_000,
      metadata: { escrowId },
      refunds: { data: [{ id: 're_x' }] },
    });
    expect(JSON.parse((await post(refunded)).body).outcome).toBe('recorded');
    const events = await store.readStream(`gateway-${escrowId}`);
    expect(events.map((e) => e.type)).toEqual([
      'GatewayPaymentSucceeded',
      'GatewayRefundSucceeded',
    ]);
    expect(events[1].data).toMatchObject({
      paymentRef: 'pi_x',
      refundRef: 're_x',
      amountCents: 5_000,
    });
    const other = await post(stripeEvent('customer.created', { id: 'cus_1', object: 'customer' }));
    expect(JSON.parse(other.body)).toMatchObject({ received: true, outcome: 'ignored' });
  });
});
