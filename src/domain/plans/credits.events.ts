import { DomainEvent, EventVersions } from '../shared';
import type { CreditAllowance, CreditKind } from './plan.events';

/**
 * A provider's credit ledger, one stream per account `credits-<accountId>` (docs/plans-credits.md).
 * The balance of a kind is grants − spends + refunds − forfeits; never negative. A spend is
 * once per account, kind and subject: its id is derived from them, so a retried or doubled
 * request spends nothing twice. Unspent credits carry over from period to period.
 */
export const CREDITS_CATEGORY = 'credits';
export const creditsStream = (accountId: string): string => `${CREDITS_CATEGORY}-${accountId}`;

/** What a credit is spent on (tenders: a project). */
export interface CreditSubject {
  type: 'project';
  id: string;
}

export type CreditsGranted = DomainEvent<
  'CreditsGranted',
  {
    accountId: string;
    /** Derived from the causing event (a period's start) or the staff request. */
    grantId: string;
    credits: CreditAllowance;
    source: 'subscription' | 'bonus';
    subscriptionId: string | null;
    period: number | null;
    /** Bonus credits only: why staff granted them (e.g. "Article promouvant la plateforme"). */
    reason: string | null;
    grantedBy: string;
    grantedAt: string;
  }
>;

export type CreditSpent = DomainEvent<
  'CreditSpent',
  {
    accountId: string;
    spendId: string;
    kind: CreditKind;
    amount: 1;
    subject: CreditSubject;
    spentAt: string;
  }
>;

export const CREDIT_REFUND_REASONS = ['project_no_longer_current', 'spent_twice', 'other'] as const;
export type CreditRefundReason = (typeof CREDIT_REFUND_REASONS)[number];

/** A spend given back by staff, once per spend. */
export type CreditRefunded = DomainEvent<
  'CreditRefunded',
  {
    accountId: string;
    spendId: string;
    kind: CreditKind;
    amount: 1;
    subject: CreditSubject;
    reason: CreditRefundReason;
    note: string | null;
    refundedBy: string;
    refundedAt: string;
  }
>;

/** A subscription's payment incident: nothing can be spent until it is paid (the balance is kept). */
export type CreditsFrozen = DomainEvent<
  'CreditsFrozen',
  { accountId: string; subscriptionId: string; reason: 'payment_incident'; frozenAt: string }
>;

export type CreditsUnfrozen = DomainEvent<
  'CreditsUnfrozen',
  { accountId: string; subscriptionId: string; unfrozenAt: string }
>;

/** The account was closed: what was left is gone with it. */
export type CreditsForfeited = DomainEvent<
  'CreditsForfeited',
  { accountId: string; credits: CreditAllowance; reason: 'account_closed'; forfeitedAt: string }
>;

export type CreditsEvent =
  | CreditsGranted
  | CreditSpent
  | CreditRefunded
  | CreditsFrozen
  | CreditsUnfrozen
  | CreditsForfeited;

export const CREDITS_EVENT_VERSIONS: EventVersions<CreditsEvent['type']> = {
  CreditsGranted: 1,
  CreditSpent: 1,
  CreditRefunded: 1,
  CreditsFrozen: 1,
  CreditsUnfrozen: 1,
  CreditsForfeited: 1,
};
