import { RecordedEvent } from '../../application/shared/event-store.port';
import type {
  HourPackPurchased,
  HourPackRefunded,
  PlanDefined,
  PlanRevised,
  SubscriptionCancelled,
  SubscriptionPaused,
  SubscriptionPauseScheduled,
  SubscriptionPauseWithdrawn,
  SubscriptionPeriodExtended,
  SubscriptionReinstated,
  SubscriptionRenewalFailed,
  SubscriptionRenewed,
  SubscriptionStarted,
  SubscriptionSuspended,
} from '../../domain/plans';
import { amountsFromTtc, parisDate, refundAmounts } from '../invoices/invoice-numbering';
import { isNewer } from '../runner/row-buffer';
import {
  FinanceChargeRow,
  FinancePackRow,
  FinancePlanRow,
  FinanceSubscriptionRow,
} from './plan-finance.tables';

/** The pure part of the finance read model: each function returns the new row, or null when the event changes nothing. */

export const FINANCE_SUBSCRIPTION_TYPES = new Set([
  'SubscriptionStarted',
  'SubscriptionRenewed',
  'SubscriptionRenewalFailed',
  'SubscriptionSuspended',
  'SubscriptionReinstated',
  'SubscriptionPauseScheduled',
  'SubscriptionPauseWithdrawn',
  'SubscriptionPaused',
  'SubscriptionPeriodExtended',
  'SubscriptionCancelled',
]);
export const FINANCE_PACK_TYPES = new Set(['HourPackPurchased', 'HourPackRefunded']);
export const FINANCE_PLAN_TYPES = new Set(['PlanDefined', 'PlanRevised']);

const noIncident = {
  incident_period: null,
  incident_attempts: 0,
  incident_amount_cents: 0,
  incident_since: null,
  next_attempt_at: null,
  failure_code: null,
  suspended_at: null,
} as const;

/** A new period was paid (renewal, reinstatement): it runs, any incident or pause is over. */
function periodPaid(
  row: FinanceSubscriptionRow,
  d: SubscriptionRenewed['data'] | SubscriptionReinstated['data'],
  at: string,
): FinanceSubscriptionRow {
  return {
    ...row,
    ...noIncident,
    status: row.status === 'cancelled' ? 'cancelled' : 'active',
    period: d.period,
    price_ttc_cents: d.priceTtcCents,
    period_ends_at: d.periodEndsAt,
    pause_from: null,
    resumes_at: null,
    updated_at: at,
  };
}

export function evolveFinanceSubscription(
  row: FinanceSubscriptionRow | undefined,
  event: RecordedEvent,
): FinanceSubscriptionRow | null {
  if (event.type === 'SubscriptionStarted') {
    if (row) return null;
    const d = event.data as SubscriptionStarted['data'];
    return {
      subscription_id: d.subscriptionId,
      rev: Number(event.revision),
      account_id: d.accountId,
      plan_id: d.planId,
      plan_name: d.planName,
      plan_kind: d.planKind,
      billing_period: d.billingPeriod,
      status: 'active',
      period: d.period,
      price_ttc_cents: d.priceTtcCents,
      period_ends_at: d.periodEndsAt,
      pause_from: null,
      resumes_at: null,
      cancelled_at: null,
      ends_at: null,
      ...noIncident,
      updated_at: d.startedAt,
    };
  }
  if (!row || !isNewer(event.revision, row.rev)) return null;
  const r: FinanceSubscriptionRow = { ...row, rev: Number(event.revision) };
  switch (event.type) {
    case 'SubscriptionRenewed': {
      const d = event.data as SubscriptionRenewed['data'];
      return periodPaid(r, d, d.renewedAt);
    }
    case 'SubscriptionReinstated': {
      const d = event.data as SubscriptionReinstated['data'];
      return periodPaid(r, d, d.reinstatedAt);
    }
    case 'SubscriptionRenewalFailed': {
      const d = event.data as SubscriptionRenewalFailed['data'];
      if (r.status === 'cancelled') return r;
      return {
        ...r,
        status: r.status === 'suspended' ? 'suspended' : 'incident',
        incident_period: d.period,
        incident_attempts: d.attempt,
        incident_amount_cents: d.amountCents,
        incident_since: r.incident_since ?? d.failedAt,
        next_attempt_at: d.nextAttemptAt,
        failure_code: d.failureCode,
        updated_at: d.failedAt,
      };
    }
    case 'SubscriptionSuspended': {
      const d = event.data as SubscriptionSuspended['data'];
      if (r.status === 'cancelled') return r;
      return {
        ...r,
        status: 'suspended',
        incident_period: r.incident_period ?? d.period,
        incident_since: r.incident_since ?? d.suspendedAt,
        next_attempt_at: null,
        suspended_at: d.suspendedAt,
        updated_at: d.suspendedAt,
      };
    }
    case 'SubscriptionPauseScheduled': {
      const d = event.data as SubscriptionPauseScheduled['data'];
      return {
        ...r,
        pause_from: d.pausedFrom,
        resumes_at: d.resumesAt,
        updated_at: d.scheduledAt,
      };
    }
    case 'SubscriptionPauseWithdrawn': {
      const d = event.data as SubscriptionPauseWithdrawn['data'];
      if (r.status === 'paused') return r;
      return { ...r, pause_from: null, resumes_at: null, updated_at: d.withdrawnAt };
    }
    case 'SubscriptionPaused': {
      const d = event.data as SubscriptionPaused['data'];
      if (r.status === 'cancelled') return r;
      return { ...r, status: 'paused', resumes_at: d.resumesAt, updated_at: d.pausedAt };
    }
    case 'SubscriptionPeriodExtended': {
      const d = event.data as SubscriptionPeriodExtended['data'];
      return { ...r, period_ends_at: d.periodEndsAt, updated_at: d.extendedAt };
    }
    case 'SubscriptionCancelled': {
      const d = event.data as SubscriptionCancelled['data'];
      return {
        ...r,
        ...noIncident,
        status: 'cancelled',
        cancelled_at: d.cancelledAt,
        ends_at: d.endsAt,
        next_attempt_at: null,
        updated_at: d.cancelledAt,
      };
    }
    default:
      return r;
  }
}

