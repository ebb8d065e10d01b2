import { Pool } from 'pg';
import { amountsFromTtc } from '../invoices/invoice-numbering';
import { int, iso } from '../shared/query-helpers';

export interface RevenueFigures {
  count: number;
  totalHtCents: number;
  vatCents: number;
  totalTtcCents: number;
}

export interface MonthRevenue {
  /** `YYYY-MM`, in Paris. */
  month: string;
  /** Subscription charges (first periods, renewals, reinstatements), all plan kinds. */
  subscriptions: RevenueFigures & { byPlanKind: { pro: RevenueFigures; credits: RevenueFigures } };
  hourPacks: RevenueFigures;
  /** Hour-pack refunds (subscriptions are never refunded). */
  refunds: RevenueFigures;
  /** Subscriptions + packs − refunds. */
  netHtCents: number;
  netTtcCents: number;
}

const zero = (): RevenueFigures => ({ count: 0, totalHtCents: 0, vatCents: 0, totalTtcCents: 0 });

function add(
  into: RevenueFigures,
  r: { n: unknown; ht: unknown; vat: unknown; ttc: unknown },
): void {
  into.count += int(r.n);
  into.totalHtCents += int(r.ht);
  into.vatCents += int(r.vat);
  into.totalTtcCents += int(r.ttc);
}

/** `2026-11` -> `2026-12`; months are compared as text. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The months from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length < 1200; m = nextMonth(m)) out.push(m);
  return out;
}

function emptyMonth(month: string): MonthRevenue {
  return {
    month,
    subscriptions: { ...zero(), byPlanKind: { pro: zero(), credits: zero() } },
    hourPacks: zero(),
    refunds: zero(),
    netHtCents: 0,
    netTtcCents: 0,
  };
}

function sumMonths(months: MonthRevenue[]): Omit<MonthRevenue, 'month'> {
  const total = emptyMonth('');
  const plus = (a: RevenueFigures, b: RevenueFigures) => {
    a.count += b.count;
    a.totalHtCents += b.totalHtCents;
    a.vatCents += b.vatCents;
    a.totalTtcCents += b.totalTtcCents;
  };
  for (const m of months) {
    plus(total.subscriptions, m.subscriptions);
    plus(total.subscriptions.byPlanKind.pro, m.subscriptions.byPlanKind.pro);
    plus(total.subscriptions.byPlanKind.credits, m.subscriptions.byPlanKind.credits);
    plus(total.hourPacks, m.hourPacks);
    plus(total.refunds, m.refunds);
    total.netHtCents += m.netHtCents;
    total.netTtcCents += m.netTtcCents;
  }
  const { month: _month, ...rest } = total;
  return rest;
}

/** Recurring revenue per Paris month, every month of the range listed (zeros included). */
export async function planRevenue(pool: Pool, from: string, to: string) {
  const { rows } = await pool.query(
    `SELECT paris_month, kind, plan_kind, count(*) AS n, sum(ht_cents) AS ht, sum(vat_cents) AS vat, sum(ttc_cents) AS ttc
       FROM plan_finance_charges WHERE paris_month BETWEEN $1 AND $2
      GROUP BY paris_month, kind, plan_kind`,
    [from, to],
  );
  const months = new Map(monthsBetween(from, to).map((m) => [m, emptyMonth(m)]));
  for (const r of rows) {
    const m = months.get(r.paris_month);
    if (!m) continue;
    if (r.kind === 'subscription') {
      add(m.subscriptions, r);
      if (r.plan_kind === 'pro' || r.plan_kind === 'credits')
        add(m.subscriptions.byPlanKind[r.plan_kind as 'pro' | 'credits'], r);
    } else if (r.kind === 'hour_pack') add(m.hourPacks, r);
    else if (r.kind === 'hour_pack_refund') add(m.refunds, r);
  }
  const list = [...months.values()];
  for (const m of list) {
    m.netHtCents = m.subscriptions.totalHtCents + m.hourPacks.totalHtCents - m.refunds.totalHtCents;
    m.netTtcCents =
      m.subscriptions.totalTtcCents + m.hourPacks.totalTtcCents - m.refunds.totalTtcCents;
  }
  return { from, to, months: list, totals: sumMonths(list) };
}

