import type { SubscriptionEvent } from './subscription.events';
import { subscriptionDecider } from './subscription.decider';
import { renewalStep } from './subscription.guards';
import { addMonths } from './subscription.state';
import {
  accountId,
  adminId,
  at,
  cancelled,
  charge,
  creditsTerms,
  failed,
  failure,
  firstEnd,
  meta,
  paused,
  pauseScheduled,
  proTerms,
  renew,
  renewed,
  secondEnd,
  spec,
  start,
  started,
  startedAt,
  subscriptionId,
  suspended,
  system,
} from './subscription.fixtures.spec';

const fold = (events: unknown[]) =>
  (events as SubscriptionEvent[]).reduce(
    subscriptionDecider.evolve,
    subscriptionDecider.initialState(),
  );

describe('Subscription: subscribing', () => {
  it('starts period 1 with the plan version, price, credits and one calendar month (day clamped)', () => {
    spec
      .given([])
      .when(start(creditsTerms))
      .then([started(creditsTerms)]);
  });

  it('records no credits on a Pro plan', () => {
    spec
      .given([])
      .when(start(proTerms))
      .thenMatches(([e]) =>
        expect(e.data).toMatchObject({ credits: { consultation: 0, offer: 0, direct_contact: 0 } }),
      );
  });

  it.each(['client', 'mediator', 'finance'] as const)('refuses a %s', (role) => {
    spec.given([]).when(start(proTerms, role)).thenThrows('SUBSCRIPTION_PROVIDER_ONLY');
  });

  it('refuses a retired plan, and an hour pack', () => {
    spec
      .given([])
      .when(start({ ...proTerms, retired: true }))
      .thenThrows('PLAN_RETIRED');
    spec
      .given([])
      .when(start({ ...proTerms, kind: 'hour_pack', period: null }))
      .thenThrows('PLAN_NOT_SUBSCRIBABLE');
  });

  it('refuses a second start on the same slot (the parallel request that lost)', () => {
    spec
      .given([started()])
      .when(start())
      .thenThrows('SUBSCRIPTION_ALREADY_ACTIVE', { currentStatus: 'active' });
  });
});

describe('Subscription: tacit renewal', () => {
  it('renews period 2 from period 1’s end at the version charged now', () => {
    spec
      .given([started()])
      .when(renew(2, 1, { ...proTerms, version: 3 }))
      .then([renewed(proTerms, 3)]);
  });

  it('records nothing for a period already renewed (a redelivered job)', () => {
    spec.given([started(), renewed()]).when(renew(2)).then([]);
  });

  it('refuses a renewal of a cancelled subscription (the job ends obsolete)', () => {
    spec.given([started(), cancelled()]).when(renew(2)).thenThrows('SUBSCRIPTION_CANCELLED');
  });

  it('is the system’s alone', () => {
    spec
      .given([started()])
      .when({ ...renew(2), meta: meta(firstEnd) })
      .thenThrows('SUBSCRIPTION_STAFF_ONLY');
  });
});

