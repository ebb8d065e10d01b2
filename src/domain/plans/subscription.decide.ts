import { assertNever } from '../shared';
import type { CreditAllowance, PlanPeriod } from './plan.events';
import type {
  CancelSubscription,
  ExtendPeriod,
  PeriodCharge,
  RecordRenewalFailure,
  RenewSubscription,
  ReplacePaymentMethod,
  SchedulePause,
  StartPause,
  StartSubscription,
  SubscriptionCommand,
  WithdrawPause,
} from './subscription.commands';
import {
  SubscriptionErrorCode as C,
  subscriptionIllegalState,
  type SubscriptionErrorCode,
} from './subscription.errors';
import type { SubscriptionEvent, SubscriptionPeriodTerms } from './subscription.events';
import {
  assertSubscribable,
  byOwner,
  byProvider,
  byStaff,
  bySystem,
  existing,
  notCancelled,
  renewalStep,
  type RenewalStep,
  validateExtension,
  validatePausePeriods,
} from './subscription.guards';
import {
  addDays,
  type ExistingSubscription,
  periodEnd,
  type SubscriptionState,
} from './subscription.state';

const NO_CREDITS: CreditAllowance = { consultation: 0, offer: 0, direct_contact: 0 };

/** The terms of a period starting at `startsAt`, paid by `charge`. */
function periodTerms(
  period: number,
  startsAt: string,
  billingPeriod: PlanPeriod,
  charge: PeriodCharge,
): SubscriptionPeriodTerms {
  return {
    period,
    planVersion: charge.plan.version,
    priceTtcCents: charge.plan.priceTtcCents,
    periodStartsAt: startsAt,
    periodEndsAt: periodEnd(startsAt, billingPeriod),
    credits: charge.plan.kind === 'credits' ? { ...charge.plan.credits } : { ...NO_CREDITS },
    chargeRef: charge.chargeRef,
  };
}

const notDue = (step: RenewalStep, s: ExistingSubscription) =>
  subscriptionIllegalState(
    (step.kind === 'obsolete' ? step.code : C.RENEWAL_NOT_DUE) as SubscriptionErrorCode,
    s.status,
    step.kind === 'obsolete' ? { detail: step.detail } : {},
  );

function start({ data, meta }: StartSubscription, state: SubscriptionState): SubscriptionEvent[] {
  byProvider(meta);
  if (state.status !== 'none')
    throw subscriptionIllegalState(
      state.status === 'cancelled' ? C.CANCELLED : C.ALREADY_ACTIVE,
      state.status,
      { subscriptionId: state.subscriptionId, planId: state.planId },
    );
  const plan = data.charge.plan;
  assertSubscribable(plan, plan.planId);
  const billingPeriod = plan.period as PlanPeriod;
  return [
    {
      type: 'SubscriptionStarted',
      data: {
        ...periodTerms(1, meta.now, billingPeriod, data.charge),
        subscriptionId: data.subscriptionId,
        accountId: data.accountId,
        planId: plan.planId,
        planKind: plan.kind as 'pro' | 'credits',
        planName: plan.name,
        billingPeriod,
        paymentMethodRef: data.paymentMethodRef,
        startedAt: meta.now,
      },
    },
  ];
}

/** The renewed period starts when the renewal was due (the old end, or the pause's end), not when the job ran. */
function renewed(
  s: ExistingSubscription,
  period: number,
  charge: PeriodCharge,
  now: string,
): SubscriptionEvent {
  return {
    type: 'SubscriptionRenewed',
    data: {
      ...periodTerms(period, s.renewalDueAt, s.billingPeriod, charge),
      subscriptionId: s.subscriptionId,
      accountId: s.accountId,
      planId: s.planId,
      renewedAt: now,
    },
  };
}

function renew({ data, meta }: RenewSubscription, state: SubscriptionState): SubscriptionEvent[] {
  bySystem(meta);
  const s = existing(state, data.subscriptionId);
  // A repeated job (the same period already renewed) records nothing.
  if (s.status !== 'cancelled' && s.current.period >= data.period) return [];
  const step = renewalStep(s, {
    period: data.period,
    attempt: data.attempt,
    dueAt: s.renewalDueAt,
  });
  if (step.kind !== 'charge') throw notDue(step, s);
  return [renewed(s, data.period, data.charge, meta.now)];
}

