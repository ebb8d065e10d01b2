import { RecordedEvent } from '../../application/shared/event-store.port';
import { occurredAt } from '../runner/projection';
import { InsertBuffer, RowBuffer } from '../runner/row-buffer';
import { PartyRow } from '../shared/parties';
import {
  amountsFromTtc,
  derivedId,
  formatNumber,
  InvoiceAmounts,
  parisDate,
  sellerCode,
  SeriesRef,
  seriesFor,
} from './invoice-numbering';
import { PLATFORM_IDENTITY } from './platform-identity';
import {
  InvoiceKind,
  InvoiceOrderRow,
  InvoiceRow,
  InvoiceSaleRow,
  InvoiceServiceTypeRow,
  InvoiceSubject,
  PlatformSaleSubject,
  SeriesRow,
} from './invoices.tables';

export interface InvoiceBatch {
  orders: RowBuffer<InvoiceOrderRow>;
  series: RowBuffer<SeriesRow>;
  parties: RowBuffer<PartyRow>;
  invoices: InsertBuffer<InvoiceRow>;
  /** The platform's own sales (subscriptions, hour packs): platform-sales-invoices.ts. */
  sales: RowBuffer<InvoiceSaleRow>;
  serviceTypes: RowBuffer<InvoiceServiceTypeRow>;
}

export interface Issue {
  kind: InvoiceKind;
  subject: InvoiceSubject;
  order: InvoiceOrderRow;
  ttcCents: number;
  at: string;
  event: RecordedEvent;
  description: string;
  refersTo?: { id: string; number: string };
}

/** Every counter row the batch may take a number from, locked in one query. */
export function seriesKeys(
  events: RecordedEvent[],
  orders: RowBuffer<InvoiceOrderRow>,
  escrows: RowBuffer<{ escrow_id: string; order_id: string }>,
): string[] {
  const sellers = new Map<string, string>();
  for (const o of orders.touched()) sellers.set(o.order_id, o.seller_id);
  const keys = new Set<string>();
  for (const e of events) {
    const d = e.data as Record<string, string>;
    if (e.type === 'OrderPlaced') sellers.set(d.orderId, d.sellerId);
    if (e.type === 'MissionConfirmed') sellers.set(d.missionId, d.providerId);
    const missionAt = d.validatedAt ?? d.cancelledAt ?? d.closedAt;
    if (
      (e.type === 'MissionValidated' ||
        e.type === 'MissionCancelled' ||
        e.type === 'MissionDisputeClosed') &&
      missionAt
    ) {
      const sellerId = d.providerId ?? sellers.get(d.missionId);
      if (!sellerId) continue;
      const year = parisDate(missionAt).slice(0, 4);
      for (const subject of ['service', 'commission'] as const)
        keys.add(`${seriesFor('invoice', subject, sellerId, '').id}:${year}`);
      continue;
    }
    const orderId = e.type === 'EscrowRefunded' ? escrows.peek(d.escrowId)?.order_id : d.orderId;
    const sellerId = orderId ? sellers.get(orderId) : undefined;
    if (!sellerId) continue;
    const refund = e.type === 'EscrowRefunded';
    if (!refund && e.type !== 'OrderCompleted' && e.type !== 'OrderResolved') continue;
    const year = parisDate(refund ? occurredAt(e) : (d.completedAt ?? d.resolvedAt)).slice(0, 4);
    const kind: InvoiceKind = refund ? 'credit_note' : 'invoice';
    for (const subject of ['service', 'commission'] as const)
      keys.add(`${seriesFor(kind, subject, sellerId, '').id}:${year}`);
  }
  return [...keys];
}

/** The next number of a series in the year of `date` (its counter row, locked in this transaction, moves on). */
async function takeNumber(
  b: InvoiceBatch,
  ref: SeriesRef,
  date: string,
): Promise<{ number: string; series: string; year: number; seq: number }> {
  const year = Number(date.slice(0, 4));
  const key = `${ref.id}:${year}`;
  const counter = (await b.series.get(key)) ?? {
    series_key: key,
    prefix: ref.prefix,
    year,
    last_number: 0,
  };
  const seq = counter.last_number + 1;
  b.series.put({ ...counter, last_number: seq });
  return { number: formatNumber(counter.prefix, year, seq), series: counter.prefix, year, seq };
}

