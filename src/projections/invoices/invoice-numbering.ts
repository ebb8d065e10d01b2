import { createHash } from 'node:crypto';
import { divideHalfEven, vatIncluded } from '../../domain/shared/money';
import { InvoiceKind, InvoiceSubject } from './invoices.tables';

/** French VAT on services and on the commission: prices are TTC, 20 % included. */
export const VAT_RATE_BP = 2_000;

const PARIS_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in France of an instant (`YYYY-MM-DD`): invoices are dated and numbered per French year. */
export function parisDate(iso: string): string {
  return PARIS_DATE.format(new Date(iso));
}

/** A seller's short code in invoice numbers: the public provider reference without `PR-`, else the id's start. */
export function sellerCode(sellerId: string, providerReference: string | null): string {
  if (providerReference)
    return providerReference
      .replace(/^PR-/, '')
      .replace(/[^A-Z0-9]/gi, '')
      .toUpperCase();
  return sellerId
    .replace(/[^a-z0-9]/gi, '')
    .slice(0, 8)
    .toUpperCase();
}

export interface SeriesRef {
  /** Stable identity of the series (the counter row is this plus the year). */
  id: string;
  /** Shown in the number; fixed when the series' first number of a year is taken. */
  prefix: string;
}

/**
 * Four kinds of series: the platform's invoices (`F`) and credit notes (`A`) (its commissions and
 * its own sales: subscriptions, hour packs, fees), and per seller the invoices issued in its name
 * under the billing mandate (`S<code>`) and their credit notes (`AS<code>`).
 */
export function seriesFor(
  kind: InvoiceKind,
  subject: InvoiceSubject,
  sellerId: string,
  code: string,
): SeriesRef {
  if (subject !== 'service')
    return kind === 'invoice'
      ? { id: 'platform-invoice', prefix: 'F' }
      : { id: 'platform-credit', prefix: 'A' };
  return kind === 'invoice'
    ? { id: `seller-invoice:${sellerId}`, prefix: `S${code}` }
    : { id: `seller-credit:${sellerId}`, prefix: `AS${code}` };
}

/** `1250` basis points -> `12,5 %`, without Intl (which costs a formatter per call). */
export function percentLabel(basisPoints: number): string {
  const units = Math.floor(basisPoints / 100);
  const rest = basisPoints % 100;
  return rest === 0
    ? `${units} %`
    : `${units},${String(rest).padStart(2, '0').replace(/0$/, '')} %`;
}

export function formatNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}-${year}-${String(seq).padStart(6, '0')}`;
}

export interface InvoiceAmounts {
  quantity: number;
  unitPriceHtCents: number;
  totalHtCents: number;
  vatRateBp: number;
  vatCents: number;
  totalTtcCents: number;
}

/** From a TTC amount: VAT included at 20 % rounded half-even once, HT is the rest, so HT + VAT = TTC exactly. */
export function amountsFromTtc(ttcCents: number): InvoiceAmounts {
  const vatCents = vatIncluded(ttcCents, VAT_RATE_BP);
  const ht = ttcCents - vatCents;
  return {
    quantity: 1,
    unitPriceHtCents: ht,
    totalHtCents: ht,
    vatRateBp: VAT_RATE_BP,
    vatCents,
    totalTtcCents: ttcCents,
  };
}

/** A UUID-shaped id derived from its parts, so a rebuild gives every invoice the same id. */
export function derivedId(...parts: string[]): string {
  const h = createHash('sha1').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The part of a refund that reverses VAT, pro rata of the VAT invoiced on the sale: the VAT
 * reversed after this refund (half-even on the cumulative refunded share) minus what earlier
 * refunds reversed. Refunding the whole sale, in one go or in parts, reverses exactly its VAT;
 * HT is the rest of the refund, so HT + VAT = the refund.
 */
export function refundAmounts(
  sale: { ttcCents: number; vatCents: number; refundedTtcCents: number },
  refundCents: number,
): InvoiceAmounts {
  const share = (refunded: number): number =>
    sale.ttcCents <= 0
      ? 0
      : Number(divideHalfEven(BigInt(sale.vatCents) * BigInt(refunded), BigInt(sale.ttcCents)));
  const vatCents = Math.min(
    refundCents,
    Math.max(0, share(sale.refundedTtcCents + refundCents) - share(sale.refundedTtcCents)),
  );
  const ht = refundCents - vatCents;
  return {
    quantity: 1,
    unitPriceHtCents: ht,
    totalHtCents: ht,
    vatRateBp: VAT_RATE_BP,
    vatCents,
    totalTtcCents: refundCents,
  };
}
