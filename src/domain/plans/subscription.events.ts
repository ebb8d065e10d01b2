import { Cents, DomainEvent, EventVersions } from '../shared';
import type { CreditAllowance, PlanPeriod, SubscriptionPlanKind } from './plan.events';

/**
 * A provider's subscription to a `pro` or `credits` plan, in stream `subscription-<subscriptionId>`
 * (docs/plans-subscriptions.md). Periods are numbered from 1; each starts with a charge of the saved payment
 * method (idempotency key derived from the subscription and the period) and, on a `credits` plan,
 * a grant of credits. Tacit renewal at `periodEndsAt`; no refund and no shortening of a started period.
 */
export const SUBSCRIPTION_CATEGORY = 'subscription';
export const subscriptionStream = (subscriptionId: string): string =>
  `${SUBSCRIPTION_CATEGORY}-${subscriptionId}`;

/** The paid terms of one period: the plan version in force when the period started. */
export interface SubscriptionPeriodTerms {
  period: number;
  planVersion: number;
  priceTtcCents: Cents;
  periodStartsAt: string;
  periodEndsAt: string;
  /** Granted at the period's start (zeros on a `pro` plan). */
  credits: CreditAllowance;
  /** The gateway's reference of the period's charge. */
  chargeRef: string;
}

export type SubscriptionStarted = DomainEvent<
  'SubscriptionStarted',
  SubscriptionPeriodTerms & {
    subscriptionId: string;
    accountId: string;
    planId: string;
    planKind: SubscriptionPlanKind;
    planName: string;
    billingPeriod: PlanPeriod;
    /** Opaque reference of the saved payment method at the gateway (never a card number). */
    paymentMethodRef: string;
    startedAt: string;
  }
>;

/** Tacit renewal: the next period, charged at the plan version in force at its start. */
export type SubscriptionRenewed = DomainEvent<
  'SubscriptionRenewed',
  SubscriptionPeriodTerms & {
    subscriptionId: string;
    accountId: string;
    planId: string;
    renewedAt: string;
  }
>;

/** A renewal charge was refused ("incident de paiement"); retried at `nextAttemptAt`, or the subscription is suspended when null. */
export type SubscriptionRenewalFailed = DomainEvent<
  'SubscriptionRenewalFailed',
  {
    subscriptionId: string;
    accountId: string;
    /** The period the charge would have started. */
    period: number;
    attempt: number;
    amountCents: Cents;
    failureCode: string;
    nextAttemptAt: string | null;
    failedAt: string;
  }
>;

/** Every retry failed: benefits stop, credits are frozen, the incident is shown to the provider. */
export type SubscriptionSuspended = DomainEvent<
  'SubscriptionSuspended',
  {
    subscriptionId: string;
    accountId: string;
    period: number;
    reason: 'payment_incident';
    suspendedAt: string;
  }
>;

/** A suspended subscription paid again (a new payment method): a new period starts now, credits unfrozen. */
export type SubscriptionReinstated = DomainEvent<
  'SubscriptionReinstated',
  SubscriptionPeriodTerms & {
    subscriptionId: string;
    accountId: string;
    planId: string;
    reinstatedAt: string;
  }
>;

export type SubscriptionPaymentMethodReplaced = DomainEvent<
  'SubscriptionPaymentMethodReplaced',
  { subscriptionId: string; accountId: string; paymentMethodRef: string; replacedAt: string }
>;

/** "Mettre en suspens": the next `periods` renewals are skipped from the current period's end; nothing is charged meanwhile. */
export type SubscriptionPauseScheduled = DomainEvent<
  'SubscriptionPauseScheduled',
  {
    subscriptionId: string;
    accountId: string;
    periods: number;
    pausedFrom: string;
    resumesAt: string;
    scheduledAt: string;
  }
>;

export type SubscriptionPauseWithdrawn = DomainEvent<
  'SubscriptionPauseWithdrawn',
  { subscriptionId: string; accountId: string; withdrawnAt: string }
>;

/** The period ended during a scheduled pause: no charge; the renewal runs at `resumesAt`. */
export type SubscriptionPaused = DomainEvent<
  'SubscriptionPaused',
  { subscriptionId: string; accountId: string; period: number; pausedAt: string; resumesAt: string }
>;

/** "Prolonger": staff extend the running period (a goodwill gesture), free of charge. */
export type SubscriptionPeriodExtended = DomainEvent<
  'SubscriptionPeriodExtended',
  {
    subscriptionId: string;
    accountId: string;
    period: number;
    days: number;
    periodEndsAt: string;
    reason: string;
    extendedBy: string;
    extendedAt: string;
  }
>;

export const SUBSCRIPTION_CANCELLATION_REASONS = [
  'owner_request',
  'account_closed',
  'staff_decision',
] as const;
export type SubscriptionCancellationReason = (typeof SUBSCRIPTION_CANCELLATION_REASONS)[number];

/**
 * No renewal follows. A `pro` subscription ends at once (seed 000: "la résiliation est immédiate");
 * a `credits` subscription keeps its paid period until `endsAt` (no refund, no shortening);
 * an account closure ends either at once.
 */
export type SubscriptionCancelled = DomainEvent<
  'SubscriptionCancelled',
  {
    subscriptionId: string;
    accountId: string;
    planKind: SubscriptionPlanKind;
    reason: SubscriptionCancellationReason;
    cancelledBy: string;
    /** When the benefits stop: `cancelledAt` or the paid period's end. */
    endsAt: string;
    cancelledAt: string;
  }
>;

export type SubscriptionEvent =
  | SubscriptionStarted
  | SubscriptionRenewed
  | SubscriptionRenewalFailed
  | SubscriptionSuspended
  | SubscriptionReinstated
  | SubscriptionPaymentMethodReplaced
  | SubscriptionPauseScheduled
  | SubscriptionPauseWithdrawn
  | SubscriptionPaused
  | SubscriptionPeriodExtended
  | SubscriptionCancelled;

export const SUBSCRIPTION_EVENT_VERSIONS: EventVersions<SubscriptionEvent['type']> = {
  SubscriptionStarted: 1,
  SubscriptionRenewed: 1,
  SubscriptionRenewalFailed: 1,
  SubscriptionSuspended: 1,
  SubscriptionReinstated: 1,
  SubscriptionPaymentMethodReplaced: 1,
  SubscriptionPauseScheduled: 1,
  SubscriptionPauseWithdrawn: 1,
  SubscriptionPaused: 1,
  SubscriptionPeriodExtended: 1,
  SubscriptionCancelled: 1,
};