function recordFailure(
  { data, meta }: RecordRenewalFailure,
  state: SubscriptionState,
): SubscriptionEvent[] {
  bySystem(meta);
  const s = existing(state, data.subscriptionId);
  if (s.status === 'incident' && (s.incident?.attempts ?? 0) >= data.attempt) return [];
  const step = renewalStep(s, {
    period: data.period,
    attempt: data.attempt,
    dueAt: s.renewalDueAt,
  });
  if (step.kind !== 'charge') throw notDue(step, s);
  // Retries are counted from the renewal's due time: "24,72,120" → +24 h, +72 h, +120 h, then suspension.
  const retryAfter = data.retryHours[data.attempt - 1];
  const nextAttemptAt =
    retryAfter === undefined
      ? null
      : new Date(Date.parse(s.renewalDueAt) + retryAfter * 3_600_000).toISOString();
  const failed: SubscriptionEvent = {
    type: 'SubscriptionRenewalFailed',
    data: {
      subscriptionId: s.subscriptionId,
      accountId: s.accountId,
      period: data.period,
      attempt: data.attempt,
      amountCents: data.amountCents,
      failureCode: data.failureCode,
      nextAttemptAt,
      failedAt: meta.now,
    },
  };
  if (nextAttemptAt !== null) return [failed];
  return [
    failed,
    {
      type: 'SubscriptionSuspended',
      data: {
        subscriptionId: s.subscriptionId,
        accountId: s.accountId,
        period: data.period,
        reason: 'payment_incident',
        suspendedAt: meta.now,
      },
    },
  ];
}

function startPause({ data, meta }: StartPause, state: SubscriptionState): SubscriptionEvent[] {
  bySystem(meta);
  const s = existing(state, data.subscriptionId);
  if (s.status === 'paused' && s.current.period + 1 === data.period) return [];
  const step = renewalStep(s, { period: data.period, attempt: 1, dueAt: s.renewalDueAt });
  if (step.kind !== 'pause' || !s.pause) throw notDue(step, s);
  return [
    {
      type: 'SubscriptionPaused',
      data: {
        subscriptionId: s.subscriptionId,
        accountId: s.accountId,
        period: data.period,
        pausedAt: meta.now,
        resumesAt: s.pause.resumesAt,
      },
    },
  ];
}

function replacePaymentMethod(
  { data, meta }: ReplacePaymentMethod,
  state: SubscriptionState,
): SubscriptionEvent[] {
  const s = existing(state, data.subscriptionId);
  byOwner(s, meta);
  notCancelled(s);
  const owes = s.status === 'incident' || s.status === 'suspended';
  if (owes !== (data.charge !== null)) throw subscriptionIllegalState(C.CHARGE_MISMATCH, s.status);
  const replaced: SubscriptionEvent = {
    type: 'SubscriptionPaymentMethodReplaced',
    data: {
      subscriptionId: s.subscriptionId,
      accountId: s.accountId,
      paymentMethodRef: data.paymentMethodRef,
      replacedAt: meta.now,
    },
  };
  if (!data.charge) return [replaced];
  const period = s.current.period + 1;
  if (s.status === 'incident') return [replaced, renewed(s, period, data.charge, meta.now)];
  // Suspended: benefits stopped, so the paid period starts now.
  return [
    replaced,
    {
      type: 'SubscriptionReinstated',
      data: {
        ...periodTerms(period, meta.now, s.billingPeriod, data.charge),
        subscriptionId: s.subscriptionId,
        accountId: s.accountId,
        planId: s.planId,
        reinstatedAt: meta.now,
      },
    },
  ];
}

function inIncident(s: ExistingSubscription): void {
  if (s.status === 'incident' || s.status === 'suspended')
    throw subscriptionIllegalState(C.IN_INCIDENT, s.status, {
      subscriptionId: s.subscriptionId,
    });
}

