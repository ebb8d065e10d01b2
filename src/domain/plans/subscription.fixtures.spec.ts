// Given/when builders for the subscription specs; the `.spec.ts` suffix keeps them out of the build.
import { DeciderSpecification } from '../../../test/support/decider-spec';
import type { ActorRole } from '../shared';
import type {
  PeriodCharge,
  SubscriptionCommand,
  SubscriptionPlanTerms,
} from './subscription.commands';
import type { SubscriptionEvent } from './subscription.events';
import { subscriptionDecider } from './subscription.decider';

export const subscriptionId = 'sub-1';
export const accountId = 'provider-1';
export const adminId = 'admin-1';
export const startedAt = '2026-01-31T10:00:00.000Z';
/** 31 January + 1 month, the day clamped. */
export const firstEnd = '2026-02-28T10:00:00.000Z';
export const secondEnd = '2026-03-28T10:00:00.000Z';
export const spec = DeciderSpecification.for(subscriptionDecider);

export const meta = (now: string, actorRole: ActorRole = 'provider', actorId = accountId) => ({
  now,
  actorId,
  actorRole,
});
export const system = (now: string) => meta(now, 'system', 'system');

export const proTerms: SubscriptionPlanTerms = {
  planId: 'plan-pro',
  kind: 'pro',
  name: 'Pro',
  version: 1,
  retired: false,
  priceTtcCents: 2_990,
  period: 'month',
  credits: { consultation: 0, offer: 0, direct_contact: 0 },
};
export const creditsTerms: SubscriptionPlanTerms = {
  ...proTerms,
  planId: 'plan-credits',
  kind: 'credits',
  name: 'Crédits',
  priceTtcCents: 4_900,
  credits: { consultation: 10, offer: 5, direct_contact: 2 },
};
export const charge = (plan = proTerms, chargeRef = 'pi_1'): PeriodCharge => ({ chargeRef, plan });

export const start = (plan = proTerms, role: ActorRole = 'provider'): SubscriptionCommand => ({
  type: 'StartSubscription',
  data: { subscriptionId, accountId, paymentMethodRef: 'pm_saved_1', charge: charge(plan) },
  meta: meta(startedAt, role),
});

export const started = (plan = proTerms): SubscriptionEvent => ({
  type: 'SubscriptionStarted',
  data: {
    subscriptionId,
    accountId,
    planId: plan.planId,
    planKind: plan.kind as 'pro' | 'credits',
    planName: plan.name,
    billingPeriod: 'month',
    paymentMethodRef: 'pm_saved_1',
    startedAt,
    period: 1,
    planVersion: 1,
    priceTtcCents: plan.priceTtcCents,
    periodStartsAt: startedAt,
    periodEndsAt: firstEnd,
    credits: { ...plan.credits },
    chargeRef: 'pi_1',
  },
});

export const renew = (
  period = 2,
  attempt = 1,
  plan = proTerms,
  now = firstEnd,
): SubscriptionCommand => ({
  type: 'RenewSubscription',
  data: { subscriptionId, period, attempt, charge: charge(plan, `pi_${period}`) },
  meta: system(now),
});

export const renewed = (plan = proTerms, version = 1): SubscriptionEvent => ({
  type: 'SubscriptionRenewed',
  data: {
    subscriptionId,
    accountId,
    planId: plan.planId,
    renewedAt: firstEnd,
    period: 2,
    planVersion: version,
    priceTtcCents: plan.priceTtcCents,
    periodStartsAt: firstEnd,
    periodEndsAt: secondEnd,
    credits: { ...plan.credits },
    chargeRef: 'pi_2',
  },
});

export const RETRY_HOURS = [24, 72, 120] as const;
export const failure = (attempt: number, now: string): SubscriptionCommand => ({
  type: 'RecordRenewalFailure',
  data: {
    subscriptionId,
    period: 2,
    attempt,
    amountCents: 2_990,
    failureCode: 'card_declined',
    retryHours: RETRY_HOURS,
  },
  meta: system(now),
});
export const at = (hoursAfterEnd: number) =>
  new Date(Date.parse(firstEnd) + hoursAfterEnd * 3_600_000).toISOString();
export const failed = (attempt: number): SubscriptionEvent => ({
  type: 'SubscriptionRenewalFailed',
  data: {
    subscriptionId,
    accountId,
    period: 2,
    attempt,
    amountCents: 2_990,
    failureCode: 'card_declined',
    nextAttemptAt: attempt <= 3 ? at(RETRY_HOURS[attempt - 1]) : null,
    failedAt: at([0, 24, 72, 120][attempt - 1]),
  },
});
export const suspended: SubscriptionEvent = {
  type: 'SubscriptionSuspended',
  data: { subscriptionId, accountId, period: 2, reason: 'payment_incident', suspendedAt: at(120) },
};

export const pauseScheduled = (periods = 1): SubscriptionEvent => ({
  type: 'SubscriptionPauseScheduled',
  data: {
    subscriptionId,
    accountId,
    periods,
    pausedFrom: firstEnd,
    resumesAt: periods === 1 ? secondEnd : '2026-04-28T10:00:00.000Z',
    scheduledAt: '2026-02-10T10:00:00.000Z',
  },
});
export const paused: SubscriptionEvent = {
  type: 'SubscriptionPaused',
  data: { subscriptionId, accountId, period: 2, pausedAt: firstEnd, resumesAt: secondEnd },
};
export const cancelled = (endsAt = '2026-02-10T10:00:00.000Z'): SubscriptionEvent => ({
  type: 'SubscriptionCancelled',
  data: {
    subscriptionId,
    accountId,
    planKind: 'pro',
    reason: 'owner_request',
    cancelledBy: accountId,
    endsAt,
    cancelledAt: '2026-02-10T10:00:00.000Z',
  },
});