/** The charge a subscription event is (start, renewal, reinstatement), for the revenue per month. */
export function subscriptionCharge(
  row: FinanceSubscriptionRow,
  event: RecordedEvent,
): FinanceChargeRow | null {
  const d = event.data as Partial<
    SubscriptionStarted['data'] & SubscriptionRenewed['data'] & SubscriptionReinstated['data']
  >;
  const at =
    event.type === 'SubscriptionStarted'
      ? d.startedAt
      : event.type === 'SubscriptionRenewed'
        ? d.renewedAt
        : event.type === 'SubscriptionReinstated'
          ? d.reinstatedAt
          : undefined;
  const ttc = d.priceTtcCents;
  if (!at || typeof ttc !== 'number' || !Number.isSafeInteger(ttc) || ttc <= 0) return null;
  const { totalHtCents, vatCents } = amountsFromTtc(ttc);
  return {
    charge_id: event.id,
    kind: 'subscription',
    plan_kind: row.plan_kind,
    plan_id: row.plan_id,
    sale_id: row.subscription_id,
    account_id: row.account_id,
    ttc_cents: ttc,
    ht_cents: totalHtCents,
    vat_cents: vatCents,
    charged_at: at,
    paris_month: parisDate(at).slice(0, 7),
  };
}

/** An hour pack's sale or refund: the pack's new row and the charge (a refund's amounts are pro rata of the pack's VAT, as its credit note). */
export function evolveFinancePack(
  pack: FinancePackRow | undefined,
  event: RecordedEvent,
): { pack: FinancePackRow | null; charge: FinanceChargeRow | null } {
  if (event.type === 'HourPackPurchased') {
    if (pack) return { pack: null, charge: null };
    const d = event.data as HourPackPurchased['data'];
    const ttc = Number.isSafeInteger(d.priceTtcCents) && d.priceTtcCents > 0 ? d.priceTtcCents : 0;
    const { totalHtCents, vatCents } = amountsFromTtc(ttc);
    return {
      pack: {
        pack_id: d.packId,
        rev: Number(event.revision),
        plan_id: d.planId,
        account_id: d.clientId,
        ttc_cents: ttc,
        vat_cents: vatCents,
        refunded_ttc_cents: 0,
      },
      charge:
        ttc > 0
          ? {
              charge_id: event.id,
              kind: 'hour_pack',
              plan_kind: 'hour_pack',
              plan_id: d.planId,
              sale_id: d.packId,
              account_id: d.clientId,
              ttc_cents: ttc,
              ht_cents: totalHtCents,
              vat_cents: vatCents,
              charged_at: d.purchasedAt,
              paris_month: parisDate(d.purchasedAt).slice(0, 7),
            }
          : null,
    };
  }
  if (event.type === 'HourPackRefunded') {
    if (!pack || !isNewer(event.revision, pack.rev)) return { pack: null, charge: null };
    const d = event.data as HourPackRefunded['data'];
    const rev = Number(event.revision);
    const refund = d.refundCents;
    if (!Number.isSafeInteger(refund) || refund <= 0)
      return { pack: { ...pack, rev }, charge: null };
    const amounts = refundAmounts(
      {
        ttcCents: pack.ttc_cents,
        vatCents: pack.vat_cents,
        refundedTtcCents: pack.refunded_ttc_cents,
      },
      refund,
    );
    return {
      pack: { ...pack, rev, refunded_ttc_cents: pack.refunded_ttc_cents + refund },
      charge: {
        charge_id: event.id,
        kind: 'hour_pack_refund',
        plan_kind: 'hour_pack',
        plan_id: pack.plan_id,
        sale_id: pack.pack_id,
        account_id: pack.account_id,
        ttc_cents: refund,
        ht_cents: amounts.totalHtCents,
        vat_cents: amounts.vatCents,
        charged_at: d.refundedAt,
        paris_month: parisDate(d.refundedAt).slice(0, 7),
      },
    };
  }
  return { pack: null, charge: null };
}

/** A plan's latest version: what a renewal due will be charged. */
export function evolveFinancePlan(
  plan: FinancePlanRow | undefined,
  event: RecordedEvent,
): FinancePlanRow | null {
  if (plan && !isNewer(event.revision, plan.rev)) return null;
  const rev = Number(event.revision);
  if (event.type === 'PlanDefined') {
    if (plan) return null;
    const d = event.data as PlanDefined['data'];
    return {
      plan_id: d.planId,
      rev,
      kind: d.kind,
      name: d.name,
      version: 1,
      price_ttc_cents: d.terms.priceTtcCents,
    };
  }
  if (event.type === 'PlanRevised') {
    if (!plan) return null;
    const d = event.data as PlanRevised['data'];
    return {
      ...plan,
      rev,
      name: d.name,
      version: d.version,
      price_ttc_cents: d.terms.priceTtcCents,
    };
  }
  return null;
}
