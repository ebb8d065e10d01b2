import { Pool } from 'pg';
import type { Address } from '../../domain/identity';
import { int, iso, UUID_PATTERN } from '../shared/query-helpers';
import type { InvoiceSubject } from './invoices.tables';

export interface InvoiceParty {
  accountId: string | null;
  name: string | null;
  reference: string | null;
  address: Address | null;
}

export interface InvoiceView {
  invoiceId: string;
  number: string;
  kind: 'invoice' | 'credit_note';
  subject: InvoiceSubject;
  underMandate: boolean;
  issuer: InvoiceParty;
  recipient: InvoiceParty;
  /** The order or mission invoiced; null for the platform's own sales. */
  orderId: string | null;
  /** The platform's own sale invoiced (subscription or hour pack id); null for orders and missions. */
  saleId: string | null;
  refersTo: { invoiceId: string; number: string } | null;
  issuedAt: string;
  issueDate: string;
  description: string;
  quantity: number;
  unitPriceHtCents: number;
  totalHtCents: number;
  vatRateBp: number;
  vatCents: number;
  totalTtcCents: number;
}

function toView(r: Record<string, any>): InvoiceView {
  return {
    invoiceId: r.invoice_id,
    number: r.number,
    kind: r.kind,
    subject: r.subject,
    underMandate: r.under_mandate,
    issuer: {
      accountId: r.issuer_account_id,
      name: r.issuer_name,
      reference: r.issuer_reference,
      address: r.issuer_address,
    },
    recipient: {
      accountId: r.recipient_account_id,
      name: r.recipient_name,
      reference: r.recipient_reference,
      address: r.recipient_address,
    },
    orderId: r.order_id ?? null,
    saleId: r.sale_id ?? null,
    refersTo: r.refers_to_invoice_id
      ? { invoiceId: r.refers_to_invoice_id, number: r.refers_to_number }
      : null,
    issuedAt: iso(r.issued_at)!,
    issueDate: typeof r.issue_date === 'string' ? r.issue_date : iso(r.issue_date)!.slice(0, 10),
    description: r.description,
    quantity: int(r.quantity),
    unitPriceHtCents: int(r.unit_price_ht_cents),
    totalHtCents: int(r.total_ht_cents),
    vatRateBp: int(r.vat_rate_bp),
    vatCents: int(r.vat_cents),
    totalTtcCents: int(r.total_ttc_cents),
  };
}

/** Dates stay calendar dates: no time zone may move an invoice to another day. */
const SELECT = `SELECT *, to_char(issue_date, 'YYYY-MM-DD') AS issue_date FROM invoices`;

/** Invoices the account issued (in its name) or received, newest first. */
export async function listInvoices(
  pool: Pool,
  accountId: string,
  options: { limit: number; offset: number; year?: number },
) {
  const params: unknown[] = [accountId, options.limit, options.offset];
  let where = '(issuer_account_id = $1 OR recipient_account_id = $1)';
  if (options.year) {
    params.push(options.year);
    where += ` AND year = $${params.length}`;
  }
  const { rows } = await pool.query(
    `${SELECT} WHERE ${where} ORDER BY issued_at DESC, number DESC LIMIT $2 OFFSET $3`,
    params,
  );
  return { items: rows.map(toView) };
}

export async function findInvoice(pool: Pool, invoiceId: string): Promise<InvoiceView | null> {
  if (!UUID_PATTERN.test(invoiceId)) return null;
  const { rows } = await pool.query(`${SELECT} WHERE invoice_id = $1`, [invoiceId.toLowerCase()]);
  return rows[0] ? toView(rows[0]) : null;
}

export function isInvoiceParty(invoice: InvoiceView, accountId: string): boolean {
  return invoice.issuer.accountId === accountId || invoice.recipient.accountId === accountId;
}