describe('Subscription: payment incident', () => {
  it('records a refused renewal with the next attempt 24 h after the period end, benefits kept', () => {
    spec
      .given([started()])
      .when(failure(1, firstEnd))
      .then([failed(1)]);
    const state = fold([started(), failed(1)]);
    expect(state).toMatchObject({
      status: 'incident',
      incident: { since: firstEnd, attempts: 1, nextAttemptAt: at(24) },
    });
  });

  it('retries at +72 h then +120 h, counted from the period end', () => {
    spec
      .given([started(), failed(1)])
      .when(failure(2, at(24)))
      .then([failed(2)]);
    spec
      .given([started(), failed(1), failed(2)])
      .when(failure(3, at(72)))
      .then([failed(3)]);
  });

  it('suspends after the last retry', () => {
    spec
      .given([started(), failed(1), failed(2), failed(3)])
      .when(failure(4, at(120)))
      .then([failed(4), suspended]);
  });

  it('renews during the grace when a retry goes through', () => {
    spec
      .given([started(), failed(1)])
      .when(renew(2, 2, proTerms, at(24)))
      .thenMatches(([e]) =>
        expect(e).toMatchObject({
          type: 'SubscriptionRenewed',
          data: { period: 2, periodStartsAt: firstEnd, periodEndsAt: secondEnd },
        }),
      );
  });

  it('ignores a stale attempt (an older retry job) as not due', () => {
    expect(
      renewalStep(fold([started(), failed(1), failed(2)]), {
        period: 2,
        attempt: 2,
        dueAt: at(24),
      }),
    ).toMatchObject({
      kind: 'obsolete',
    });
    expect(
      renewalStep(fold([started(), failed(1)]), { period: 2, attempt: 1, dueAt: firstEnd }),
    ).toMatchObject({
      kind: 'obsolete',
    });
  });

  it('a new card during the grace pays the owed period from its due date', () => {
    const now = at(30);
    spec
      .given([started(), failed(1)])
      .when({
        type: 'ReplacePaymentMethod',
        data: { subscriptionId, paymentMethodRef: 'pm_new', charge: charge(proTerms, 'pi_fix') },
        meta: meta(now),
      })
      .thenMatches((events) => {
        expect(events.map((e) => e.type)).toEqual([
          'SubscriptionPaymentMethodReplaced',
          'SubscriptionRenewed',
        ]);
        expect(events[1].data).toMatchObject({
          period: 2,
          periodStartsAt: firstEnd,
          chargeRef: 'pi_fix',
        });
      });
  });

  it('a new card once suspended reinstates with a fresh period from now', () => {
    const now = at(200);
    spec
      .given([started(), failed(1), failed(2), failed(3), failed(4), suspended])
      .when({
        type: 'ReplacePaymentMethod',
        data: { subscriptionId, paymentMethodRef: 'pm_new', charge: charge(proTerms, 'pi_fix') },
        meta: meta(now),
      })
      .thenMatches((events) => {
        expect(events[1]).toMatchObject({
          type: 'SubscriptionReinstated',
          data: { period: 2, periodStartsAt: now, periodEndsAt: addMonths(now, 1) },
        });
        const state = fold([
          started(),
          failed(1),
          failed(2),
          failed(3),
          failed(4),
          suspended,
          ...events,
        ]);
        expect(state).toMatchObject({ status: 'active', incident: null, suspendedAt: null });
      });
  });

  it('a new card outside an incident only replaces the card', () => {
    spec
      .given([started()])
      .when({
        type: 'ReplacePaymentMethod',
        data: { subscriptionId, paymentMethodRef: 'pm_new', charge: null },
        meta: meta('2026-02-05T00:00:00.000Z'),
      })
      .then([
        {
          type: 'SubscriptionPaymentMethodReplaced',
          data: {
            subscriptionId,
            accountId,
            paymentMethodRef: 'pm_new',
            replacedAt: '2026-02-05T00:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses another account’s card replacement', () => {
    spec
      .given([started()])
      .when({
        type: 'ReplacePaymentMethod',
        data: { subscriptionId, paymentMethodRef: 'pm_new', charge: null },
        meta: meta(firstEnd, 'provider', 'someone-else'),
      })
      .thenThrows('NOT_SUBSCRIPTION_OWNER');
  });
});

describe('Subscription: pause ("mettre en suspens")', () => {
  const schedule = (periods: number) => ({
    type: 'SchedulePause' as const,
    data: { subscriptionId, periods },
    meta: meta('2026-02-10T10:00:00.000Z'),
  });

  it('schedules it from the period end, never shortening the running period', () => {
    spec
      .given([started()])
      .when(schedule(1))
      .then([pauseScheduled(1)]);
    spec
      .given([started()])
      .when(schedule(3))
      .thenMatches(([e]) =>
        expect(e.data).toMatchObject({
          pausedFrom: firstEnd,
          resumesAt: '2026-05-28T10:00:00.000Z',
        }),
      );
  });

  it.each([0, 4, 1.5])('refuses %s periods', (periods) => {
    spec.given([started()]).when(schedule(periods)).thenThrows('SUBSCRIPTION_INVALID_PAUSE');
  });

  it('refuses it during a payment incident or a suspension', () => {
    spec
      .given([started(), failed(1)])
      .when(schedule(1))
      .thenThrows('SUBSCRIPTION_IN_INCIDENT');
    spec
      .given([started(), failed(1), failed(2), failed(3), failed(4), suspended])
      .when(schedule(1))
      .thenThrows('SUBSCRIPTION_IN_INCIDENT');
  });

  it('at the period end the renewal job pauses instead of charging; the renewal is due at resumesAt', () => {
    const state = fold([started(), pauseScheduled(1)]);
    expect(renewalStep(state, { period: 2, attempt: 1, dueAt: firstEnd })).toEqual({
      kind: 'pause',
      period: 2,
    });
    spec
      .given([started(), pauseScheduled(1)])
      .when({ type: 'StartPause', data: { subscriptionId, period: 2 }, meta: system(firstEnd) })
      .then([paused]);
    const after = fold([started(), pauseScheduled(1), paused]);
    expect(after).toMatchObject({ status: 'paused', renewalDueAt: secondEnd });
    expect(renewalStep(after, { period: 2, attempt: 1, dueAt: secondEnd })).toEqual({
      kind: 'charge',
      period: 2,
      attempt: 1,
    });
  });

  it('after the pause the renewed period starts at resumesAt', () => {
    spec
      .given([started(), pauseScheduled(1), paused])
      .when(renew(2, 1, proTerms, secondEnd))
      .thenMatches(([e]) =>
        expect(e.data).toMatchObject({
          periodStartsAt: secondEnd,
          periodEndsAt: '2026-04-28T10:00:00.000Z',
        }),
      );
  });

  it('withdraws a pause before it starts, not after', () => {
    const withdraw = {
      type: 'WithdrawPause' as const,
      data: { subscriptionId },
      meta: meta('2026-02-11T00:00:00.000Z'),
    };
    spec
      .given([started(), pauseScheduled(1)])
      .when(withdraw)
      .then([
        {
          type: 'SubscriptionPauseWithdrawn',
          data: { subscriptionId, accountId, withdrawnAt: '2026-02-11T00:00:00.000Z' },
        },
      ]);
    spec
      .given([started(), pauseScheduled(1), paused])
      .when(withdraw)
      .thenThrows('SUBSCRIPTION_PAUSE_STARTED');
    spec.given([started()]).when(withdraw).thenThrows('SUBSCRIPTION_NO_PAUSE');
  });
});

describe('Subscription: extension ("prolonger")', () => {
  const extend = (
    days: number,
    role: 'admin' | 'provider' = 'admin',
    reason = 'Geste commercial',
  ) => ({
    type: 'ExtendPeriod' as const,
    data: { subscriptionId, days, reason },
    meta: meta('2026-02-10T00:00:00.000Z', role, adminId),
  });

  it('moves the period end; the old end’s jobs find it moved', () => {
    spec
      .given([started()])
      .when(extend(10))
      .then([
        {
          type: 'SubscriptionPeriodExtended',
          data: {
            subscriptionId,
            accountId,
            period: 1,
            days: 10,
            periodEndsAt: '2026-03-10T10:00:00.000Z',
            reason: 'Geste commercial',
            extendedBy: adminId,
            extendedAt: '2026-02-10T00:00:00.000Z',
          },
        },
      ]);
    const state = fold([started(), ...subscriptionDecider.decide(extend(10), fold([started()]))]);
    expect(renewalStep(state, { period: 2, attempt: 1, dueAt: firstEnd }).kind).toBe('obsolete');
    expect(
      renewalStep(state, { period: 2, attempt: 1, dueAt: '2026-03-10T10:00:00.000Z' }).kind,
    ).toBe('charge');
  });

  it('carries a scheduled pause along', () => {
    const events = subscriptionDecider.decide(extend(10), fold([started(), pauseScheduled(1)]));
    expect(fold([started(), pauseScheduled(1), ...events])).toMatchObject({
      pause: { pausedFrom: '2026-03-10T10:00:00.000Z', resumesAt: '2026-04-07T10:00:00.000Z' },
    });
  });

  it('refuses a provider, bad bounds, no reason, and an incident', () => {
    spec.given([started()]).when(extend(10, 'provider')).thenThrows('SUBSCRIPTION_STAFF_ONLY');
    spec.given([started()]).when(extend(0)).thenThrows('SUBSCRIPTION_INVALID_EXTENSION');
    spec.given([started()]).when(extend(91)).thenThrows('SUBSCRIPTION_INVALID_EXTENSION');
    spec
      .given([started()])
      .when(extend(5, 'admin', '  '))
      .thenThrows('SUBSCRIPTION_EXTENSION_REASON_REQUIRED');
    spec
      .given([started(), failed(1)])
      .when(extend(5))
      .thenThrows('SUBSCRIPTION_NOT_EXTENDABLE');
  });
});

describe('Subscription: cancellation', () => {
  const now = '2026-02-10T10:00:00.000Z';
  const cancel = (reason: 'owner_request' | 'account_closed' = 'owner_request') => ({
    type: 'CancelSubscription' as const,
    data: { subscriptionId, reason },
    meta: reason === 'owner_request' ? meta(now) : system(now),
  });

  it('ends a Pro subscription at once', () => {
    spec
      .given([started()])
      .when(cancel())
      .then([cancelled(now)]);
  });

  it('keeps a credits subscription’s paid period to its end (no refund, no shortening)', () => {
    spec
      .given([started(creditsTerms)])
      .when(cancel())
      .thenMatches(([e]) =>
        expect(e.data).toMatchObject({ planKind: 'credits', endsAt: firstEnd }),
      );
  });

  it('an account closure ends either kind at once, and again records nothing', () => {
    spec
      .given([started(creditsTerms)])
      .when(cancel('account_closed'))
      .thenMatches(([e]) =>
        expect(e.data).toMatchObject({
          reason: 'account_closed',
          endsAt: now,
          cancelledBy: 'system',
        }),
      );
    spec.given([started(), cancelled()]).when(cancel('account_closed')).then([]);
  });

  it('refuses a second cancellation by the owner, and another account', () => {
    spec.given([started(), cancelled()]).when(cancel()).thenThrows('SUBSCRIPTION_CANCELLED');
    spec
      .given([started()])
      .when({ ...cancel(), meta: meta(now, 'provider', 'someone-else') })
      .thenThrows('NOT_SUBSCRIPTION_OWNER');
  });

  it('leaves nothing to renew: the renewal job finds it cancelled', () => {
    expect(
      renewalStep(fold([started(), cancelled()]), { period: 2, attempt: 1, dueAt: firstEnd }),
    ).toMatchObject({
      kind: 'obsolete',
      code: 'SUBSCRIPTION_CANCELLED',
    });
  });
});

describe('Subscription: evolve', () => {
  it('never throws: out-of-order, repeated and unknown events leave the state as it is', () => {
    expect(fold([renewed(), failed(1), suspended, paused, cancelled()])).toEqual({
      status: 'none',
    });
    expect(fold([started(), started()])).toEqual(fold([started()]));
    expect(fold([started(), renewed(), renewed()])).toEqual(fold([started(), renewed()]));
    expect(fold([started(), { type: 'SubscriptionUpgradedV9', data: {} }])).toEqual(
      fold([started()]),
    );
    expect(fold([started(), cancelled(), renewed()])).toMatchObject({ status: 'cancelled' });
  });

  it('counts periods with UTC calendar months, clamping the day', () => {
    expect(addMonths(startedAt, 1)).toBe(firstEnd);
    expect(addMonths('2028-01-31T00:00:00.000Z', 1)).toBe('2028-02-29T00:00:00.000Z');
    expect(addMonths('2026-11-30T23:30:00.000Z', 3)).toBe('2027-02-28T23:30:00.000Z');
    expect(addMonths('2026-03-15T08:00:00.000Z', 12)).toBe('2027-03-15T08:00:00.000Z');
  });
});
