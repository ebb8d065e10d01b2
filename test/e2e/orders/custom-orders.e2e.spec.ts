import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from '../../support/test-app';
import { gatewayOperations, Party, party, walletCredits } from './marketplace-fixtures';

describe('custom orders (sur-mesure): request, invitations, offers, order at 20 %', () => {
  let t: TestApp;
  let buyer: Party;
  let admin: Party;
  let sellerA: Party;
  let sellerB: Party;

  beforeAll(async () => {
    t = await startTestApp();
    [buyer, admin, sellerA, sellerB] = await Promise.all([
      party(t, 'client'),
      party(t, 'admin'),
      party(t, 'provider'),
      party(t, 'provider'),
    ]);
  });
  afterAll(async () => t.close());

  const submit = async () => {
    const res = await t.request('POST', '/custom-requests', {
      token: buyer.token,
      body: {
        title: 'Audit rémunération',
        description: 'PME de 40 salariés',
        category: 'rh',
        proposedPriceCents: 80_000,
        deadline: { kind: 'days', days: 10 },
      },
    });
    expect(res.status).toBe(201);
    return res.body.customRequestId as string;
  };

  it('turns the accepted counter-offer into a funded order with a 20 % commission and the usual lifecycle', async () => {
    const id = await submit();
    const invited = await t.request('POST', `/custom-requests/${id}/invitations`, {
      token: admin.token,
      body: { sellerIds: [sellerA.id, sellerB.id] },
    });
    expect(invited.status).toBe(201);
    expect(
      (await t.request('POST', `/custom-requests/${id}/accept`, { token: sellerA.token })).body,
    ).toMatchObject({ status: 'open' });
    expect(
      (
        await t.request('POST', `/custom-requests/${id}/counter-offers`, {
          token: sellerB.token,
          body: { priceCents: 95_001, deliveryDays: 14 },
        })
      ).status,
    ).toBe(201);

    const seenBySeller = (
      await t.request('GET', `/custom-requests/${id}`, { token: sellerB.token })
    ).body;
    expect(seenBySeller.invitations).toEqual([
      expect.objectContaining({
        sellerId: sellerB.id,
        status: 'offered',
        offer: { priceCents: 95_001, deliveryDays: 14, atBuyerTerms: false },
      }),
    ]);
    expect(
      (await t.request('GET', `/custom-requests/${id}`, { token: buyer.token })).body.invitations,
    ).toHaveLength(2);

    const accepted = await t.request('POST', `/custom-requests/${id}/offers/${sellerB.id}/accept`, {
      token: buyer.token,
      body: { paymentMethod: 'pm_card_visa' },
      idempotencyKey: randomUUID(),
    });
    expect(accepted.status).toBe(201);
    // 20 % of 95 001 is 19 000.2, rounded half-even once.
    expect(accepted.body).toMatchObject({
      status: 'awaiting_start',
      amountCents: 95_001,
      commissionCents: 19_000,
      sellerNetCents: 76_001,
    });
    const { orderId, escrowId } = accepted.body;
    expect(
      (await t.request('GET', `/custom-requests/${id}`, { token: buyer.token })).body,
    ).toMatchObject({ status: 'converted', statusLabel: 'Convertie en commande', orderId });
    const again = await t.request('POST', `/custom-requests/${id}/offers/${sellerB.id}/accept`, {
      token: buyer.token,
      body: { paymentMethod: 'pm_card_visa' },
    });
    expect(again.body.orderId).toBe(orderId);
    expect(
      (await gatewayOperations(t, escrowId)).filter((op) => op.operation === 'fund_escrow'),
    ).toHaveLength(1);

    await t.request('POST', `/orders/${orderId}/start`, { token: sellerB.token });
    await t.request('POST', `/orders/${orderId}/deliveries`, {
      token: sellerB.token,
      body: { message: 'Audit livré' },
    });
    expect(
      (await t.request('POST', `/orders/${orderId}/accept`, { token: buyer.token })).body,
    ).toMatchObject({ status: 'completed' });
    await t.settle();
    expect(await walletCredits(t, sellerB.id)).toBe(76_001);
    const late = await t.request('POST', `/custom-requests/${id}/offers/${sellerA.id}/accept`, {
      token: buyer.token,
      body: { paymentMethod: 'pm_card_visa' },
    });
    expect(late.body).toMatchObject({
      status: 409,
      code: 'CUSTOM_REQUEST_CLOSED',
      currentStatus: 'converted',
    });
  });

  it('keeps the request away from sellers who were not invited and from other buyers', async () => {
    const id = await submit();
    const outsider = await party(t, 'provider');
    expect(
      (await t.request('GET', `/custom-requests/${id}`, { token: outsider.token })).status,
    ).toBe(404);
    expect(
      (await t.request('POST', `/custom-requests/${id}/accept`, { token: outsider.token })).body,
    ).toMatchObject({ status: 404, code: 'CUSTOM_REQUEST_NOT_FOUND' });
    const otherBuyer = await party(t, 'client');
    expect(
      (await t.request('POST', `/custom-requests/${id}/cancel`, { token: otherBuyer.token }))
        .status,
    ).toBe(404);
    expect(
      (
        await t.request('POST', `/custom-requests/${id}/invitations`, {
          token: buyer.token,
          body: { sellerIds: [sellerA.id] },
        })
      ).body,
    ).toMatchObject({ status: 403, code: 'ROLE_REQUIRED' });
  });

  it('charges nothing for an offer that does not exist, and refuses a declined card without converting', async () => {
    const id = await submit();
    await t.request('POST', `/custom-requests/${id}/invitations`, {
      token: admin.token,
      body: { sellerIds: [sellerA.id] },
    });
    const none = await t.request('POST', `/custom-requests/${id}/offers/${sellerA.id}/accept`, {
      token: buyer.token,
      body: { paymentMethod: 'pm_card_visa' },
    });
    expect(none.body).toMatchObject({
      status: 409,
      code: 'CUSTOM_REQUEST_NO_OFFER_FROM_SELLER',
      currentStatus: 'open',
    });
    await t.request('POST', `/custom-requests/${id}/accept`, { token: sellerA.token });
    const declined = await t.request('POST', `/custom-requests/${id}/offers/${sellerA.id}/accept`, {
      token: buyer.token,
      body: { paymentMethod: 'pm_card_declined' },
    });
    expect(declined.body).toMatchObject({ status: 422, code: 'PAYMENT_DECLINED' });
    expect(
      (await t.request('GET', `/custom-requests/${id}`, { token: buyer.token })).body,
    ).toMatchObject({ status: 'open' });
    expect(
      (await t.request('POST', `/custom-requests/${id}/cancel`, { token: buyer.token })).body,
    ).toMatchObject({ status: 'cancelled', statusLabel: 'Annulée' });
  });
});
