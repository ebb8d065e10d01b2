import type { Command } from '../shared';
import type { CreditRefundReason, CreditSubject } from './credits.events';
import type { CreditAllowance, CreditKind } from './plan.events';

/**
 * A period's allowance (`source: 'subscription'`, sent by the credits reactor as `system`) or
 * bonus credits granted by staff with a reason (`source: 'bonus'`, `admin`). `grantId` is derived
 * from the causing event or the staff request, so a replay grants nothing twice.
 */
export type GrantCredits = Command<
  'GrantCredits',
  {
    accountId: string;
    grantId: string;
    credits: CreditAllowance;
    source: 'subscription' | 'bonus';
    subscriptionId: string | null;
    period: number | null;
    reason: string | null;
  }
>;

/**
 * One credit of `kind` on `subject`. `spendId` is derived by the application from the account, the
 * kind, the subject and how many earlier spends of the same (all refunded) there were.
 */
export type SpendCredit = Command<
  'SpendCredit',
  { accountId: string; spendId: string; kind: CreditKind; subject: CreditSubject }
>;

/** Staff give one spend back, once. */
export type RefundCredit = Command<
  'RefundCredit',
  { accountId: string; spendId: string; reason: CreditRefundReason; note: string | null }
>;

/** A subscription's payment incident: nothing can be spent until it is settled. */
export type FreezeCredits = Command<'FreezeCredits', { accountId: string; subscriptionId: string }>;

/** The incident is settled (reinstatement or a renewal that went through). */
export type UnfreezeCredits = Command<
  'UnfreezeCredits',
  { accountId: string; subscriptionId: string }
>;

/** The account was closed: what is left is forfeited and the ledger takes nothing more. */
export type ForfeitCredits = Command<'ForfeitCredits', { accountId: string }>;

export type CreditsCommand =
  GrantCredits | SpendCredit | RefundCredit | FreezeCredits | UnfreezeCredits | ForfeitCredits;
