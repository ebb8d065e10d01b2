import { startTestApp, TestApp } from '../../support/test-app';
import { account, Account, deliveredOrder, gatewayOperations } from './dispute-fixtures';

describe('a dispute withdrawn by its opener, and a settlement', () => {
  let t: TestApp;
  let buyer: Account;
  let seller: Account;
  let mediator: Account;

  beforeAll(async () => {
    t = await startTestApp();
    [buyer, seller, mediator] = await Promise.all([
      account(t, 'client'),
      account(t, 'provider'),
      account(t, 'mediator'),
    ]);
  });
  afterAll(async () => t.close());

  it('unfreezes the order where it was, and the order then completes normally', async () => {
    const { orderId } = await deliveredOrder(t, buyer, seller, 20_000);
    const opened = await t.request('POST', `/orders/${orderId}/disputes`, {
      token: seller.token,
      body: { reason: 'no_response', statement: 'L’acheteur ne répond plus.' },
    });
    expect(opened).toMatchObject({ status: 201, body: { order: { status: 'contested' } } });
    const byOther = await t.request('POST', `/disputes/${opened.body.disputeId}/withdraw`, {
      token: buyer.token,
    });
    expect(byOther).toMatchObject({ status: 403, body: { code: 'NOT_THE_OPENER' } });

    const withdrawn = await t.request('POST', `/disputes/${opened.body.disputeId}/withdraw`, {
      token: seller.token,
    });
    expect(withdrawn).toMatchObject({
      status: 200,
      body: {
        status: 'withdrawn',
        order: { status: 'delivered', statusLabel: 'Délivré' },
        escrow: { status: 'held', heldCents: 20_000 },
      },
    });
    const accept = await t.request('POST', `/orders/${orderId}/accept`, { token: buyer.token });
    expect(accept.status).toBe(200);
    await t.settle();
    const order = await t.request('GET', `/orders/${orderId}`, { token: buyer.token });
    expect(order.body.status).toBe('completed');
  });

  it('resolves the order once both parties accept the mediator’s settlement', async () => {
    const { orderId, escrowId } = await deliveredOrder(t, buyer, seller, 10_000);
    const opened = await t.request('POST', `/orders/${orderId}/disputes`, {
      token: buyer.token,
      body: { reason: 'late_delivery', statement: 'Livré avec trois jours de retard.' },
    });
    expect(opened).toMatchObject({ status: 201, body: { order: { status: 'contested' } } });
    const disputeId = opened.body.disputeId;
    await t.request('POST', `/disputes/${disputeId}/assign`, { token: mediator.token, body: {} });
    const over = await t.request('POST', `/disputes/${disputeId}/settlements`, {
      token: mediator.token,
      body: { refundCents: 9_000, releaseCents: 2_000 },
    });
    expect(over).toMatchObject({ status: 422, body: { code: 'DECISION_EXCEEDS_HELD' } });
    const proposed = await t.request('POST', `/disputes/${disputeId}/settlements`, {
      token: mediator.token,
      body: { refundCents: 2_000, releaseCents: 8_000 },
    });
    expect(proposed).toMatchObject({ status: 201, body: { status: 'settlement_proposed' } });
    const settlement = `/disputes/${disputeId}/settlements/${proposed.body.settlementId}`;
    expect(
      (await t.request('POST', `${settlement}/accept`, { token: seller.token })).body.status,
    ).toBe('settlement_proposed');
    const both = await t.request('POST', `${settlement}/accept`, { token: buyer.token });
    expect(both).toMatchObject({
      status: 200,
      body: { status: 'resolved', order: { status: 'resolved' }, escrow: { heldCents: 0 } },
    });
    await t.settle();
    const operations = await gatewayOperations(t, escrowId);
    expect(
      operations.filter((o) => o.operation === 'refund').map((o) => o.request.amountCents),
    ).toEqual([2_000]);
    expect(
      operations.filter((o) => o.operation === 'release').map((o) => o.request.amountCents),
    ).toEqual([8_000]);
  });
});