/**
 * Running subscriptions whose period ends before `until` and that will renew then: not
 * cancelled, not paused nor with a pause scheduled, not in payment incident. A period end already
 * past whose renewal has not run yet is listed too (`overdue`). The amount is the plan's current
 * price (a revision applies from the next period), else the last period's.
 */
export async function renewalsDue(
  pool: Pool,
  now: Date,
  until: Date,
  page: { limit: number; offset: number },
) {
  const where = `s.status = 'active' AND s.cancelled_at IS NULL AND s.pause_from IS NULL AND s.period_ends_at <= $1`;
  const { rows } = await pool.query(
    `SELECT s.*, coalesce(p.price_ttc_cents, s.price_ttc_cents) AS amount, p.version AS plan_version
       FROM plan_finance_subscriptions s LEFT JOIN plan_finance_plans p ON p.plan_id = s.plan_id
      WHERE ${where} ORDER BY s.period_ends_at, s.subscription_id LIMIT $2 OFFSET $3`,
    [until, page.limit, page.offset],
  );
  const totals = await pool.query(
    `SELECT count(*) AS n, coalesce(sum(coalesce(p.price_ttc_cents, s.price_ttc_cents)), 0) AS ttc
       FROM plan_finance_subscriptions s LEFT JOIN plan_finance_plans p ON p.plan_id = s.plan_id
      WHERE ${where}`,
    [until],
  );
  return {
    now: now.toISOString(),
    until: until.toISOString(),
    count: int(totals.rows[0].n),
    amountTtcCents: int(totals.rows[0].ttc),
    items: rows.map((r) => {
      const amount = amountsFromTtc(int(r.amount));
      const endsAt = iso(r.period_ends_at)!;
      return {
        subscriptionId: r.subscription_id as string,
        accountId: r.account_id as string,
        planId: r.plan_id as string,
        planName: r.plan_name as string,
        planKind: r.plan_kind as string,
        billingPeriod: r.billing_period as string,
        currentPeriod: int(r.period),
        periodEndsAt: endsAt,
        overdue: new Date(endsAt).getTime() <= now.getTime(),
        amountTtcCents: amount.totalTtcCents,
        amountHtCents: amount.totalHtCents,
        vatCents: amount.vatCents,
      };
    }),
  };
}

/** Subscriptions in payment incident (retries scheduled) or suspended (every retry failed), oldest incident first. */
export async function paymentIncidents(pool: Pool, page: { limit: number; offset: number }) {
  const where = `status IN ('incident', 'suspended')`;
  const { rows } = await pool.query(
    `SELECT * FROM plan_finance_subscriptions WHERE ${where}
      ORDER BY incident_since NULLS LAST, subscription_id LIMIT $1 OFFSET $2`,
    [page.limit, page.offset],
  );
  const totals = await pool.query(
    `SELECT count(*) AS n, count(*) FILTER (WHERE status = 'suspended') AS suspended,
            coalesce(sum(incident_amount_cents), 0) AS owed
       FROM plan_finance_subscriptions WHERE ${where}`,
  );
  return {
    count: int(totals.rows[0].n),
    suspended: int(totals.rows[0].suspended),
    amountOwedCents: int(totals.rows[0].owed),
    items: rows.map((r) => ({
      subscriptionId: r.subscription_id as string,
      accountId: r.account_id as string,
      planId: r.plan_id as string,
      planName: r.plan_name as string,
      planKind: r.plan_kind as string,
      status: r.status as 'incident' | 'suspended',
      period: r.incident_period === null ? null : int(r.incident_period),
      attempts: int(r.incident_attempts),
      amountOwedCents: int(r.incident_amount_cents),
      since: iso(r.incident_since),
      lastFailureCode: (r.failure_code as string | null) ?? null,
      nextAttemptAt: iso(r.next_attempt_at),
      suspendedAt: iso(r.suspended_at),
    })),
  };
}
