import type { CommandMeta } from '../shared';
import type { SubscriptionPlanTerms } from './subscription.commands';
import {
  SubscriptionErrorCode as C,
  subscriptionForbidden,
  subscriptionIllegalState,
  subscriptionInvalid,
  subscriptionNotFound,
  subscriptionRefused,
} from './subscription.errors';
import type { ExistingSubscription, SubscriptionState } from './subscription.state';

export const SUBSCRIPTION_RULES = {
  pauseMinPeriods: 1,
  pauseMaxPeriods: 3,
  extensionMinDays: 1,
  extensionMaxDays: 90,
  extensionReasonMaxLength: 500,
} as const;

/** Only a provider subscribes (seeds 000 and 003); `system` replays an operator's command. */
export function byProvider(meta: CommandMeta): void {
  if (meta.actorRole !== 'provider' && meta.actorRole !== 'system')
    throw subscriptionForbidden(C.PROVIDER_ONLY, 'Only a provider subscribes to a plan');
}

export function byStaff(meta: CommandMeta): void {
  if (meta.actorRole !== 'admin' && meta.actorRole !== 'system')
    throw subscriptionForbidden(C.STAFF_ONLY, 'Only an admin extends a subscription');
}

/** Workers (renewal jobs) only. */
export function bySystem(meta: CommandMeta): void {
  if (meta.actorRole !== 'system')
    throw subscriptionForbidden(C.STAFF_ONLY, 'Only the renewal process does this');
}

export function existing(state: SubscriptionState, subscriptionId: string): ExistingSubscription {
  if (state.status === 'none') throw subscriptionNotFound(subscriptionId);
  return state;
}

/** The owner acts on their own; staff and the system on any. Another account is refused (the HTTP layer answers 404). */
export function byOwner(subscription: ExistingSubscription, meta: CommandMeta): void {
  if (meta.actorRole === 'system' || meta.actorRole === 'admin') return;
  if (meta.actorId !== subscription.accountId)
    throw subscriptionForbidden(C.NOT_OWNER, 'This subscription belongs to another account');
}

export function notCancelled(subscription: ExistingSubscription): void {
  if (subscription.status === 'cancelled')
    throw subscriptionIllegalState(C.CANCELLED, subscription.status, {
      subscriptionId: subscription.subscriptionId,
    });
}

/**
 * What may be subscribed to: an active (not retired) `pro` or `credits` plan with a period.
 * The application checks it before charging the first period, the decider again.
 */
export function assertSubscribable(plan: SubscriptionPlanTerms | null, planId: string): void {
  if (!plan) throw subscriptionRefused(C.PLAN_NOT_FOUND, 'No such plan', { planId });
  if ((plan.kind !== 'pro' && plan.kind !== 'credits') || plan.period === null)
    throw subscriptionRefused(C.PLAN_NOT_SUBSCRIBABLE, 'This plan is not a subscription', {
      planId,
      kind: plan.kind,
    });
  if (plan.retired)
    throw subscriptionRefused(C.PLAN_RETIRED, 'This plan is no longer sold', { planId });
}

export function validatePausePeriods(periods: unknown): number {
  if (
    typeof periods !== 'number' ||
    !Number.isInteger(periods) ||
    periods < SUBSCRIPTION_RULES.pauseMinPeriods ||
    periods > SUBSCRIPTION_RULES.pauseMaxPeriods
  )
    throw subscriptionInvalid(C.INVALID_PAUSE, 'periods', {
      min: SUBSCRIPTION_RULES.pauseMinPeriods,
      max: SUBSCRIPTION_RULES.pauseMaxPeriods,
    });
  return periods;
}

export function validateExtension(
  days: unknown,
  reason: unknown,
): { days: number; reason: string } {
  if (
    typeof days !== 'number' ||
    !Number.isInteger(days) ||
    days < SUBSCRIPTION_RULES.extensionMinDays ||
    days > SUBSCRIPTION_RULES.extensionMaxDays
  )
    throw subscriptionInvalid(C.INVALID_EXTENSION, 'days', {
      min: SUBSCRIPTION_RULES.extensionMinDays,
      max: SUBSCRIPTION_RULES.extensionMaxDays,
    });
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (text.length === 0 || text.length > SUBSCRIPTION_RULES.extensionReasonMaxLength)
    throw subscriptionInvalid(C.EXTENSION_REASON_REQUIRED, 'reason', {
      maxLength: SUBSCRIPTION_RULES.extensionReasonMaxLength,
    });
  return { days, reason: text };
}

/** What the renewal job must do for (period, attempt) due at `dueAt`: the one place the job's checks live. */
export type RenewalStep =
  | { kind: 'charge'; period: number; attempt: number }
  | { kind: 'pause'; period: number }
  | { kind: 'obsolete'; code: string; detail: string };

export function renewalStep(
  state: SubscriptionState,
  job: { period: number; attempt: number; dueAt: string },
): RenewalStep {
  const obsolete = (detail: string, code: string = C.RENEWAL_NOT_DUE): RenewalStep => ({
    kind: 'obsolete',
    code,
    detail,
  });
  if (state.status === 'none') return obsolete('no such subscription', C.NOT_FOUND);
  if (state.status === 'cancelled') return obsolete('cancelled', C.CANCELLED);
  if (state.status === 'suspended') return obsolete('suspended');
  if (job.period !== state.current.period + 1) return obsolete(`period ${job.period} settled`);
  if (job.attempt === 1) {
    if (state.status === 'incident') return obsolete('already attempted');
    // The period was extended (or the pause moved the renewal): the job of the new date renews it.
    if (Date.parse(job.dueAt) !== Date.parse(state.renewalDueAt))
      return obsolete(`renewal due at ${state.renewalDueAt}`);
    if (state.status === 'active' && state.pause && !state.pause.started)
      return { kind: 'pause', period: job.period };
    return { kind: 'charge', period: job.period, attempt: 1 };
  }
  if (state.status !== 'incident' || state.incident?.attempts !== job.attempt - 1)
    return obsolete(`attempt ${job.attempt} superseded`);
  return { kind: 'charge', period: job.period, attempt: job.attempt };
}

export const illegal = subscriptionIllegalState;
