import {
  evolveProSubscriptions,
  isPro,
  ProSubscriptions,
  proSubscriptionAccountOf,
} from './pro-status';

const AT = '2026-12-01T09:00:00.000Z';
const terms = {
  period: 1,
  planVersion: 1,
  priceTtcCents: 2_990,
  periodStartsAt: AT,
  periodEndsAt: '2027-01-01T09:00:00.000Z',
  credits: { consultation: 0, offer: 0, direct_contact: 0 },
  chargeRef: 'ch_1',
};

/** The events of one subscription's stream, numbered from 0 as the log numbers them. */
function stream(subscriptionId: string, planKind: 'pro' | 'credits' = 'pro') {
  let revision = -1n;
  const next = (type: string, data: object) => {
    revision += 1n;
    return { type, data: { subscriptionId, accountId: 'p1', ...data }, revision };
  };
  return {
    started: () =>
      next('SubscriptionStarted', {
        ...terms,
        planId: 'plan-pro',
        planKind,
        planName: 'Pro',
        billingPeriod: 'month',
        paymentMethodRef: 'pm_1',
        startedAt: AT,
      }),
    renewed: () => next('SubscriptionRenewed', { ...terms, period: 2, planId: 'plan-pro' }),
    renewalFailed: () =>
      next('SubscriptionRenewalFailed', { period: 2, attempt: 1, nextAttemptAt: AT }),
    suspended: () =>
      next('SubscriptionSuspended', { period: 2, reason: 'payment_incident', suspendedAt: AT }),
    reinstated: () => next('SubscriptionReinstated', { ...terms, period: 3, reinstatedAt: AT }),
    paused: () => next('SubscriptionPaused', { period: 1, pausedAt: AT, resumesAt: AT }),
    cancelled: () =>
      next('SubscriptionCancelled', {
        planKind,
        reason: 'owner_request',
        cancelledBy: 'p1',
        endsAt: AT,
        cancelledAt: AT,
      }),
  };
}

type Event = Parameters<typeof evolveProSubscriptions>[1];

/** Given these events (in order), the provider's Pro subscriptions. */
const given = (...events: Event[]): ProSubscriptions =>
  events.reduce<ProSubscriptions>((subs, e) => evolveProSubscriptions(subs, e) ?? subs, {});

describe('whether a provider is Pro, from their subscription events', () => {
  it('given a Pro subscription started, the provider is Pro; renewals keep it', () => {
    const s = stream('s1');
    expect(isPro(given(s.started()))).toBe(true);
    expect(isPro(given(s.started(), s.renewed(), s.renewed()))).toBe(true);
  });

  it('given a credits plan subscription started, the provider is not Pro and nothing is kept', () => {
    const s = stream('s1', 'credits');
    expect(given(s.started(), s.renewed(), s.cancelled())).toEqual({});
  });

  it('a cancellation ends Pro at once, for good: a later renewal or reinstatement does not bring it back', () => {
    const s = stream('s1');
    expect(isPro(given(s.started(), s.cancelled()))).toBe(false);
    expect(isPro(given(s.started(), s.cancelled(), s.renewed(), s.reinstated()))).toBe(false);
  });

  it('a failed renewal keeps Pro while it is retried; a suspension stops it; a reinstatement restores it', () => {
    const s = stream('s1');
    const started = s.started();
    const failed = s.renewalFailed();
    expect(isPro(given(started, failed))).toBe(true);
    const suspended = s.suspended();
    expect(isPro(given(started, failed, suspended))).toBe(false);
    expect(isPro(given(started, failed, suspended, s.reinstated()))).toBe(true);
  });

  it('a pause (nothing paid) stops Pro until the renewal that ends it', () => {
    const s = stream('s1');
    const started = s.started();
    const paused = s.paused();
    expect(isPro(given(started, paused))).toBe(false);
    expect(isPro(given(started, paused, s.renewed()))).toBe(true);
  });

  it('stays Pro while any one of two Pro subscriptions runs', () => {
    const a = stream('a');
    const b = stream('b');
    expect(isPro(given(a.started(), b.started(), a.cancelled()))).toBe(true);
  });

  it('an event delivered twice changes nothing (a redelivered start after a cancellation stays ended)', () => {
    const s = stream('s1');
    const started = s.started();
    const cancelled = s.cancelled();
    const subs = given(started, cancelled);
    expect(evolveProSubscriptions(subs, started)).toBeNull();
    expect(evolveProSubscriptions(subs, cancelled)).toBeNull();
    expect(isPro(subs)).toBe(false);
  });

  it('ignores events of a subscription never seen started, other event types and malformed data', () => {
    const s = stream('s1');
    s.started();
    expect(evolveProSubscriptions({}, s.renewed())).toBeNull();
    expect(evolveProSubscriptions({}, { type: 'GigCreated', data: {}, revision: 0n })).toBeNull();
    expect(
      evolveProSubscriptions({}, { type: 'SubscriptionStarted', data: null, revision: 0n }),
    ).toBeNull();
    expect(
      evolveProSubscriptions({}, { type: 'SubscriptionStarted', data: 'x', revision: 0n }),
    ).toBeNull();
    expect(isPro(null)).toBe(false);
    expect(proSubscriptionAccountOf({ data: { accountId: 42 } })).toBeUndefined();
    expect(proSubscriptionAccountOf({ data: { accountId: 'p1' } })).toBe('p1');
  });
});