function schedulePause(
  { data, meta }: SchedulePause,
  state: SubscriptionState,
): SubscriptionEvent[] {
  const s = existing(state, data.subscriptionId);
  byOwner(s, meta);
  notCancelled(s);
  inIncident(s);
  const periods = validatePausePeriods(data.periods);
  if (s.status === 'paused' || s.pause)
    throw subscriptionIllegalState(C.PAUSE_ALREADY_SCHEDULED, s.status, {
      pausedFrom: s.pause?.pausedFrom,
      resumesAt: s.pause?.resumesAt,
    });
  const pausedFrom = s.current.periodEndsAt;
  return [
    {
      type: 'SubscriptionPauseScheduled',
      data: {
        subscriptionId: s.subscriptionId,
        accountId: s.accountId,
        periods,
        pausedFrom,
        resumesAt: periodEnd(pausedFrom, s.billingPeriod, periods),
        scheduledAt: meta.now,
      },
    },
  ];
}

function withdrawPause(
  { data, meta }: WithdrawPause,
  state: SubscriptionState,
): SubscriptionEvent[] {
  const s = existing(state, data.subscriptionId);
  byOwner(s, meta);
  notCancelled(s);
  if (s.status === 'paused')
    throw subscriptionIllegalState(C.PAUSE_STARTED, s.status, { resumesAt: s.renewalDueAt });
  if (!s.pause) throw subscriptionIllegalState(C.NO_PAUSE, s.status);
  return [
    {
      type: 'SubscriptionPauseWithdrawn',
      data: { subscriptionId: s.subscriptionId, accountId: s.accountId, withdrawnAt: meta.now },
    },
  ];
}

function extend({ data, meta }: ExtendPeriod, state: SubscriptionState): SubscriptionEvent[] {
  byStaff(meta);
  const s = existing(state, data.subscriptionId);
  notCancelled(s);
  const { days, reason } = validateExtension(data.days, data.reason);
  if (s.status !== 'active') throw subscriptionIllegalState(C.NOT_EXTENDABLE, s.status);
  return [
    {
      type: 'SubscriptionPeriodExtended',
      data: {
        subscriptionId: s.subscriptionId,
        accountId: s.accountId,
        period: s.current.period,
        days,
        periodEndsAt: addDays(s.current.periodEndsAt, days),
        reason,
        extendedBy: meta.actorId,
        extendedAt: meta.now,
      },
    },
  ];
}

/**
 * No renewal ever follows. Pro ends at once (seed 000); a credits subscription keeps its paid
 * period to its end (no refund, no shortening), unless the account closes.
 */
function cancel({ data, meta }: CancelSubscription, state: SubscriptionState): SubscriptionEvent[] {
  const s = existing(state, data.subscriptionId);
  byOwner(s, meta);
  if (s.status === 'cancelled') {
    if (data.reason === 'account_closed') return [];
    throw subscriptionIllegalState(C.CANCELLED, s.status, {
      endsAt: s.cancellation?.endsAt,
    });
  }
  const periodRuns =
    s.status === 'active' && Date.parse(s.current.periodEndsAt) > Date.parse(meta.now);
  const endsAt =
    s.planKind === 'credits' && data.reason !== 'account_closed' && periodRuns
      ? s.current.periodEndsAt
      : meta.now;
  return [
    {
      type: 'SubscriptionCancelled',
      data: {
        subscriptionId: s.subscriptionId,
        accountId: s.accountId,
        planKind: s.planKind,
        reason: data.reason,
        cancelledBy: meta.actorId,
        endsAt,
        cancelledAt: meta.now,
      },
    },
  ];
}

export function decide(
  command: SubscriptionCommand,
  state: SubscriptionState,
): SubscriptionEvent[] {
  switch (command.type) {
    case 'StartSubscription':
      return start(command, state);
    case 'RenewSubscription':
      return renew(command, state);
    case 'RecordRenewalFailure':
      return recordFailure(command, state);
    case 'StartPause':
      return startPause(command, state);
    case 'ReplacePaymentMethod':
      return replacePaymentMethod(command, state);
    case 'SchedulePause':
      return schedulePause(command, state);
    case 'WithdrawPause':
      return withdrawPause(command, state);
    case 'ExtendPeriod':
      return extend(command, state);
    case 'CancelSubscription':
      return cancel(command, state);
    default:
      return assertNever(command);
  }
}
