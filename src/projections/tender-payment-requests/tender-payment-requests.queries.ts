import { Pool } from 'pg';
import {
  INVOICE_GUIDANCE,
  PAYMENT_REQUEST_STATUS_LABELS,
  type PaymentRequestStatus,
} from '../../domain/tenders';
import { int, iso } from '../shared/query-helpers';

export const PAYMENT_REQUEST_STATUSES = [
  'submitted',
  'refused',
  'approved',
  'paid',
  'payout_failed',
] as const satisfies readonly PaymentRequestStatus[];

export type DashboardStatus = PaymentRequestStatus | 'awaiting_invoice';
export const DASHBOARD_STATUSES: readonly DashboardStatus[] = [
  'awaiting_invoice',
  ...PAYMENT_REQUEST_STATUSES,
];

const label = (status: DashboardStatus) => PAYMENT_REQUEST_STATUS_LABELS[status];

const zeroTotals = (): Record<DashboardStatus, number> =>
  Object.fromEntries(DASHBOARD_STATUSES.map((s) => [s, 0])) as Record<DashboardStatus, number>;

function requestPart(r: Record<string, unknown>) {
  return {
    requestId: r.request_id as string,
    invoiceNumber: r.invoice_number as string,
    invoiceFileId: r.invoice_file_id as string,
    submittedAt: iso(r.submitted_at) as string,
    submissions: int(r.submissions),
    refusalReason: (r.refusal_reason as string | null) ?? null,
    refusedAt: iso(r.refused_at),
    approvedAt: iso(r.approved_at),
    payoutId: (r.payout_id as string | null) ?? null,
    paidAt: iso(r.paid_at),
    failureCode: (r.failure_code as string | null) ?? null,
  };
}

/**
 * The provider's "demandes de paiement": every release of their projects' internal accounts, most
 * recent first, with the invoice sent for it (or none yet) and its state; totals in cents by state.
 */
export async function providerPaymentRequests(pool: Pool, providerId: string) {
  const { rows } = await pool.query(
    `SELECT r.escrow_id, r.release_id, r.project_id, r.project_title, r.amount_cents, r.reason,
            r.released_at, q.request_id, q.status, q.invoice_number, q.invoice_file_id,
            q.submitted_at, q.submissions, q.refusal_reason, q.refused_at, q.approved_at,
            q.payout_id, q.paid_at, q.failure_code
     FROM rm_tender_payment_releases r
     LEFT JOIN rm_tender_payment_requests q
       ON q.escrow_id = r.escrow_id AND q.release_id = r.release_id
     WHERE r.provider_id = $1
     ORDER BY r.released_at DESC, r.release_id`,
    [providerId],
  );
  const totals = zeroTotals();
  const items = rows.map((r) => {
    const status = ((r.status as PaymentRequestStatus | null) ??
      'awaiting_invoice') as DashboardStatus;
    const amountCents = int(r.amount_cents);
    totals[status] += amountCents;
    return {
      releaseId: r.release_id as string,
      escrowId: r.escrow_id as string,
      projectId: r.project_id as string,
      projectTitle: (r.project_title as string | null) ?? null,
      amountCents,
      releaseReason: r.reason as string,
      releasedAt: iso(r.released_at) as string,
      status,
      statusLabel: label(status),
      request: r.request_id ? requestPart(r) : null,
    };
  });
  return { providerId, invoiceGuidance: [...INVOICE_GUIDANCE], items, totalsCents: totals };
}

export interface FinanceFilter {
  status?: PaymentRequestStatus;
  limit: number;
  offset: number;
}

/** Finance's list: requests oldest first (the queue to check), counts and amounts by state. */
export async function financePaymentRequests(pool: Pool, filter: FinanceFilter) {
  const params: unknown[] = [];
  let clause = '';
  if (filter.status) {
    params.push(filter.status);
    clause = `WHERE q.status = $1`;
  }
  const { rows: sums } = await pool.query<{
    status: PaymentRequestStatus;
    n: string;
    cents: string;
  }>(
    `SELECT status, count(*) AS n, coalesce(sum(amount_cents), 0) AS cents
     FROM rm_tender_payment_requests GROUP BY status`,
  );
  params.push(filter.limit, filter.offset);
  const { rows } = await pool.query(
    `SELECT q.*, r.project_title
     FROM rm_tender_payment_requests q
     LEFT JOIN rm_tender_payment_releases r
       ON r.escrow_id = q.escrow_id AND r.release_id = q.release_id
     ${clause}
     ORDER BY q.submitted_at, q.request_id
     LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  const totals = PAYMENT_REQUEST_STATUSES.map((status) => {
    const sum = sums.find((s) => s.status === status);
    return {
      status,
      statusLabel: label(status),
      count: int(sum?.n ?? 0),
      amountCents: int(sum?.cents ?? 0),
    };
  });
  // The filter's count is one of the totals (or all of them): no second count query.
  const total = totals
    .filter((t) => !filter.status || t.status === filter.status)
    .reduce((n, t) => n + t.count, 0);
  return {
    total,
    totals,
    items: rows.map((r) => ({
      ...requestPart(r),
      releaseId: r.release_id as string,
      escrowId: r.escrow_id as string,
      projectId: r.project_id as string,
      projectTitle: (r.project_title as string | null) ?? null,
      providerId: r.provider_id as string,
      amountCents: int(r.amount_cents),
      status: r.status as PaymentRequestStatus,
      statusLabel: label(r.status as PaymentRequestStatus),
    })),
  };
}
