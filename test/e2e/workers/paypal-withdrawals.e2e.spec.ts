import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { WalletCommandMessage } from '../../../src/application/payouts/wallet.messages';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { PayPalDouble } from '../../support/paypal-double';
import { startTestApp, TestApp } from '../../support/test-app';
import { eventually, meta } from './support/helpers';

jest.setTimeout(120_000);

describe('PayPal withdrawals through PayPal Payouts (a local PayPal double)', () => {
  const double = new PayPalDouble();
  let t: TestApp;
  let store: EventStore;

  beforeAll(async () => {
    await double.start();
    t = await startTestApp(double.env);
    store = t.app.get(EVENT_STORE);
  });
  afterAll(async () => {
    await t?.close();
    await double.stop();
  });
  beforeEach(() => {
    double.itemStatus = 'SUCCESS';
  });

  /** A seller with 80 € available and a PayPal account, who asks for all of it. */
  async function withdraw(email: string) {
    const providerId = randomUUID();
    const token = await t.tokenFor({ accountId: providerId, roles: ['provider'] });
    await t.app.get(CommandBus).execute(
      new WalletCommandMessage(
        providerId,
        {
          type: 'CreditWallet',
          data: { providerId, creditId: randomUUID(), escrowId: randomUUID(), amountCents: 8_000 },
          meta: meta(new Date(), 'system', 'system'),
        },
        { correlationId: 'paypal-test' },
      ),
    );
    const account = await t.request('POST', '/wallet/withdrawal-accounts', {
      token,
      body: { kind: 'paypal', email },
    });
    expect(account.status).toBe(201);
    const requested = await t.request('POST', '/wallet/withdrawals', {
      token,
      body: { amountCents: 8_000, accountId: account.body.account.accountId },
    });
    expect(requested.status).toBe(201);
    return { token, payoutId: requested.body.payoutId as string };
  }

  const typesOf = async (payoutId: string) =>
    (await store.readStream(`payout-${payoutId}`)).map((e) => e.type);
  const until = (payoutId: string, type: string) =>
    eventually(
      async () => {
        const types = await typesOf(payoutId);
        return types.includes(type) ? types : undefined;
      },
      60_000,
      `${type} on payout ${payoutId}`,
    );
  const creations = (payoutId: string) =>
    double.requests.filter(
      (r) =>
        r.method === 'POST' &&
        r.path === '/v1/payments/payouts' &&
        (r.body as { sender_batch_header?: { sender_batch_id?: string } }).sender_batch_header
          ?.sender_batch_id === payoutId,
    );

  it('pays the seller exactly once, even when PayPal’s answer is lost and the job runs again', async () => {
    double.dropNextPayoutAnswer();
    const { token, payoutId } = await withdraw('camille@example.fr');
    expect(await until(payoutId, 'PayoutSent')).toEqual([
      'PayoutRequested',
      'PayoutSubmitted',
      'PayoutSent',
    ]);
    // PayPal was asked twice with the same sender_batch_id, and holds one batch.
    expect(creations(payoutId)).toHaveLength(2);
    expect([...double.batches.keys()].filter((id) => id === payoutId)).toHaveLength(1);
    const [submitted] = (await store.readStream(`payout-${payoutId}`)).filter(
      (e) => e.type === 'PayoutSubmitted',
    );
    expect(submitted.data).toMatchObject({
      gatewayPayoutId: double.batches.get(payoutId)!.batch_header.payout_batch_id,
    });
    // Stripe/simulated were never asked to pay a PayPal address.
    const simulated = await t.db.pool.query(
      `SELECT count(*)::int AS n FROM simulated_gateway_operations WHERE operation = 'payout' AND request ->> 'payoutId' = $1`,
      [payoutId],
    );
    expect(simulated.rows[0].n).toBe(0);
    const wallet = await eventually(
      async () => {
        const res = await t.request('GET', '/wallet', { token });
        return res.body.paidOutCents === 8_000 ? res.body : undefined;
      },
      30_000,
      'the wallet to settle',
    );
    expect(wallet).toMatchObject({ availableCents: 0, inTransitCents: 0, paidOutCents: 8_000 });
  });

  it('an item PayPal cannot pay fails the payout with PayPal’s reason', async () => {
    const { payoutId } = await withdraw('unregistered@example.fr');
    await until(payoutId, 'PayoutFailed');
    const failed = (await store.readStream(`payout-${payoutId}`)).find(
      (e) => e.type === 'PayoutFailed',
    );
    expect(failed?.data).toMatchObject({ failureCode: 'receiver_unregistered' });
  });

  it('a pending item is settled by PayPal’s verified webhook; a forged one is refused and changes nothing', async () => {
    double.itemStatus = 'PENDING';
    const { payoutId } = await withdraw('dominique@example.fr');
    await until(payoutId, 'PayoutSubmitted');
    const event = double.settleItem(payoutId, 'SUCCEEDED');
    const headers = double.sign(event);

    const forged = await t.request('POST', '/webhooks/paypal', {
      headers: { ...headers, 'content-type': 'application/json' },
      body: { ...event, resource: { ...event.resource, payout_batch_id: 'BATCH-OTHER' } },
    });
    expect(forged.status).toBe(400);
    expect(forged.headers['content-type']).toContain('application/problem+json');
    expect(forged.body.code).toBe('INVALID_WEBHOOK_SIGNATURE');
    const unsigned = await t.request('POST', '/webhooks/paypal', {
      headers: { 'content-type': 'application/json' },
      body: event,
    });
    expect(unsigned.status).toBe(400);
    expect(await typesOf(payoutId)).toEqual(['PayoutRequested', 'PayoutSubmitted']);

    const delivered = await t.request('POST', '/webhooks/paypal', {
      headers: { ...headers, 'content-type': 'application/json' },
      body: event,
    });
    expect(delivered.status).toBe(200);
    expect(delivered.body).toMatchObject({ received: true, duplicate: false });
    expect(await typesOf(payoutId)).toEqual(['PayoutRequested', 'PayoutSubmitted', 'PayoutSent']);
    const again = await t.request('POST', '/webhooks/paypal', {
      headers: { ...headers, 'content-type': 'application/json' },
      body: event,
    });
    expect(again.body).toMatchObject({ received: true, duplicate: true });
    expect(await typesOf(payoutId)).toEqual(['PayoutRequested', 'PayoutSubmitted', 'PayoutSent']);
  });
});
