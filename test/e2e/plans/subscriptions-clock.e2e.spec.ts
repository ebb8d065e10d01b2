import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { AccountCommandMessage } from '../../../src/application/identity/account.messages';
import { Notifications } from '../../../src/application/notifications/notifications.port';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { definePlan, NO_CREDITS } from '../../support/plan-events';
import { startTestApp, TestApp } from '../../support/test-app';
import { eventually, registerAccount } from '../workers/support/helpers';

const HOUR = 3_600_000;

/**
 * Subscriptions on the test clock (docs/test-clock.md), through the real workers: moving platform
 * time to a period end runs the `subscription.renew` job; the retries of a refused card follow
 * PLAN_RENEWAL_RETRY_HOURS (24, 72, 120) and end in a suspension.
 */
describe('subscriptions on the test clock', () => {
  let t: TestApp;
  let admin: string;
  let store: EventStore;
  let proPlan: string;
  let creditsPlan: string;

  beforeAll(async () => {
    t = await startTestApp({ TEST_CLOCK_ENABLED: 'true', PLAN_RENEWAL_CATALOG_CACHE_MS: '0' });
    admin = await t.tokenFor({ roles: ['admin'] });
    store = t.app.get<EventStore>(EVENT_STORE);
    proPlan = (await definePlan(t, { kind: 'pro', priceTtcCents: 2_990, name: 'Pro mensuel' }))
      .planId;
    creditsPlan = (
      await definePlan(t, {
        kind: 'credits',
        priceTtcCents: 4_900,
        name: 'Crédits mensuels',
        credits: { consultation: 10, offer: 5, direct_contact: 2 },
      })
    ).planId;
  });
  afterAll(() => t.close());

  const advanceTo = async (to: string) => {
    const res = await t.request('POST', '/admin/test-clock/advance', {
      token: admin,
      body: { to },
    });
    expect(res.status).toBe(200);
  };
  const types = async (subscriptionId: string) =>
    (await store.readStream(`subscription-${subscriptionId}`)).map((e) => e.type);
  const charges = async (subscriptionId: string) =>
    (
      await t.db.pool.query<{ amount: number }>(
        `SELECT (request ->> 'amountCents')::int AS amount FROM simulated_gateway_operations
          WHERE operation = 'charge_saved' AND request -> 'metadata' ->> 'subscriptionId' = $1
          ORDER BY (request -> 'metadata' ->> 'period')::int`,
        [subscriptionId],
      )
    ).rows.map((r) => r.amount);
  const provider = async () => {
    const accountId = await registerAccount(t, ['provider']);
    return { accountId, token: await t.tokenFor({ accountId, roles: ['provider'] }) };
  };
  const subscribe = async (token: string, planId: string, paymentMethod = 'pm_card_visa') => {
    const res = await t.request('POST', '/me/subscriptions', {
      token,
      body: { planId, paymentMethod },
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const view = async (token: string, id: string) =>
    (await t.request('GET', `/me/subscriptions/${id}`, { token })).body;
  const told = async (accountId: string, template: string) =>
    (await t.app.get(Notifications).list({ template, recipientAccountId: accountId, limit: 20 }))
      .length;

  it('renews on time: period 2 starts at period 1’s end, charged once, reminded before', async () => {
    const p = await provider();
    const sub = await subscribe(p.token, proPlan);
    const end = sub.currentPeriod.periodEndsAt;
    expect(sub).toMatchObject({
      status: 'active',
      benefitsActive: true,
      nextRenewal: { at: end, period: 2, amountCents: 2_990 },
    });
    await t.settle();
    await advanceTo(new Date(Date.parse(end) - 6 * 24 * HOUR).toISOString());
    await eventually(
      () => told(p.accountId, 'plans.renewal_reminder').then((n) => n === 1),
      20_000,
      'the reminder',
    );
    await advanceTo(end);
    await eventually(
      async () => (await types(sub.subscriptionId)).includes('SubscriptionRenewed'),
      20_000,
      'the renewal',
    );
    await t.settle();
    expect(await charges(sub.subscriptionId)).toEqual([2_990, 2_990]);
    const after = await view(p.token, sub.subscriptionId);
    expect(after).toMatchObject({
      status: 'active',
      currentPeriod: { period: 2, periodStartsAt: end },
      incident: null,
    });
    expect(await told(p.accountId, 'plans.renewal_reminder')).toBe(1);
  });

  it('retries a refused renewal at +24 h, +72 h, +120 h with benefits kept, then suspends; a new card reinstates', async () => {
    const p = await provider();
    const sub = await subscribe(p.token, creditsPlan);
    const replaced = await t.request(
      'POST',
      `/me/subscriptions/${sub.subscriptionId}/payment-method`,
      {
        token: p.token,
        body: { paymentMethod: 'pm_card_chargeCustomerFail' },
      },
    );
    expect(replaced.status).toBe(200);
    expect(replaced.body.status).toBe('active');
    const end = Date.parse(sub.currentPeriod.periodEndsAt);
    const failures = async () =>
      (await types(sub.subscriptionId)).filter((x) => x === 'SubscriptionRenewalFailed').length;

    await t.settle();
    await advanceTo(new Date(end).toISOString());
    await eventually(() => failures().then((n) => n === 1), 20_000, 'the first refused renewal');
    const incident = await view(p.token, sub.subscriptionId);
    expect(incident).toMatchObject({
      status: 'incident',
      benefitsActive: true,
      incident: {
        attempts: 1,
        nextAttemptAt: new Date(end + 24 * HOUR).toISOString(),
        amountCents: 4_900,
        failureCode: 'card_declined',
      },
    });
    for (const [hours, attempts] of [
      [24, 2],
      [72, 3],
    ] as const) {
      await t.settle();
      await advanceTo(new Date(end + hours * HOUR).toISOString());
      await eventually(() => failures().then((n) => n === attempts), 20_000, `attempt ${attempts}`);
    }
    await t.settle();
    await advanceTo(new Date(end + 120 * HOUR).toISOString());
    await eventually(
      async () => (await types(sub.subscriptionId)).includes('SubscriptionSuspended'),
      20_000,
      'the suspension',
    );
    await t.settle();
    const suspended = await view(p.token, sub.subscriptionId);
    expect(suspended).toMatchObject({
      status: 'suspended',
      benefitsActive: false,
      nextRenewal: null,
      incident: { attempts: 4, nextAttemptAt: null },
    });
    expect(await charges(sub.subscriptionId)).toEqual([4_900]);
    expect(await told(p.accountId, 'plans.renewal_failed')).toBe(4);
    expect(await told(p.accountId, 'plans.subscription_suspended')).toBe(1);
    const staff = await t.request('GET', '/admin/subscriptions?status=suspended', { token: admin });
    expect(staff.body.items.map((i: { subscriptionId: string }) => i.subscriptionId)).toContain(
      sub.subscriptionId,
    );

    const fixed = await t.request(
      'POST',
      `/me/subscriptions/${sub.subscriptionId}/payment-method`,
      {
        token: p.token,
        body: { paymentMethod: 'pm_card_visa' },
      },
    );
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({
      status: 'active',
      benefitsActive: true,
      incident: null,
      currentPeriod: { period: 2 },
    });
    expect(Date.parse(fixed.body.currentPeriod.periodStartsAt)).toBeGreaterThanOrEqual(
      end + 120 * HOUR,
    );
    expect((await types(sub.subscriptionId)).at(-1)).toBe('SubscriptionReinstated');
    expect(await charges(sub.subscriptionId)).toEqual([4_900, 4_900]);
  });

  it('cancels a Pro subscription at once: no charge and no renewal after the period end', async () => {
    const p = await provider();
    const sub = await subscribe(p.token, proPlan);
    const cancelled = await t.request('POST', `/me/subscriptions/${sub.subscriptionId}/cancel`, {
      token: p.token,
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      benefitsActive: false,
      nextRenewal: null,
      cancellation: { reason: 'owner_request' },
    });
    expect(cancelled.body.cancellation.endsAt).toBe(cancelled.body.cancellation.cancelledAt);
    const plan = await t.request('GET', '/me/plan', { token: p.token });
    expect(plan.body).toMatchObject({ proActive: false, priorityAccess: false, featured: false });
    await t.settle();
    await advanceTo(new Date(Date.parse(sub.currentPeriod.periodEndsAt) + HOUR).toISOString());
    await new Promise((r) => setTimeout(r, 3_000));
    await t.settle();
    expect(await types(sub.subscriptionId)).toEqual([
      'SubscriptionStarted',
      'SubscriptionCancelled',
    ]);
    expect(await charges(sub.subscriptionId)).toEqual([2_990]);
  });

  it('an account closure cancels every running subscription at once; nothing is charged after', async () => {
    const p = await provider();
    const pro = await subscribe(p.token, proPlan);
    const credits = await subscribe(p.token, creditsPlan);
    const bus = t.app.get(CommandBus);
    const now = (await t.request('GET', '/admin/test-clock', { token: admin })).body.now as string;
    const later = new Date(Date.parse(now) + 5 * 24 * HOUR).toISOString();
    await bus.execute(
      new AccountCommandMessage(
        p.accountId,
        {
          type: 'RequestClosure',
          data: {},
          meta: { now, actorId: p.accountId, actorRole: 'provider' },
        },
        { correlationId: 'closure-test' },
      ),
    );
    await bus.execute(
      new AccountCommandMessage(
        p.accountId,
        {
          type: 'CloseAccount',
          data: {},
          meta: { now: later, actorId: 'system', actorRole: 'system' },
        },
        { correlationId: 'closure-test' },
      ),
    );
    await t.settle();
    for (const id of [pro.subscriptionId, credits.subscriptionId]) {
      const events = await store.readStream(`subscription-${id}`);
      const last = events.at(-1)!;
      expect(last.type).toBe('SubscriptionCancelled');
      expect(last.data).toMatchObject({ reason: 'account_closed', endsAt: later });
    }
    await advanceTo(new Date(Date.parse(pro.currentPeriod.periodEndsAt) + HOUR).toISOString());
    await new Promise((r) => setTimeout(r, 3_000));
    await t.settle();
    expect(await charges(pro.subscriptionId)).toEqual([2_990]);
    expect(await charges(credits.subscriptionId)).toEqual([4_900]);
    expect(await types(credits.subscriptionId)).toEqual([
      'SubscriptionStarted',
      'SubscriptionCancelled',
    ]);
  });
  it('renews at the plan version in force at the period end: a revision applies to new periods only', async () => {
    const plan = await definePlan(t, { kind: 'pro', priceTtcCents: 1_000, name: 'Pro révisable' });
    const p = await provider();
    const sub = await subscribe(p.token, plan.planId);
    const now = (await t.request('GET', '/admin/test-clock', { token: admin })).body.now as string;
    await store.appendToStream(`plan-${plan.planId}`, [
      {
        id: randomUUID(),
        type: 'PlanRevised',
        data: {
          planId: plan.planId,
          version: 2,
          name: plan.name,
          description: plan.description,
          terms: { ...plan.terms, priceTtcCents: 1_500, credits: NO_CREDITS },
          revisedBy: 'staff-test',
          revisedAt: now,
        },
        metadata: {
          correlationId: 'rev',
          causationId: 'rev',
          actorId: 'staff-test',
          actorRole: 'admin',
          occurredAt: now,
        },
      },
    ]);
    const before = await view(p.token, sub.subscriptionId);
    expect(before).toMatchObject({
      currentPeriod: { planVersion: 1, priceTtcCents: 1_000 },
      nextRenewal: { amountCents: 1_500 },
    });
    await t.settle();
    await advanceTo(sub.currentPeriod.periodEndsAt);
    await eventually(
      async () => (await types(sub.subscriptionId)).includes('SubscriptionRenewed'),
      20_000,
      'the renewal',
    );
    expect(await charges(sub.subscriptionId)).toEqual([1_000, 1_500]);
    expect((await view(p.token, sub.subscriptionId)).currentPeriod).toMatchObject({
      period: 2,
      planVersion: 2,
      priceTtcCents: 1_500,
    });
  });

  it('a pause skips the renewal at the period end (no charge) and renews at resumesAt', async () => {
    const p = await provider();
    const sub = await subscribe(p.token, creditsPlan);
    const pause = await t.request('POST', `/me/subscriptions/${sub.subscriptionId}/pause`, {
      token: p.token,
      body: { periods: 1 },
    });
    expect(pause.status).toBe(200);
    const resumesAt = pause.body.pause.resumesAt as string;
    await t.settle();
    await advanceTo(sub.currentPeriod.periodEndsAt);
    await eventually(
      async () => (await types(sub.subscriptionId)).includes('SubscriptionPaused'),
      20_000,
      'the pause',
    );
    expect(await view(p.token, sub.subscriptionId)).toMatchObject({
      status: 'paused',
      benefitsActive: false,
      nextRenewal: { at: resumesAt },
    });
    expect(await charges(sub.subscriptionId)).toEqual([4_900]);
    await t.settle();
    await advanceTo(resumesAt);
    await eventually(
      async () => (await types(sub.subscriptionId)).includes('SubscriptionRenewed'),
      20_000,
      'the renewal after the pause',
    );
    expect(await charges(sub.subscriptionId)).toEqual([4_900, 4_900]);
    expect((await view(p.token, sub.subscriptionId)).currentPeriod).toMatchObject({
      period: 2,
      periodStartsAt: resumesAt,
    });
  });
});
