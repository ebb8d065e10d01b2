import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import type { SavedPaymentMethods } from '../../application/tenders/saved-payment-methods.port';
import { PG_POOL } from '../../infrastructure/database/database.tokens';

export interface TenderFeeRow {
  chargeId: string;
  projectId: string;
  kind: 'finder_fee' | 'r0_option';
  payerId: string;
  status: 'charged' | 'failed';
  amountCents: number;
  chargedCents: number;
  refundedCents: number;
  failures: number;
  lastFailureCode: string | null;
  chargedAt: string | null;
  updatedAt: string;
}

export interface TenderFeeInvoiceRef {
  invoiceId: string;
  number: string;
  kind: 'invoice' | 'credit_note';
  saleId: string;
  totalTtcCents: number;
  issuedAt: string;
}

interface Row {
  charge_id: string;
  project_id: string;
  kind: TenderFeeRow['kind'];
  payer_id: string;
  status: TenderFeeRow['status'];
  amount_cents: string;
  charged_cents: string;
  refunded_cents: string;
  failures: number;
  last_failure_code: string | null;
  charged_at: Date | null;
  updated_at: Date;
}

const toFee = (r: Row): TenderFeeRow => ({
  chargeId: r.charge_id,
  projectId: r.project_id,
  kind: r.kind,
  payerId: r.payer_id,
  status: r.status,
  amountCents: Number(r.amount_cents),
  chargedCents: Number(r.charged_cents),
  refundedCents: Number(r.refunded_cents),
  failures: r.failures,
  lastFailureCode: r.last_failure_code,
  chargedAt: r.charged_at ? r.charged_at.toISOString() : null,
  updatedAt: r.updated_at.toISOString(),
});

/** Finance's list of project fees, the invoices of a project's fees, the payer's saved card. */
@Injectable()
export class TenderFeesReader implements SavedPaymentMethods {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async list(filter: {
    status?: 'charged' | 'failed';
    kind?: TenderFeeRow['kind'];
    limit: number;
    offset: number;
  }): Promise<{
    items: TenderFeeRow[];
    total: number;
    totals: { chargedCents: number; refundedCents: number; netCents: number; failedCount: number };
  }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) {
      params.push(filter.status);
      where.push(`status = $${params.length}`);
    }
    if (filter.kind) {
      params.push(filter.kind);
      where.push(`kind = $${params.length}`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [page, sums] = await Promise.all([
      this.pool.query<Row>(
        `SELECT * FROM rm_tender_fees ${clause} ORDER BY updated_at DESC, charge_id
          LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, filter.limit, filter.offset],
      ),
      this.pool.query<{ n: string; charged: string; refunded: string; failed: string }>(
        `SELECT count(*) AS n, coalesce(sum(charged_cents), 0) AS charged,
                coalesce(sum(refunded_cents), 0) AS refunded,
                count(*) FILTER (WHERE status = 'failed') AS failed
           FROM rm_tender_fees ${clause}`,
        params,
      ),
    ]);
    const s = sums.rows[0];
    return {
      items: page.rows.map(toFee),
      total: Number(s.n),
      totals: {
        chargedCents: Number(s.charged),
        refundedCents: Number(s.refunded),
        netCents: Number(s.charged) - Number(s.refunded),
        failedCount: Number(s.failed),
      },
    };
  }

  /** The platform's invoices and credit notes of these charges (their sale ids). */
  async invoicesOf(chargeIds: string[]): Promise<TenderFeeInvoiceRef[]> {
    if (chargeIds.length === 0) return [];
    const { rows } = await this.pool.query<{
      invoice_id: string;
      number: string;
      kind: TenderFeeInvoiceRef['kind'];
      sale_id: string;
      total_ttc_cents: string;
      issued_at: Date;
    }>(
      `SELECT invoice_id, number, kind, sale_id, total_ttc_cents, issued_at FROM invoices
        WHERE sale_id = ANY($1) AND subject = 'fee' ORDER BY issued_at, number`,
      [chargeIds],
    );
    return rows.map((r) => ({
      invoiceId: r.invoice_id,
      number: r.number,
      kind: r.kind,
      saleId: r.sale_id,
      totalTtcCents: Number(r.total_ttc_cents),
      issuedAt: r.issued_at.toISOString(),
    }));
  }

  /** The card of the payer's latest subscription, else the card of their latest paid fee. */
  async find(accountId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ ref: string | null }>(
      `SELECT ref FROM (
         (SELECT state ->> 'paymentMethodRef' AS ref, 0 AS rank, started_at AS at FROM rm_subscriptions
           WHERE account_id = $1 AND state ->> 'paymentMethodRef' IS NOT NULL
           ORDER BY started_at DESC LIMIT 1)
         UNION ALL
         (SELECT payment_method_ref AS ref, 1 AS rank, charged_at AS at FROM rm_tender_fees
           WHERE payer_id = $1 AND payment_method_ref IS NOT NULL
           ORDER BY charged_at DESC LIMIT 1)
       ) AS cards ORDER BY rank LIMIT 1`,
      [accountId],
    );
    return rows[0]?.ref ?? null;
  }
}
