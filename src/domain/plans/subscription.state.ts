import type { PlanPeriod, SubscriptionPlanKind } from './plan.events';
import type {
  SubscriptionCancellationReason,
  SubscriptionEvent,
  SubscriptionPeriodTerms,
} from './subscription.events';

export type SubscriptionStatus = 'active' | 'incident' | 'suspended' | 'paused' | 'cancelled';

/** What providers read (French, user-facing). */
export const SUBSCRIPTION_STATUS_LABELS: Readonly<Record<SubscriptionStatus, string>> = {
  active: 'Active',
  incident: 'Incident de paiement',
  suspended: 'Suspendue',
  paused: 'En suspens',
  cancelled: 'Résiliée',
};

export interface SubscriptionPause {
  periods: number;
  pausedFrom: string;
  resumesAt: string;
  scheduledAt: string;
  /** True once the period ended into it (`SubscriptionPaused`). */
  started: boolean;
}

/** A refused renewal and its retries ("incident de paiement"). */
export interface SubscriptionIncident {
  /** The period the charge would start. */
  period: number;
  since: string;
  attempts: number;
  nextAttemptAt: string | null;
  amountCents: number;
  failureCode: string;
}

export interface SubscriptionCancellation {
  reason: SubscriptionCancellationReason;
  cancelledBy: string;
  cancelledAt: string;
  endsAt: string;
}

export interface ExistingSubscription {
  status: SubscriptionStatus;
  subscriptionId: string;
  accountId: string;
  planId: string;
  planKind: SubscriptionPlanKind;
  planName: string;
  billingPeriod: PlanPeriod;
  paymentMethodRef: string;
  startedAt: string;
  /** The last paid period (its end moved by extensions). */
  current: SubscriptionPeriodTerms;
  /** When the next renewal is due: the current period's end, or the pause's end while paused. */
  renewalDueAt: string;
  pause: SubscriptionPause | null;
  incident: SubscriptionIncident | null;
  suspendedAt: string | null;
  cancellation: SubscriptionCancellation | null;
  /** Every period paid so far (renewals and reinstatements included). */
  paidPeriods: number;
}

export type SubscriptionState = { status: 'none' } | ExistingSubscription;

export const initialState = (): SubscriptionState => ({ status: 'none' });

const DAY_MS = 86_400_000;

/** Whole calendar months later in UTC, the day of month clamped (31 January + 1 month = 28/29 February). */
export function addMonths(iso: string, months: number): string {
  const d = new Date(iso);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const out = new Date(d.getTime());
  out.setUTCFullYear(year, month, Math.min(d.getUTCDate(), lastDay));
  return out.toISOString();
}

export const MONTHS_OF: Readonly<Record<PlanPeriod, number>> = { month: 1, quarter: 3, year: 12 };

/** The end of a period starting at `startsAt` (`count` periods later). */
export function periodEnd(startsAt: string, period: PlanPeriod, count = 1): string {
  return addMonths(startsAt, MONTHS_OF[period] * count);
}

export const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(iso) + days * DAY_MS).toISOString();

export const addHours = (iso: string, hours: number): string =>
  new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

const termsOf = (d: SubscriptionPeriodTerms): SubscriptionPeriodTerms => ({
  period: d.period,
  planVersion: d.planVersion,
  priceTtcCents: d.priceTtcCents,
  periodStartsAt: d.periodStartsAt,
  periodEndsAt: d.periodEndsAt,
  credits: d.credits,
  chargeRef: d.chargeRef,
});

