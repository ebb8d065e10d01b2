import { randomUUID } from 'node:crypto';
import { uploadFile } from '../../support/files';
import { startTestApp, TestApp } from '../../support/test-app';
import {
  deliveredOrder,
  gatewayOperations,
  Party,
  party,
  placedOrder,
  publishedGig,
  walletCredits,
} from './marketplace-fixtures';

describe('orders: a catalog order from payment to review, through HTTP', () => {
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

  it('charges gig price plus extras into escrow, posts the opening message, and completes into the seller wallet', async () => {
    const placed = await t.request('POST', '/orders', {
      token: buyer.token,
      body: { gigId, extraIds: ['express'], paymentMethod: 'pm_card_visa' },
      idempotencyKey: randomUUID(),
    });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({
      status: 'awaiting_start',
      statusLabel: 'Actif',
      statusSubLabel: 'En attente de démarrage',
      amountCents: 49_900,
      commissionCents: 4_990,
      sellerNetCents: 44_910,
    });
    const { orderId, escrowId } = placed.body;

    const funding = await gatewayOperations(t, escrowId);
    expect(funding).toHaveLength(1);
    // Due in 5 days (7 minus the express extra's 2): within the card window, so only authorised.
    expect(funding[0]).toMatchObject({
      operation: 'fund_escrow',
      response: { mode: 'authorization' },
    });
    const escrow = await t.request('GET', `/orders/${orderId}/escrow`, { token: buyer.token });
    expect(escrow.body).toMatchObject({ status: 'held', fundedCents: 49_900, heldCents: 49_900 });

    const messages = await t.request('GET', `/orders/${orderId}/messages`, { token: buyer.token });
    expect(messages.body).toEqual([
      expect.objectContaining({
        authorId: seller.id,
        automatic: true,
        text: expect.stringContaining('Merci'),
      }),
    ]);

    const started = await t.request('POST', `/orders/${orderId}/start`, { token: seller.token });
    expect(started.body).toMatchObject({ status: 'active', statusLabel: 'Actif' });
    const active = await t.request('GET', `/orders/${orderId}`, { token: buyer.token });
    expect(Date.parse(active.body.deliveryDueAt) - Date.parse(active.body.startedAt)).toBe(
      5 * 86_400_000,
    );

    await t.request('POST', `/orders/${orderId}/deliveries`, {
      token: seller.token,
      body: { message: 'Version 1', fileRefs: [await uploadFile(t, seller.token, 'deliverable')] },
    });
    const revision = await t.request('POST', `/orders/${orderId}/revision-requests`, {
      token: buyer.token,
      body: { instructions: 'Détaillez le BFR' },
    });
    expect(revision.body).toMatchObject({ status: 'in_revision' });
    expect(
      (await t.request('GET', `/orders/${orderId}`, { token: seller.token })).body,
    ).toMatchObject({ deadlineApplies: false, revisionRequests: 1 });
    const redelivered = await t.request('POST', `/orders/${orderId}/deliveries`, {
      token: seller.token,
      body: { message: 'Version 2' },
    });
    expect(redelivered.body).toMatchObject({ status: 'delivered', statusLabel: 'Délivré' });

    const accepted = await t.request('POST', `/orders/${orderId}/accept`, {
      token: buyer.token,
      idempotencyKey: randomUUID(),
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'completed', statusLabel: 'Terminé' });
    await t.settle();

    const view = await t.request('GET', `/orders/${orderId}`, { token: buyer.token });
    expect(view.body).toMatchObject({ intellectualPropertyOwner: buyer.id, vatCents: 8_317 });
    const settled = await t.request('GET', `/orders/${orderId}/escrow`, { token: seller.token });
    expect(settled.body).toMatchObject({
      status: 'closed',
      releasedCents: 49_900,
      heldCents: 0,
      commissionCents: 4_990,
      payeeNetCents: 44_910,
    });
    expect(await walletCredits(t, seller.id)).toBe(44_910);
    const release = (await gatewayOperations(t, escrowId)).find((op) => op.operation === 'release');
    expect(release?.response).toMatchObject({ transferredCents: 44_910, platformFeeCents: 4_990 });

    const late = await t.request('POST', `/orders/${orderId}/messages`, {
      token: buyer.token,
      body: { text: 'Encore une question' },
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      code: 'ORDER_CONVERSATION_CLOSED',
      currentStatus: 'completed',
    });

    expect(
      (
        await t.request('POST', `/orders/${orderId}/review`, {
          token: buyer.token,
          body: { rating: 5, comment: 'Parfait' },
        })
      ).status,
    ).toBe(201);
    const again = await t.request('POST', `/orders/${orderId}/review`, {
      token: buyer.token,
      body: { rating: 4, comment: 'Bis' },
    });
    expect(again.body).toMatchObject({
      status: 409,
      code: 'ORDER_ALREADY_REVIEWED',
      currentStatus: 'completed',
    });
  });

  it('charges at once instead of authorising when the work is due beyond the card window', async () => {
    const slowGig = await publishedGig(t, seller, { deliveryDays: 20, extras: [] });
    const placed = await t.request('POST', '/orders', {
      token: buyer.token,
      body: { gigId: slowGig, paymentMethod: 'pm_card_visa' },
    });
    const [funding] = await gatewayOperations(t, placed.body.escrowId);
    expect(funding.response).toMatchObject({ mode: 'charge' });
  });

  it('answers a retried placement with the first order and charges once', async () => {
    const key = randomUUID();
    const body = { gigId, paymentMethod: 'pm_card_visa' };
    const first = await t.request('POST', '/orders', {
      token: buyer.token,
      body,
      idempotencyKey: key,
    });
    const second = await t.request('POST', '/orders', {
      token: buyer.token,
      body,
      idempotencyKey: key,
    });
    expect(second.body.orderId).toBe(first.body.orderId);
    expect(await gatewayOperations(t, first.body.escrowId)).toHaveLength(1);
  });

  it('refuses a declined card with 422 and records no order and no escrow', async () => {
    const key = randomUUID();
    const declined = await t.request('POST', '/orders', {
      token: buyer.token,
      body: { gigId, paymentMethod: 'pm_card_declined' },
      idempotencyKey: key,
    });
    expect(declined.status).toBe(422);
    expect(declined.body).toMatchObject({ code: 'PAYMENT_DECLINED' });
    const retried = await t.request('POST', '/orders', {
      token: buyer.token,
      body: { gigId, paymentMethod: 'pm_card_visa' },
      idempotencyKey: key,
    });
    expect(retried.status).toBe(201);
  });

  it('refuses unknown extras, own gigs and unpublished gigs before charging', async () => {
    const extra = await t.request('POST', '/orders', {
      token: buyer.token,
      body: { gigId, extraIds: ['nope'], paymentMethod: 'pm_card_visa' },
    });
    expect(extra.body).toMatchObject({ status: 400, code: 'ORDER_UNKNOWN_EXTRA' });
    const sellerAsBuyer = await t.tokenFor({
      accountId: seller.id,
      roles: ['client', 'provider'],
      activeRole: 'client',
    });
    const own = await t.request('POST', '/orders', {
      token: sellerAsBuyer,
      body: { gigId, paymentMethod: 'pm_card_visa' },
    });
    expect(own.body).toMatchObject({ status: 422, code: 'CANNOT_BUY_OWN_GIG' });
    const paused = await publishedGig(t, seller);
    await t.request('POST', `/gigs/${paused}/pause`, { token: seller.token });
    const refused = await t.request('POST', '/orders', {
      token: buyer.token,
      body: { gigId: paused, paymentMethod: 'pm_card_visa' },
    });
    expect(refused.body).toMatchObject({
      status: 409,
      code: 'GIG_NOT_PUBLISHED',
      currentStatus: 'paused',
    });
    const { rows } = await t.db.pool.query(
      `SELECT count(*)::int AS n FROM simulated_gateway_operations WHERE request ->> 'payerId' = $1`,
      [seller.id],
    );
    expect(rows[0].n).toBe(0);
  });

  it('hides an order from anyone but its parties and staff', async () => {
    const orderId = await placedOrder(t, buyer, gigId);
    const stranger = await party(t, 'client');
    const otherSeller = await party(t, 'provider');
    expect(
      (await t.request('GET', `/orders/${orderId}`, { token: stranger.token })).body,
    ).toMatchObject({ status: 404, code: 'ORDER_NOT_FOUND' });
    expect(
      (await t.request('GET', `/orders/${orderId}/messages`, { token: stranger.token })).status,
    ).toBe(404);
    expect(
      (await t.request('POST', `/orders/${orderId}/cancel`, { token: stranger.token })).body,
    ).toMatchObject({ status: 404, code: 'ORDER_NOT_FOUND' });
    expect(
      (await t.request('POST', `/orders/${orderId}/start`, { token: otherSeller.token })).status,
    ).toBe(404);
    expect(
      (await t.request('POST', `/orders/${orderId}/start`, { token: buyer.token })).body,
    ).toMatchObject({ status: 403, code: 'ROLE_REQUIRED' });
    const mediator = await party(t, 'mediator');
    expect((await t.request('GET', `/orders/${orderId}`, { token: mediator.token })).status).toBe(
      200,
    );
  });

  it('names the current status on every refused transition', async () => {
    const orderId = await placedOrder(t, buyer, gigId);
    const early = await t.request('POST', `/orders/${orderId}/accept`, { token: buyer.token });
    expect(early.body).toMatchObject({
      status: 409,
      code: 'ORDER_NOT_DELIVERED',
      currentStatus: 'awaiting_start',
    });
    await t.request('POST', `/orders/${orderId}/start`, { token: seller.token });
    const twice = await t.request('POST', `/orders/${orderId}/start`, { token: seller.token });
    expect(twice.body).toMatchObject({
      status: 409,
      code: 'ORDER_ALREADY_STARTED',
      currentStatus: 'active',
    });
    const alone = await t.request('POST', `/orders/${orderId}/cancel`, { token: buyer.token });
    expect(alone.body).toMatchObject({
      status: 409,
      code: 'ORDER_CANCELLATION_REQUIRES_AGREEMENT',
      currentStatus: 'active',
    });
    const stale = await t.request('POST', `/orders/${orderId}/deliveries`, {
      token: seller.token,
      body: { message: 'x' },
      headers: { 'if-match': '"0"' },
    });
    expect(stale.body).toMatchObject({ status: 409, code: 'CONCURRENT_MODIFICATION' });
  });

  it('refunds the buyer in full when cancelling before the start, at the gateway too', async () => {
    const orderId = await placedOrder(t, buyer, gigId);
    const cancelled = await t.request('POST', `/orders/${orderId}/cancel`, { token: buyer.token });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', statusLabel: 'Annulé' });
    await t.settle();
    const escrow = (await t.request('GET', `/orders/${orderId}/escrow`, { token: buyer.token }))
      .body;
    expect(escrow).toMatchObject({
      status: 'closed',
      refundedCents: 45_000,
      releasedCents: 0,
      heldCents: 0,
    });
    const refund = (await gatewayOperations(t, escrow.escrowId)).find(
      (op) => op.operation === 'refund',
    );
    expect(refund?.response).toMatchObject({
      kind: 'authorization_cancelled',
      refundedCents: 45_000,
    });
  });

  it('cancels by mutual agreement after the start and marks the asking party', async () => {
    const orderId = await placedOrder(t, buyer, gigId);
    await t.request('POST', `/orders/${orderId}/start`, { token: seller.token });
    const asked = await t.request('POST', `/orders/${orderId}/cancellation-requests`, {
      token: seller.token,
      body: { reason: 'Indisponible' },
    });
    expect(asked.status).toBe(201);
    const self = await t.request('POST', `/orders/${orderId}/cancellation-requests/accept`, {
      token: seller.token,
    });
    expect(self.body).toMatchObject({
      status: 403,
      code: 'ORDER_CANCELLATION_REQUESTER_CANNOT_ANSWER',
    });
    const agreed = await t.request('POST', `/orders/${orderId}/cancellation-requests/accept`, {
      token: buyer.token,
    });
    expect(agreed.body).toMatchObject({ status: 'cancelled' });
    const view = (await t.request('GET', `/orders/${orderId}`, { token: buyer.token })).body;
    expect(view.cancellation).toMatchObject({
      reason: 'mutual',
      markedOn: seller.id,
      refundCents: 45_000,
    });
  });

  it('lets the seller decline before starting, refunding the buyer', async () => {
    const orderId = await placedOrder(t, buyer, gigId);
    const declined = await t.request('POST', `/orders/${orderId}/decline`, { token: seller.token });
    expect(declined.body).toMatchObject({ status: 'cancelled' });
    await t.settle();
    expect(
      (await t.request('GET', `/orders/${orderId}/escrow`, { token: buyer.token })).body,
    ).toMatchObject({ refundedCents: 45_000 });
  });

  it('lets the disputes context freeze, unfreeze and settle the escrow through EscrowCommandMessage', async () => {
    const { CommandBus } = await import('@nestjs/cqrs');
    const { EscrowCommandMessage } =
      await import('../../../src/application/escrow/escrow.messages');
    const { OrderCommandMessage } = await import('../../../src/application/orders/order.messages');
    const bus = t.app.get(CommandBus);
    const orderId = await deliveredOrder(t, buyer, seller, gigId);
    const { escrowId } = (await t.request('GET', `/orders/${orderId}`, { token: buyer.token }))
      .body;
    const disputeId = randomUUID();
    const now = new Date().toISOString();
    const causation = { correlationId: randomUUID() };
    await bus.execute(
      new OrderCommandMessage(
        orderId,
        {
          type: 'ContestOrder',
          data: { orderId, disputeId, reason: 'Livrable incomplet' },
          meta: { now, actorId: buyer.id, actorRole: 'client' },
        },
        causation,
      ),
    );
    await bus.execute(
      new EscrowCommandMessage(
        escrowId,
        {
          type: 'FreezeEscrow',
          data: { disputeId },
          meta: { now, actorId: buyer.id, actorRole: 'client' },
        },
        causation,
      ),
    );
    const frozen = await t.request('POST', `/orders/${orderId}/accept`, { token: buyer.token });
    expect(frozen.body).toMatchObject({
      status: 409,
      code: 'ORDER_FROZEN',
      currentStatus: 'contested',
    });
    expect(
      (await t.request('GET', `/orders/${orderId}/escrow`, { token: buyer.token })).body,
    ).toMatchObject({ status: 'frozen', frozenByDisputeId: disputeId });

    const mediator = { now, actorId: randomUUID(), actorRole: 'mediator' as const };
    const decision = { disputeId, decisionId: randomUUID() };
    await bus.execute(
      new EscrowCommandMessage(
        escrowId,
        {
          type: 'RefundEscrow',
          data: { refundId: randomUUID(), amountCents: 15_000, reason: 'decision', ...decision },
          meta: mediator,
        },
        causation,
      ),
    );
    await bus.execute(
      new EscrowCommandMessage(
        escrowId,
        {
          type: 'ReleaseEscrow',
          data: { releaseId: randomUUID(), amountCents: 30_000, reason: 'decision', ...decision },
          meta: mediator,
        },
        causation,
      ),
    );
    await t.settle();
    expect(
      (await t.request('GET', `/orders/${orderId}/escrow`, { token: buyer.token })).body,
    ).toMatchObject({ status: 'closed', refundedCents: 15_000, releasedCents: 30_000 });
    const operations = await gatewayOperations(t, escrowId);
    expect(operations.map((op) => op.operation).sort()).toEqual([
      'fund_escrow',
      'refund',
      'release',
    ]);

    // A withdrawn contest unfreezes both, and the order resumes where it was.
    const resumed = await deliveredOrder(t, buyer, seller, gigId);
    const resumedEscrow = (await t.request('GET', `/orders/${resumed}`, { token: buyer.token }))
      .body.escrowId;
    const second = randomUUID();
    const system = { now, actorId: 'system', actorRole: 'system' as const };
    await bus.execute(
      new OrderCommandMessage(
        resumed,
        {
          type: 'ContestOrder',
          data: { orderId: resumed, disputeId: second, reason: 'Retard' },
          meta: { now, actorId: seller.id, actorRole: 'provider' },
        },
        causation,
      ),
    );
    await bus.execute(
      new EscrowCommandMessage(
        resumedEscrow,
        { type: 'FreezeEscrow', data: { disputeId: second }, meta: system },
        causation,
      ),
    );
    await bus.execute(
      new OrderCommandMessage(
        resumed,
        { type: 'WithdrawContest', data: { orderId: resumed, disputeId: second }, meta: system },
        causation,
      ),
    );
    await bus.execute(
      new EscrowCommandMessage(
        resumedEscrow,
        { type: 'UnfreezeEscrow', data: { disputeId: second }, meta: system },
        causation,
      ),
    );
    expect(
      (await t.request('GET', `/orders/${resumed}/escrow`, { token: buyer.token })).body,
    ).toMatchObject({ status: 'held', frozenByDisputeId: null });
    expect(
      (await t.request('POST', `/orders/${resumed}/accept`, { token: buyer.token })).body,
    ).toMatchObject({ status: 'completed' });
  });
});
