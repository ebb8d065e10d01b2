import { SubscriptionRenewalJob } from '../../../src/application/plans/subscription-renewal.job';
import type { PlanJob } from '../../../src/application/scheduling/jobs';
import { Clock, ManualClock } from '../../../src/application/shared/clock';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { definePlan } from '../../support/plan-events';
import { startTestApp, TestApp } from '../../support/test-app';

/**
 * The renewal job called directly (as the bench does), on a manual clock: a job run twice at
 * once charges and renews once; a cancellation racing a renewal never leaves a charge without
 * its period (the lost charge is refunded).
 */
describe('the subscription renewal job', () => {
  let t: TestApp;
  let store: EventStore;
  let planId: string;
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    t = await startTestApp({}, [[Clock, clock]]);
    store = t.app.get<EventStore>(EVENT_STORE);
    planId = (await definePlan(t, { kind: 'pro', priceTtcCents: 2_990 })).planId;
  });
  afterAll(() => t.close());

  const subscribe = async () => {
    const token = await t.tokenFor({ roles: ['provider'] });
    const res = await t.request('POST', '/me/subscriptions', {
      token,
      body: { planId, paymentMethod: 'pm_card_visa' },
    });
    expect(res.status).toBe(201);
    return { token, sub: res.body };
  };
  const job = (subscriptionId: string, dueAt: string, jobId: string) => ({
    jobId,
    payload: {
      kind: 'subscription.renew',
      subscriptionId,
      period: 2,
      attempt: 1,
      dueAt,
      causationId: jobId,
      correlationId: jobId,
    } as Extract<PlanJob, { kind: 'subscription.renew' }>,
  });
  const operations = async (subscriptionId: string) =>
    (
      await t.db.pool.query<{ operation: string; period: string | null }>(
        `SELECT operation, request -> 'metadata' ->> 'period' AS period FROM simulated_gateway_operations
          WHERE request -> 'metadata' ->> 'subscriptionId' = $1
             OR request ->> 'chargeRef' IN (SELECT response ->> 'chargeRef' FROM simulated_gateway_operations
                                             WHERE request -> 'metadata' ->> 'subscriptionId' = $1)`,
        [subscriptionId],
      )
    ).rows;
  const types = async (id: string) =>
    (await store.readStream(`subscription-${id}`)).map((e) => e.type);

  it('is not run before its due time', async () => {
    const { sub } = await subscribe();
    const renewal = t.app.get(SubscriptionRenewalJob);
    expect(
      await renewal.renew(job(sub.subscriptionId, sub.currentPeriod.periodEndsAt, 'early')),
    ).toEqual({ result: 'not_due', dueAt: sub.currentPeriod.periodEndsAt });
  });

  it('run twice at once, charges and renews once', async () => {
    const { sub } = await subscribe();
    const end = sub.currentPeriod.periodEndsAt as string;
    clock.set(end);
    const renewal = t.app.get(SubscriptionRenewalJob);
    const outcomes = await Promise.all([
      renewal.renew(job(sub.subscriptionId, end, `a-${sub.subscriptionId}`)),
      renewal.renew(job(sub.subscriptionId, end, `b-${sub.subscriptionId}`)),
    ]);
    expect(outcomes.map((o) => o.result).sort()).toEqual(['done', 'obsolete']);
    expect(
      (await types(sub.subscriptionId)).filter((x) => x === 'SubscriptionRenewed'),
    ).toHaveLength(1);
    const charges = (await operations(sub.subscriptionId)).filter(
      (o) => o.operation === 'charge_saved',
    );
    expect(charges.map((c) => c.period).sort()).toEqual(['1', '2']);
    // Redelivered later: nothing new.
    expect(
      (await renewal.renew(job(sub.subscriptionId, end, `a-${sub.subscriptionId}`))).result,
    ).toBe('obsolete');
  });

  it('racing a cancellation, never leaves a charge without its period', async () => {
    const { sub, token } = await subscribe();
    const end = sub.currentPeriod.periodEndsAt as string;
    clock.set(new Date(Date.parse(end) - 1_000).toISOString());
    const renewal = t.app.get(SubscriptionRenewalJob);
    const cancel = t.request('POST', `/me/subscriptions/${sub.subscriptionId}/cancel`, { token });
    clock.set(end);
    const [cancelled] = await Promise.all([
      cancel,
      renewal.renew(job(sub.subscriptionId, end, `c-${sub.subscriptionId}`)),
    ]);
    expect(cancelled.status).toBe(200);
    const events = await types(sub.subscriptionId);
    expect(events.at(-1)).toBe('SubscriptionCancelled');
    const ops = (await operations(sub.subscriptionId)).map((o) => o.operation);
    const charged = ops.filter((o) => o === 'charge_saved').length;
    const refunded = ops.filter((o) => o === 'refund_charge').length;
    const renewed = events.filter((e) => e === 'SubscriptionRenewed').length;
    expect(charged - refunded).toBe(1 + renewed);
  });
});
