import { RecordedEvent } from '../../application/shared/event-store.port';
import type { ProjectFeeCharged, ProjectFeeRefunded } from '../../domain/tenders';
import { amountsFromTtc, refundAmounts } from '../invoices/invoice-numbering';
import { isNewer } from '../runner/row-buffer';
import { credit, debit } from './ledger.accounts';
import type { Posting } from './ledger.postings';
import { LedgerSaleRow } from './ledger.tables';

/**
 * A project's fees (docs/tenders-fees.md): the finder's fee and the R0 option are the platform's
 * revenue when charged (PSP cash debited TTC, `tender_fee_revenue` credited HT, VAT collected the
 * VAT: the invoice's split); a refund after a lower signed amount reverses revenue and VAT as its
 * credit note does (half-even, pro rata of the charge) and pays the cash back.
 */
export const TENDER_FEE_POSTING_TYPES = new Set(['ProjectFeeCharged', 'ProjectFeeRefunded']);

/** The ledger's sale row of a fee is keyed by its charge id. */
export const tenderFeeSaleIdOf = (event: RecordedEvent): string | undefined => {
  const id = (event.data as { chargeId?: unknown }).chargeId;
  return typeof id === 'string' ? id : undefined;
};

export function tenderFeePostings(
  event: RecordedEvent,
  known: LedgerSaleRow | undefined,
): { postings: Posting[]; row: LedgerSaleRow | null } {
  const saleId = tenderFeeSaleIdOf(event);
  if (!saleId) return { postings: [], row: null };
  if (known && !isNewer(event.revision, known.rev)) return { postings: [], row: null };
  const rev = Number(event.revision);
  if (event.type === 'ProjectFeeCharged') {
    if (known) return { postings: [], row: null };
    const d = event.data as ProjectFeeCharged['data'];
    const ttc = d.amountCents;
    if (!Number.isSafeInteger(ttc) || ttc <= 0) return { postings: [], row: null };
    const { totalHtCents, vatCents } = amountsFromTtc(ttc);
    return {
      postings: [
        {
          kind: 'tender_fee_charged',
          at: d.chargedAt,
          legs: [
            debit('gateway_cash', d.payerId, ttc),
            credit('tender_fee_revenue', null, totalHtCents),
            credit('vat_collected', null, vatCents),
          ],
        },
      ],
      row: {
        sale_id: saleId,
        rev,
        ttc_cents: ttc,
        vat_cents: vatCents,
        refunded_ttc_cents: 0,
        refunded_vat_cents: 0,
      },
    };
  }
  if (event.type === 'ProjectFeeRefunded') {
    if (!known) return { postings: [], row: null };
    const d = event.data as ProjectFeeRefunded['data'];
    const refund = Math.min(d.amountCents, known.ttc_cents - known.refunded_ttc_cents);
    if (!Number.isSafeInteger(refund) || refund <= 0)
      return { postings: [], row: { ...known, rev } };
    const { totalHtCents, vatCents } = refundAmounts(
      {
        ttcCents: known.ttc_cents,
        vatCents: known.vat_cents,
        refundedTtcCents: known.refunded_ttc_cents,
      },
      refund,
    );
    return {
      postings: [
        {
          kind: 'tender_fee_refunded',
          at: d.refundedAt,
          legs: [
            debit('tender_fee_revenue', null, totalHtCents),
            debit('vat_collected', null, vatCents),
            credit('gateway_cash', d.payerId, refund),
          ],
        },
      ],
      row: {
        ...known,
        rev,
        refunded_ttc_cents: known.refunded_ttc_cents + refund,
        refunded_vat_cents: known.refunded_vat_cents + vatCents,
      },
    };
  }
  return { postings: [], row: null };
}