/** Total and never throwing: an event that does not fit the status leaves the state as it is. */
export function evolve(state: SubscriptionState, event: SubscriptionEvent): SubscriptionState {
  switch (event.type) {
    case 'SubscriptionStarted': {
      if (state.status !== 'none') return state;
      const d = event.data;
      return {
        status: 'active',
        subscriptionId: d.subscriptionId,
        accountId: d.accountId,
        planId: d.planId,
        planKind: d.planKind,
        planName: d.planName,
        billingPeriod: d.billingPeriod,
        paymentMethodRef: d.paymentMethodRef,
        startedAt: d.startedAt,
        current: termsOf(d),
        renewalDueAt: d.periodEndsAt,
        pause: null,
        incident: null,
        suspendedAt: null,
        cancellation: null,
        paidPeriods: 1,
      };
    }
    case 'SubscriptionRenewed':
    case 'SubscriptionReinstated': {
      if (state.status === 'none' || state.status === 'cancelled') return state;
      const d = event.data;
      if (d.period <= state.current.period) return state;
      return {
        ...state,
        status: 'active',
        current: termsOf(d),
        renewalDueAt: d.periodEndsAt,
        pause: null,
        incident: null,
        suspendedAt: null,
        paidPeriods: state.paidPeriods + 1,
      };
    }
    case 'SubscriptionRenewalFailed': {
      if (state.status !== 'active' && state.status !== 'incident') return state;
      const d = event.data;
      return {
        ...state,
        status: 'incident',
        incident: {
          period: d.period,
          since: state.incident?.since ?? d.failedAt,
          attempts: d.attempt,
          nextAttemptAt: d.nextAttemptAt,
          amountCents: d.amountCents,
          failureCode: d.failureCode,
        },
      };
    }
    case 'SubscriptionSuspended':
      if (state.status !== 'incident') return state;
      return { ...state, status: 'suspended', suspendedAt: event.data.suspendedAt };
    case 'SubscriptionPaymentMethodReplaced':
      if (state.status === 'none') return state;
      return { ...state, paymentMethodRef: event.data.paymentMethodRef };
    case 'SubscriptionPauseScheduled': {
      if (state.status !== 'active') return state;
      const d = event.data;
      return {
        ...state,
        pause: {
          periods: d.periods,
          pausedFrom: d.pausedFrom,
          resumesAt: d.resumesAt,
          scheduledAt: d.scheduledAt,
          started: false,
        },
      };
    }
    case 'SubscriptionPauseWithdrawn':
      if (state.status !== 'active') return state;
      return { ...state, pause: null };
    case 'SubscriptionPaused': {
      if (state.status !== 'active') return state;
      const d = event.data;
      return {
        ...state,
        status: 'paused',
        renewalDueAt: d.resumesAt,
        pause: state.pause
          ? { ...state.pause, resumesAt: d.resumesAt, started: true }
          : {
              periods: 1,
              pausedFrom: state.current.periodEndsAt,
              resumesAt: d.resumesAt,
              scheduledAt: d.pausedAt,
              started: true,
            },
      };
    }
    case 'SubscriptionPeriodExtended': {
      if (state.status !== 'active') return state;
      const d = event.data;
      const days = Date.parse(d.periodEndsAt) - Date.parse(state.current.periodEndsAt);
      // A scheduled pause starts from the period's end, so it moves with it.
      const pause = state.pause
        ? {
            ...state.pause,
            pausedFrom: d.periodEndsAt,
            resumesAt: new Date(Date.parse(state.pause.resumesAt) + days).toISOString(),
          }
        : null;
      return {
        ...state,
        current: { ...state.current, periodEndsAt: d.periodEndsAt },
        renewalDueAt: d.periodEndsAt,
        pause,
      };
    }
    case 'SubscriptionCancelled': {
      if (state.status === 'none' || state.status === 'cancelled') return state;
      const d = event.data;
      return {
        ...state,
        status: 'cancelled',
        cancellation: {
          reason: d.reason,
          cancelledBy: d.cancelledBy,
          cancelledAt: d.cancelledAt,
          endsAt: d.endsAt,
        },
      };
    }
    default:
      event satisfies never;
      return state;
  }
}

/** Benefits hold during a paid period and its payment grace; never while suspended or paused. */
export function benefitsActive(state: SubscriptionState, now: string): boolean {
  switch (state.status) {
    case 'active':
    case 'incident':
      return true;
    case 'cancelled':
      return state.cancellation !== null && Date.parse(state.cancellation.endsAt) > Date.parse(now);
    default:
      return false;
  }
}

/** Still renewing: no new subscription of the same kind may start. */
export const isRunning = (state: SubscriptionState): state is ExistingSubscription =>
  state.status !== 'none' && state.status !== 'cancelled';
