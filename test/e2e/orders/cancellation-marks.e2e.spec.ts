import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from '../../support/test-app';
import { Party, party, placedOrder, publishedGig } from './marketplace-fixtures';

describe('orders: every cancellation marks the canceller, and the other party may amend it once', () => {
  let t: TestApp;
  let seller: Party;
  let buyer: Party;
  let gigId: string;

  beforeAll(async () => {
    t = await startTestApp();
    seller = await party(t, 'provider');
    buyer = await party(t, 'client');
    gigId = await publishedGig(t, seller);
  });
  afterAll(async () => t.close());

  it('shows "Actif" from the moment of the order, with the step as a sub-label', async () => {
    const orderId = await placedOrder(t, buyer, gigId);
    const view = await t.request('GET', `/orders/${orderId}`, { token: buyer.token });
    expect(view.body).toMatchObject({
      status: 'awaiting_start',
      statusLabel: 'Actif',
      statusSubLabel: 'En attente de démarrage',
    });
  });

  it('marks a buyer who cancels before the start; the seller amends the mark once', async () => {
    const orderId = await placedOrder(t, buyer, gigId);
    const cancelled = await t.request('POST', `/orders/${orderId}/cancel`, { token: buyer.token });
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    await t.settle();
    const before = await t.request('GET', `/profiles/${buyer.id}`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      cancellationMarks: 1,
      recentCancellations: [
        { orderId, reason: 'buyer_before_start', byThisAccount: true, amendment: null },
      ],
    });

    const own = await t.request('POST', `/orders/${orderId}/cancellation-mark/amendment`, {
      token: buyer.token,
      body: { action: 'withdraw' },
      idempotencyKey: randomUUID(),
    });
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({ code: 'NOT_THE_OTHER_PARTY' });

    const amended = await t.request('POST', `/orders/${orderId}/cancellation-mark/amendment`, {
      token: seller.token,
      body: { action: 'amend', comment: 'Prévenu à temps, aucun souci.', rating: 5 },
      idempotencyKey: randomUUID(),
    });
    expect(amended.status).toBe(201);
    await t.settle();
    const after = await t.request('GET', `/profiles/${buyer.id}`);
    expect(after.body).toMatchObject({
      cancellationMarks: 1,
      recentCancellations: [
        {
          orderId,
          amendment: { by: seller.id, comment: 'Prévenu à temps, aucun souci.', rating: 5 },
        },
      ],
    });

    const again = await t.request('POST', `/orders/${orderId}/cancellation-mark/amendment`, {
      token: seller.token,
      body: { action: 'withdraw' },
      idempotencyKey: randomUUID(),
    });
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.body).toMatchObject({ code: 'CANCELLATION_MARK_ALREADY_AMENDED' });
    await t.settle();
    expect((await t.request('GET', `/profiles/${buyer.id}`)).body.recentCancellations).toEqual([
      expect.objectContaining({ orderId, amendment: expect.objectContaining({ rating: 5 }) }),
    ]);
  });

  it("marks a seller who declines, shown in search; the buyer's withdrawal takes it off", async () => {
    const orderId = await placedOrder(t, buyer, gigId);
    await t.request('POST', `/orders/${orderId}/decline`, { token: seller.token });
    await t.settle();
    expect((await t.request('GET', `/profiles/${seller.id}`)).body).toMatchObject({
      cancellationMarks: 1,
      recentCancellations: [{ orderId, reason: 'seller_declined', byThisAccount: true }],
    });
    const search = async () =>
      (await t.request('GET', '/search/gigs')).body.items.find(
        (g: { gigId: string }) => g.gigId === gigId,
      );
    expect(await search()).toMatchObject({ sellerCancellationMarks: 1 });

    const withdrawn = await t.request('POST', `/orders/${orderId}/cancellation-mark/amendment`, {
      token: buyer.token,
      body: { action: 'withdraw' },
      idempotencyKey: randomUUID(),
    });
    expect(withdrawn.status).toBe(201);
    await t.settle();
    expect((await t.request('GET', `/profiles/${seller.id}`)).body).toMatchObject({
      cancellationMarks: 0,
      recentCancellations: [],
    });
    expect(await search()).toMatchObject({ sellerCancellationMarks: 0 });
  });
});
