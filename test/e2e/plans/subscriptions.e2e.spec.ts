import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { definePlan } from '../../support/plan-events';
import { startTestApp, TestApp } from '../../support/test-app';

const DAY = 86_400_000;

/** The subscription routes: subscribing (once per kind, race-safe), refusals, ownership, pause, extension, cancellation. */
describe('subscriptions over HTTP', () => {
  let t: TestApp;
  let store: EventStore;
  let admin: string;
  let proPlan: string;
  let creditsPlan: string;
  let packPlan: string;

  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get<EventStore>(EVENT_STORE);
    admin = await t.tokenFor({ roles: ['admin'] });
    proPlan = (await definePlan(t, { kind: 'pro', priceTtcCents: 1_990, period: 'quarter' }))
      .planId;
    creditsPlan = (
      await definePlan(t, {
        kind: 'credits',
        priceTtcCents: 4_900,
        credits: { consultation: 10, offer: 5, direct_contact: 2 },
      })
    ).planId;
    packPlan = (
      await definePlan(t, {
        kind: 'hour_pack',
        hourPack: { serviceTypeId: 'st-1', minutes: 600, validityMonths: 6 },
      })
    ).planId;
  });
  afterAll(() => t.close());

  const provider = () => t.tokenFor({ roles: ['provider'] });
  const subscribe = (token: string, planId: string, paymentMethod = 'pm_card_visa') =>
    t.request('POST', '/me/subscriptions', { token, body: { planId, paymentMethod } });
  const charges = async () =>
    Number(
      (
        await t.db.pool.query<{ n: string }>(
          `SELECT count(*) AS n FROM simulated_gateway_operations WHERE operation = 'charge_saved'`,
        )
      ).rows[0].n,
    );

  it('starts a Pro subscription: period 1 charged, one calendar quarter, plan version recorded', async () => {
    const token = await provider();
    const res = await subscribe(token, proPlan);
    expect(res.status).toBe(201);
    const start = new Date(res.body.currentPeriod.periodStartsAt);
    const end = new Date(res.body.currentPeriod.periodEndsAt);
    expect(end.getUTCMonth()).toBe((start.getUTCMonth() + 3) % 12);
    expect(res.body).toMatchObject({
      planKind: 'pro',
      status: 'active',
      statusLabel: 'Active',
      benefitsActive: true,
      currentPeriod: { period: 1, planVersion: 1, priceTtcCents: 1_990 },
      nextRenewal: { period: 2, amountCents: 1_990 },
    });
    const plan = await t.request('GET', '/me/plan', { token });
    expect(plan.body).toMatchObject({
      proActive: true,
      priorityAccess: true,
      featured: true,
      credits: null,
      nextRenewal: { subscriptionId: res.body.subscriptionId, amountCents: 1_990 },
    });
    const list = await t.request('GET', '/me/subscriptions', { token });
    expect(list.body.items).toHaveLength(1);
  });

  it('refuses a second running subscription of one kind, also when both arrive at once', async () => {
    const token = await provider();
    const [a, b] = await Promise.all([
      subscribe(token, creditsPlan),
      subscribe(token, creditsPlan),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.code).toBe('SUBSCRIPTION_ALREADY_ACTIVE');
    const again = await subscribe(token, creditsPlan);
    expect(again.status).toBe(409);
    // A Pro subscription is another kind.
    expect((await subscribe(token, proPlan)).status).toBe(201);
    const list = await t.request('GET', '/me/subscriptions', { token });
    expect(list.body.items).toHaveLength(2);
  });

  it('writes nothing when the card is refused (422 PAYMENT_DECLINED)', async () => {
    const token = await provider();
    const before = await charges();
    const res = await subscribe(token, proPlan, 'pm_card_declined');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('PAYMENT_DECLINED');
    expect(await charges()).toBe(before);
    expect((await t.request('GET', '/me/subscriptions', { token })).body.items).toEqual([]);
  });

  it.each([
    ['an unknown plan', () => 'plan-nope', 'PLAN_NOT_FOUND'],
    ['an hour pack', () => packPlan, 'PLAN_NOT_SUBSCRIBABLE'],
  ])('refuses %s with 422', async (_what, plan, code) => {
    const res = await subscribe(await provider(), plan());
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 422, code });
  });

  it('answers 400 to malformed input', async () => {
    const token = await provider();
    const bad = await t.request('POST', '/me/subscriptions', {
      token,
      body: { planId: proPlan, paymentMethod: 'visa' },
    });
    expect(bad.status).toBe(400);
    const sub = (await subscribe(token, creditsPlan)).body;
    const pause = await t.request('POST', `/me/subscriptions/${sub.subscriptionId}/pause`, {
      token,
      body: { periods: 4 },
    });
    expect(pause.status).toBe(400);
    const extend = await t.request('POST', `/admin/subscriptions/${sub.subscriptionId}/extend`, {
      token: admin,
      body: { days: 91, reason: 'x' },
    });
    expect(extend.status).toBe(400);
  });

  it('hides another account’s subscription (404) from reads and writes', async () => {
    const owner = await provider();
    const other = await provider();
    const sub = (await subscribe(owner, proPlan)).body;
    for (const [method, path, body] of [
      ['GET', `/me/subscriptions/${sub.subscriptionId}`, undefined],
      ['POST', `/me/subscriptions/${sub.subscriptionId}/cancel`, undefined],
      ['POST', `/me/subscriptions/${sub.subscriptionId}/pause`, { periods: 1 }],
      ['DELETE', `/me/subscriptions/${sub.subscriptionId}/pause`, undefined],
      [
        'POST',
        `/me/subscriptions/${sub.subscriptionId}/payment-method`,
        { paymentMethod: 'pm_card_visa' },
      ],
    ] as const) {
      const res = await t.request(method, path, { token: other, body });
      expect({ path, method, status: res.status, code: res.body.code }).toEqual({
        path,
        method,
        status: 404,
        code: 'SUBSCRIPTION_NOT_FOUND',
      });
    }
    expect(
      (await t.request('GET', `/me/subscriptions/${sub.subscriptionId}`, { token: owner })).body
        .status,
    ).toBe('active');
  });

  it('schedules a pause from the period end (never shortening it), withdraws it, refuses a second one', async () => {
    const token = await provider();
    const sub = (await subscribe(token, creditsPlan)).body;
    const end = sub.currentPeriod.periodEndsAt;
    const paused = await t.request('POST', `/me/subscriptions/${sub.subscriptionId}/pause`, {
      token,
      body: { periods: 2 },
    });
    expect(paused.status).toBe(200);
    expect(paused.body.currentPeriod.periodEndsAt).toBe(end);
    expect(paused.body.pause).toMatchObject({ periods: 2, pausedFrom: end, started: false });
    expect(new Date(paused.body.pause.resumesAt).getUTCMonth()).toBe(
      (new Date(end).getUTCMonth() + 2) % 12,
    );
    expect(paused.body.nextRenewal.at).toBe(paused.body.pause.resumesAt);
    const twice = await t.request('POST', `/me/subscriptions/${sub.subscriptionId}/pause`, {
      token,
      body: { periods: 1 },
    });
    expect(twice.body.code).toBe('SUBSCRIPTION_PAUSE_ALREADY_SCHEDULED');
    const withdrawn = await t.request('DELETE', `/me/subscriptions/${sub.subscriptionId}/pause`, {
      token,
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ pause: null, nextRenewal: { at: end } });
    const none = await t.request('DELETE', `/me/subscriptions/${sub.subscriptionId}/pause`, {
      token,
    });
    expect({ status: none.status, code: none.body.code }).toEqual({
      status: 409,
      code: 'SUBSCRIPTION_NO_PAUSE',
    });
  });

  it('lets staff extend the running period; the renewal moves to the new end', async () => {
    const token = await provider();
    const sub = (await subscribe(token, proPlan)).body;
    const res = await t.request('POST', `/admin/subscriptions/${sub.subscriptionId}/extend`, {
      token: admin,
      body: { days: 14, reason: 'Geste commercial' },
    });
    expect(res.status).toBe(200);
    const newEnd = new Date(Date.parse(sub.currentPeriod.periodEndsAt) + 14 * DAY).toISOString();
    expect(res.body).toMatchObject({
      currentPeriod: { periodEndsAt: newEnd },
      nextRenewal: { at: newEnd },
    });
    await t.settle();
    const jobs = await t.db.pool.query<{ payload: { kind: string; dueAt: string } }>(
      `SELECT payload FROM scheduled_jobs WHERE payload ->> 'subscriptionId' = $1`,
      [sub.subscriptionId],
    );
    // The old end's job stays (it finds the period extended and stops); the new end has its own.
    expect(
      jobs.rows
        .filter((j) => j.payload.kind === 'subscription.renew')
        .map((j) => j.payload.dueAt)
        .sort(),
    ).toEqual([sub.currentPeriod.periodEndsAt, newEnd].sort());
  });

  it('cancels a credits subscription: no renewal, the paid period runs to its end', async () => {
    const token = await provider();
    const sub = (await subscribe(token, creditsPlan)).body;
    const res = await t.request('POST', `/me/subscriptions/${sub.subscriptionId}/cancel`, {
      token,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'cancelled',
      statusLabel: 'Résiliée',
      benefitsActive: true,
      nextRenewal: null,
      cancellation: { reason: 'owner_request', endsAt: sub.currentPeriod.periodEndsAt },
    });
    const twice = await t.request('POST', `/me/subscriptions/${sub.subscriptionId}/cancel`, {
      token,
    });
    expect({ status: twice.status, code: twice.body.code }).toEqual({
      status: 409,
      code: 'SUBSCRIPTION_CANCELLED',
    });
    expect((await t.request('GET', '/me/plan', { token })).body.credits).toMatchObject({
      subscriptionId: sub.subscriptionId,
      benefitsActive: true,
    });
    // A new subscription may start (and is paid) once the old one renews no more.
    expect((await subscribe(token, creditsPlan)).status).toBe(201);
    const events = await store.readStream(`subscription-${sub.subscriptionId}`);
    expect(events.map((e) => e.type)).toEqual(['SubscriptionStarted', 'SubscriptionCancelled']);
  });

  it('lists subscriptions for staff by account and status', async () => {
    const accountId = '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
    const token = await t.tokenFor({ accountId, roles: ['provider'] });
    const sub = (await subscribe(token, proPlan)).body;
    await t.settle();
    const res = await t.request(
      'GET',
      `/admin/subscriptions?accountId=${accountId}&status=active`,
      {
        token: admin,
      },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 1, items: [{ subscriptionId: sub.subscriptionId }] });
    const bad = await t.request('GET', '/admin/subscriptions?status=nope', { token: admin });
    expect(bad.status).toBe(400);
  });
});
