import type { Command } from '../shared';
import type { CreditAllowance, PlanPeriod, PlanSnapshot } from './plan.events';
import type { SubscriptionCancellationReason } from './subscription.events';

/** What a period is charged at: the plan as the catalogue gave it when the charge was made. */
export type SubscriptionPlanTerms = Pick<
  PlanSnapshot,
  'planId' | 'kind' | 'name' | 'version' | 'retired'
> & {
  priceTtcCents: number;
  period: PlanPeriod | null;
  credits: CreditAllowance;
};

/** A charge the application made before the decision (its key derives from the subscription and the period). */
export interface PeriodCharge {
  chargeRef: string;
  /** The plan version charged (snapshot from the catalogue at the charge). */
  plan: SubscriptionPlanTerms;
}

/**
 * Period 1 is charged by the application before this is decided (refused card: nothing is
 * decided). The id is derived from (accountId, plan kind, slot), so two parallel subscriptions
 * to one kind land on one stream: one starts, the other is refused `SUBSCRIPTION_ALREADY_ACTIVE`.
 */
export type StartSubscription = Command<
  'StartSubscription',
  {
    subscriptionId: string;
    accountId: string;
    paymentMethodRef: string;
    charge: PeriodCharge;
  }
>;

/** The renewal job charged the next period (job `subscription.renew`). */
export type RenewSubscription = Command<
  'RenewSubscription',
  { subscriptionId: string; period: number; attempt: number; charge: PeriodCharge }
>;

/** The renewal job's charge was refused; `retryHours` is PLAN_RENEWAL_RETRY_HOURS (after the renewal's due time). */
export type RecordRenewalFailure = Command<
  'RecordRenewalFailure',
  {
    subscriptionId: string;
    period: number;
    attempt: number;
    amountCents: number;
    failureCode: string;
    retryHours: readonly number[];
  }
>;

/** The renewal job at a period end with a scheduled pause: no charge. */
export type StartPause = Command<'StartPause', { subscriptionId: string; period: number }>;

/**
 * A new card. While in incident or suspended the application charged the owed period with it
 * first (`charge`); otherwise `charge` is null and the card only replaces the old one.
 */
export type ReplacePaymentMethod = Command<
  'ReplacePaymentMethod',
  { subscriptionId: string; paymentMethodRef: string; charge: PeriodCharge | null }
>;

export type SchedulePause = Command<'SchedulePause', { subscriptionId: string; periods: number }>;
export type WithdrawPause = Command<'WithdrawPause', { subscriptionId: string }>;

export type ExtendPeriod = Command<
  'ExtendPeriod',
  { subscriptionId: string; days: number; reason: string }
>;

export type CancelSubscription = Command<
  'CancelSubscription',
  { subscriptionId: string; reason: SubscriptionCancellationReason }
>;

export type SubscriptionCommand =
  | StartSubscription
  | RenewSubscription
  | RecordRenewalFailure
  | StartPause
  | ReplacePaymentMethod
  | SchedulePause
  | WithdrawPause
  | ExtendPeriod
  | CancelSubscription;
