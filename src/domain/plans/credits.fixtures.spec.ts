// Given/when builders for the credit-ledger specs; the `.spec.ts` suffix keeps them out of the build.
import { DeciderSpecification } from '../../../test/support/decider-spec';
import type { ActorRole, CommandMeta } from '../shared';
import type { CreditsCommand } from './credits.commands';
import type { CreditRefundReason, CreditsEvent, CreditSubject } from './credits.events';
import { creditsDecider } from './index';
import type { CreditAllowance, CreditKind } from './plan.events';

export const now = '2026-05-01T09:00:00.000Z';
export const accountId = 'provider-1';
export const adminId = 'admin-1';
export const subscriptionId = 'sub-1';
export const spec = DeciderSpecification.for(creditsDecider);

export const meta = (actorRole: ActorRole = 'system', actorId = 'system'): CommandMeta => ({
  now,
  actorId,
  actorRole,
});
export const asSystem = meta();
export const asAdmin = meta('admin', adminId);
export const asProvider = meta('provider', accountId);

export const credits = (c: Partial<CreditAllowance> = {}): CreditAllowance => ({
  consultation: 0,
  offer: 0,
  direct_contact: 0,
  ...c,
});
export const project = (id = 'project-1'): CreditSubject => ({ type: 'project', id });

export const granted = (
  c: Partial<CreditAllowance>,
  grantId = 'grant-1',
  at = '2026-04-01T00:00:00.000Z',
): CreditsEvent => ({
  type: 'CreditsGranted',
  data: {
    accountId,
    grantId,
    credits: credits(c),
    source: 'subscription',
    subscriptionId,
    period: 1,
    reason: null,
    grantedBy: 'system',
    grantedAt: at,
  },
});
export const spent = (
  kind: CreditKind = 'offer',
  spendId = 'spend-1',
  subject = project(),
): CreditsEvent => ({
  type: 'CreditSpent',
  data: { accountId, spendId, kind, amount: 1, subject, spentAt: '2026-04-02T00:00:00.000Z' },
});
export const refunded = (
  kind: CreditKind = 'offer',
  spendId = 'spend-1',
  subject = project(),
  reason: CreditRefundReason = 'spent_twice',
): CreditsEvent => ({
  type: 'CreditRefunded',
  data: {
    accountId,
    spendId,
    kind,
    amount: 1,
    subject,
    reason,
    note: null,
    refundedBy: adminId,
    refundedAt: '2026-04-03T00:00:00.000Z',
  },
});
export const frozen = (sub = subscriptionId): CreditsEvent => ({
  type: 'CreditsFrozen',
  data: {
    accountId,
    subscriptionId: sub,
    reason: 'payment_incident',
    frozenAt: '2026-04-04T00:00:00.000Z',
  },
});
export const unfrozen = (sub = subscriptionId): CreditsEvent => ({
  type: 'CreditsUnfrozen',
  data: { accountId, subscriptionId: sub, unfrozenAt: '2026-04-05T00:00:00.000Z' },
});
export const forfeited = (c: Partial<CreditAllowance>): CreditsEvent => ({
  type: 'CreditsForfeited',
  data: {
    accountId,
    credits: credits(c),
    reason: 'account_closed',
    forfeitedAt: '2026-04-06T00:00:00.000Z',
  },
});

export const grant = (
  c: Partial<CreditAllowance>,
  grantId = 'grant-2',
  by: CommandMeta = asSystem,
): CreditsCommand => ({
  type: 'GrantCredits',
  data: {
    accountId,
    grantId,
    credits: credits(c),
    source: 'subscription',
    subscriptionId,
    period: 2,
    reason: null,
  },
  meta: by,
});
export const bonus = (
  c: Partial<CreditAllowance>,
  reason: string | null = 'Article promouvant la plateforme',
  grantId = 'bonus-1',
  by: CommandMeta = asAdmin,
): CreditsCommand => ({
  type: 'GrantCredits',
  data: {
    accountId,
    grantId,
    credits: c as CreditAllowance,
    source: 'bonus',
    subscriptionId: null,
    period: null,
    reason,
  },
  meta: by,
});
export const spend = (
  kind: CreditKind = 'offer',
  spendId = 'spend-2',
  subject = project('project-2'),
  by: CommandMeta = asProvider,
): CreditsCommand => ({
  type: 'SpendCredit',
  data: { accountId, spendId, kind, subject },
  meta: by,
});
export const refund = (
  spendId = 'spend-1',
  reason: CreditRefundReason = 'project_no_longer_current',
  note: string | null = null,
  by: CommandMeta = asAdmin,
): CreditsCommand => ({
  type: 'RefundCredit',
  data: { accountId, spendId, reason, note },
  meta: by,
});
export const freeze = (sub = subscriptionId, by: CommandMeta = asSystem): CreditsCommand => ({
  type: 'FreezeCredits',
  data: { accountId, subscriptionId: sub },
  meta: by,
});
export const unfreeze = (sub = subscriptionId, by: CommandMeta = asSystem): CreditsCommand => ({
  type: 'UnfreezeCredits',
  data: { accountId, subscriptionId: sub },
  meta: by,
});
export const forfeit = (by: CommandMeta = asSystem): CreditsCommand => ({
  type: 'ForfeitCredits',
  data: { accountId },
  meta: by,
});
