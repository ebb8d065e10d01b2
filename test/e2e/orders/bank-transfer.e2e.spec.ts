import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { PlaceGigOrderCommand } from '../../../src/application/orders/place-gig-order.handler';
import Stripe from 'stripe';
import { Clock, ManualClock } from '../../../src/application/shared/clock';
import { DeadlineJobs } from '../../../src/application/scheduling/deadline-jobs';
import { DeadlineJob } from '../../../src/application/scheduling/jobs';
import { jobsFor } from '../../../src/application/scheduling/schedule-rules';
import {
  EVENT_STORE,
  EventStore,
  StreamNotFoundError,
} from '../../../src/application/shared/event-store.port';
import { startTestApp, TestApp } from '../../support/test-app';
import { gatewayOperations, Party, party, publishedGig } from './marketplace-fixtures';

const SECRET = 'whsec_test_bank_transfer_0123456789';
const stripe = new Stripe('sk_test_unused');

/**
 * Seed 001: buyers pay by bank transfer (or PayPal). The order waits for the funds with the bank
 * details to wire to, is placed when the gateway's signed webhook says they arrived, and expires
 * when they never come.
 */
describe('orders paid by bank transfer', () => {
  let t: TestApp;
  let buyer: Party;
  let seller: Party;
  let gigId: string;
  let store: EventStore;
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    t = await startTestApp({ STRIPE_WEBHOOK_SECRET: SECRET }, [[Clock, clock]]);
    seller = await party(t, 'provider');
    buyer = await party(t, 'client');
    gigId = await publishedGig(t, seller);
    store = t.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(async () => t?.close());

  const place = (key: string, paymentMethod = 'bank_transfer') =>
    t.request('POST', '/orders', {
      token: buyer.token,
      body: { gigId, paymentMethod },
      idempotencyKey: key,
    });

  /** The gateway's signed `payment_intent.succeeded`, as Stripe sends it once the transfer is in. */
  const fundsArrived = (
    placed: { orderId: string; escrowId: string; paymentRef: string; amountCents: number },
    id = `evt_${randomUUID().replace(/-/g, '')}`,
  ) => {
    const payload = JSON.stringify({
      id,
      object: 'event',
      type: 'payment_intent.succeeded',
      created: Math.floor(clock.now().getTime() / 1000),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null },
      data: {
        object: {
          id: placed.paymentRef,
          object: 'payment_intent',
          amount: placed.amountCents,
          amount_received: placed.amountCents,
          currency: 'eur',
          status: 'succeeded',
          transfer_group: placed.escrowId,
          metadata: { escrowId: placed.escrowId, orderId: placed.orderId },
        },
      },
    });
    return t.app.inject({
      method: 'POST',
      url: '/webhooks/stripe',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }),
      },
      payload,
    });
  };

  async function awaitingOrder(key = randomUUID()) {
    const answer = await place(key);
    expect(answer.status).toBe(201);
    const { orderId, escrowId, amountCents } = answer.body;
    const [funding] = await gatewayOperations(t, escrowId);
    return {
      key,
      answer,
      orderId: orderId as string,
      escrowId: escrowId as string,
      amountCents: amountCents as number,
      paymentRef: funding.response.paymentRef as string,
    };
  }

  it('waits for the funds with the bank details, then is placed once a signed webhook says they arrived', async () => {
    const placed = await awaitingOrder();
    expect(placed.answer.body).toMatchObject({
      status: 'awaiting_funds',
      statusLabel: 'En attente de paiement',
      paymentMethod: 'bank_transfer',
      amountCents: 45_000,
      fundingInstructions: {
        kind: 'bank_transfer',
        iban: expect.stringMatching(/^FR76\d{23}$/),
        bic: expect.any(String),
        reference: expect.any(String),
        amountCents: 45_000,
      },
      fundsDueAt: expect.any(String),
    });
    // Nothing is held and the seller has nothing to start before the money is there.
    await expect(store.readStream(`escrow-${placed.escrowId}`)).rejects.toBeInstanceOf(
      StreamNotFoundError,
    );
    expect((await store.readStream(`order-${placed.orderId}`)).map((e) => e.type)).toEqual([
      'OrderAwaitingFunds',
    ]);
    const early = await t.request('POST', `/orders/${placed.orderId}/start`, {
      token: seller.token,
    });
    expect(early.status).toBe(404);
    // The buyer reads where the payment stands; nobody else sees it.
    const funding = await t.request('GET', `/orders/${placed.orderId}/funding`, {
      token: buyer.token,
    });
    expect(funding.status).toBe(200);
    expect(funding.body).toMatchObject({
      status: 'awaiting_funds',
      statusLabel: 'En attente de paiement',
      fundingInstructions: placed.answer.body.fundingInstructions,
      fundsDueAt: placed.answer.body.fundsDueAt,
    });
    const stranger = await party(t, 'client');
    expect(
      (await t.request('GET', `/orders/${placed.orderId}/funding`, { token: stranger.token }))
        .status,
    ).toBe(404);
    // A retry of the same request shows the same bank details and charges nothing more.
    const again = await place(placed.key);
    expect(again.status).toBe(201);
    expect(again.body.fundingInstructions).toEqual(placed.answer.body.fundingInstructions);
    expect((await gatewayOperations(t, placed.escrowId)).length).toBe(1);

    const delivered = await fundsArrived(placed, 'evt_funds_arrived_1');
    expect(delivered.statusCode).toBe(200);
    expect(delivered.json()).toMatchObject({
      duplicate: false,
      outcome: `order ${placed.orderId} placed`,
    });
    await t.settle();

    const view = await t.request('GET', `/orders/${placed.orderId}`, { token: buyer.token });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ status: 'awaiting_start', amountCents: 45_000 });
    expect(
      (await t.request('GET', `/orders/${placed.orderId}/funding`, { token: seller.token })).body,
    ).toMatchObject({ status: 'funds_received', statusLabel: 'Paiement reçu' });
    const escrow = await t.request('GET', `/orders/${placed.orderId}/escrow`, {
      token: buyer.token,
    });
    expect(escrow.body).toMatchObject({ heldCents: 45_000, refundedCents: 0 });

    // The same delivery again, or another notification of the same payment, changes nothing.
    expect((await fundsArrived(placed, 'evt_funds_arrived_1')).json()).toMatchObject({
      duplicate: true,
    });
    expect((await fundsArrived(placed)).json()).toMatchObject({ outcome: 'already_placed' });
    await t.settle();
    const types = (await store.readStream(`order-${placed.orderId}`)).map((e) => e.type);
    expect(types.filter((type) => type === 'OrderPlaced')).toHaveLength(1);
    const started = await t.request('POST', `/orders/${placed.orderId}/start`, {
      token: seller.token,
    });
    expect(started.status).toBe(200);
  });

  it('rejects an unsigned webhook: the order keeps waiting', async () => {
    const placed = await awaitingOrder();
    const forged = await t.app.inject({
      method: 'POST',
      url: '/webhooks/stripe',
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=bad' },
      payload: '{}',
    });
    expect(forged.statusCode).toBe(400);
    expect((await store.readStream(`order-${placed.orderId}`)).map((e) => e.type)).toEqual([
      'OrderAwaitingFunds',
    ]);
  });

  it('expires with PAYMENT_EXPIRED when the funds never come, and gives back funds that come too late', async () => {
    const placed = await awaitingOrder();
    const [awaiting] = await store.readStream(`order-${placed.orderId}`);
    const [job] = jobsFor(awaiting, { autoCompleteAfterDays: 3 });
    const payload = job.payload as DeadlineJob;
    expect(payload).toMatchObject({
      kind: 'order.funds-deadline',
      dueAt: placed.answer.body.fundsDueAt,
    });
    // 168 hours by default (ORDER_FUNDS_WINDOW_HOURS).
    const { requestedAt } = awaiting.data as { requestedAt: string };
    expect(Date.parse(payload.dueAt) - Date.parse(requestedAt)).toBe(168 * 3_600_000);
    const jobs = t.app.get(DeadlineJobs);
    expect(await jobs.run({ jobId: job.jobId, payload })).toMatchObject({ result: 'not_due' });

    clock.set(payload.dueAt);
    expect(await jobs.run({ jobId: job.jobId, payload })).toEqual({
      result: 'done',
      detail: 'OrderFundsExpired',
    });
    await t.settle();
    expect(
      (await t.request('GET', `/orders/${placed.orderId}/funding`, { token: buyer.token })).body,
    ).toMatchObject({ status: 'payment_expired', statusLabel: 'Paiement expiré' });
    // The same request replays its first answer (idempotency); placing that order id again is refused.
    const placing = new PlaceGigOrderCommand(
      placed.orderId,
      gigId,
      [],
      'bank_transfer',
      { now: clock.now().toISOString(), actorId: buyer.id, actorRole: 'client' },
      { correlationId: 'test-retry' },
    );
    await expect(t.app.get(CommandBus).execute(placing)).rejects.toMatchObject({
      code: 'PAYMENT_EXPIRED',
      details: { currentStatus: 'payment_expired' },
    });
    expect((await gatewayOperations(t, placed.escrowId)).length).toBe(1);
    const view = await t.request('GET', `/orders/${placed.orderId}`, { token: buyer.token });
    expect(view.status).toBe(404);

    const late = await fundsArrived(placed);
    expect(late.json()).toMatchObject({ outcome: 'refunded_expired' });
    const moves = await gatewayOperations(t, placed.escrowId);
    expect(moves.map((o) => o.operation)).toEqual(['fund_escrow', 'refund']);
    expect((await store.readStream(`order-${placed.orderId}`)).map((e) => e.type)).toEqual([
      'OrderAwaitingFunds',
      'OrderFundsExpired',
    ]);
  });

  it('offers PayPal the same way, with the approval page to send the buyer to', async () => {
    const answer = await place(randomUUID(), 'paypal');
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      status: 'awaiting_funds',
      paymentMethod: 'paypal',
      fundingInstructions: { kind: 'paypal', approvalUrl: expect.stringMatching(/^https:\/\//) },
    });
  });

  it('keeps card payments as they were: placed at once', async () => {
    const answer = await place(randomUUID(), 'pm_card_visa');
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: 'awaiting_start' });
    expect(answer.body.fundingInstructions).toBeUndefined();
  });
});