/** Takes the next number of the document's series and year (its counter row is locked) and records the document. */
export async function issueInvoice(b: InvoiceBatch, p: Issue): Promise<InvoiceRow> {
  const { order } = p;
  const date = parisDate(p.at);
  const seller = await b.parties.get(order.seller_id);
  const buyer = await b.parties.get(order.buyer_id);
  const ref = seriesFor(
    p.kind,
    p.subject,
    order.seller_id,
    sellerCode(order.seller_id, seller?.provider_reference ?? null),
  );
  const { number, series, year, seq } = await takeNumber(b, ref, date);
  const amounts = amountsFromTtc(p.ttcCents);
  const service = p.subject === 'service';
  const row: InvoiceRow = {
    invoice_id: derivedId(p.event.id, p.kind, p.subject),
    number,
    series,
    year,
    seq,
    kind: p.kind,
    subject: p.subject,
    under_mandate: service,
    issuer_account_id: service ? order.seller_id : null,
    issuer_name: service ? (seller?.display_name ?? null) : PLATFORM_IDENTITY.name,
    issuer_reference: service ? (seller?.provider_reference ?? null) : null,
    issuer_address: service ? (seller?.address ?? null) : null,
    recipient_account_id: service ? order.buyer_id : order.seller_id,
    recipient_name: (service ? buyer : seller)?.display_name ?? null,
    recipient_reference: service ? null : (seller?.provider_reference ?? null),
    recipient_address: (service ? buyer : seller)?.address ?? null,
    order_id: order.order_id,
    escrow_id: order.escrow_id,
    sale_id: null,
    refers_to_invoice_id: p.refersTo?.id ?? null,
    refers_to_number: p.refersTo?.number ?? null,
    issued_at: p.at,
    issue_date: date,
    description: p.description,
    quantity: amounts.quantity,
    unit_price_ht_cents: amounts.unitPriceHtCents,
    total_ht_cents: amounts.totalHtCents,
    vat_rate_bp: amounts.vatRateBp,
    vat_cents: amounts.vatCents,
    total_ttc_cents: amounts.totalTtcCents,
    source_event_id: p.event.id,
    log_prepare: Number(p.event.position.prepare),
  };
  b.invoices.add(row);
  return row;
}

export interface PlatformSaleIssue {
  kind: InvoiceKind;
  subject: PlatformSaleSubject;
  saleId: string;
  /** The buyer: the subscriber or the pack's client. */
  recipientId: string;
  amounts: InvoiceAmounts;
  at: string;
  event: RecordedEvent;
  description: string;
  refersTo?: { id: string; number: string };
}

/** One of the platform's own sales (or its credit note), in the platform's series `F` / `A`: issuer the platform, recipient the buyer. */
export async function issuePlatformSaleInvoice(
  b: InvoiceBatch,
  p: PlatformSaleIssue,
): Promise<InvoiceRow> {
  const date = parisDate(p.at);
  const buyer = await b.parties.get(p.recipientId);
  const { number, series, year, seq } = await takeNumber(
    b,
    seriesFor(p.kind, p.subject, '', ''),
    date,
  );
  const row: InvoiceRow = {
    invoice_id: derivedId(p.event.id, p.kind, p.subject),
    number,
    series,
    year,
    seq,
    kind: p.kind,
    subject: p.subject,
    under_mandate: false,
    issuer_account_id: null,
    issuer_name: PLATFORM_IDENTITY.name,
    issuer_reference: null,
    issuer_address: null,
    recipient_account_id: p.recipientId,
    recipient_name: buyer?.display_name ?? null,
    recipient_reference: buyer?.provider_reference ?? null,
    recipient_address: buyer?.address ?? null,
    order_id: null,
    escrow_id: null,
    sale_id: p.saleId,
    refers_to_invoice_id: p.refersTo?.id ?? null,
    refers_to_number: p.refersTo?.number ?? null,
    issued_at: p.at,
    issue_date: date,
    description: p.description,
    quantity: p.amounts.quantity,
    unit_price_ht_cents: p.amounts.unitPriceHtCents,
    total_ht_cents: p.amounts.totalHtCents,
    vat_rate_bp: p.amounts.vatRateBp,
    vat_cents: p.amounts.vatCents,
    total_ttc_cents: p.amounts.totalTtcCents,
    source_event_id: p.event.id,
    log_prepare: Number(p.event.position.prepare),
  };
  b.invoices.add(row);
  return row;
}
