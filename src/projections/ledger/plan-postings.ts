import { RecordedEvent } from '../../application/shared/event-store.port';
import type {
  HourPackPurchased,
  HourPackRefunded,
  SubscriptionReinstated,
  SubscriptionRenewed,
  SubscriptionStarted,
} from '../../domain/plans';
import { amountsFromTtc, refundAmounts } from '../invoices/invoice-numbering';
import { isNewer } from '../runner/row-buffer';
import { credit, debit } from './ledger.accounts';
import type { Posting } from './ledger.postings';
import { LedgerSaleRow } from './ledger.tables';

/**
 * The platform's own sales (docs/plans-billing.md). A charge is revenue when it is charged (the
 * period or the pack is invoiced then): PSP cash debited TTC, the sale's revenue account credited
 * HT and VAT collected credited the VAT, the invoice's own split. A pack refund reverses revenue
 * and VAT pro rata of the pack's (half-even, as its credit note), and pays the cash back.
 */
export const PLAN_CHARGE_TYPES = new Set([
  'SubscriptionStarted',
  'SubscriptionRenewed',
  'SubscriptionReinstated',
  'HourPackPurchased',
]);
export const PLAN_SALE_TYPES = new Set([...PLAN_CHARGE_TYPES, 'HourPackRefunded']);

export function planSaleIdOf(event: RecordedEvent): string | undefined {
  const d = event.data as { subscriptionId?: unknown; packId?: unknown };
  const id = event.type.startsWith('Subscription') ? d.subscriptionId : d.packId;
  return typeof id === 'string' ? id : undefined;
}

type ChargeData =
  | SubscriptionStarted['data']
  | SubscriptionRenewed['data']
  | SubscriptionReinstated['data']
  | HourPackPurchased['data'];

/** The date the money moved (the invoice's date): revenue is reported in its Paris month. */
export function planSaleAt(event: RecordedEvent): string | undefined {
  const d = event.data as Record<string, string | undefined>;
  return d.startedAt ?? d.renewedAt ?? d.reinstatedAt ?? d.purchasedAt ?? d.refundedAt ?? undefined;
}

/**
 * What one plan sale event posts, given what the ledger knows of the sale (hour packs only);
 * also returns the sale's new bookkeeping (null: unchanged).
 */
export function planSalePostings(
  event: RecordedEvent,
  known: LedgerSaleRow | undefined,
): { postings: Posting[]; row: LedgerSaleRow | null } {
  const saleId = planSaleIdOf(event);
  if (!saleId) return { postings: [], row: null };
  if (known && !isNewer(event.revision, known.rev)) return { postings: [], row: null };
  const rev = Number(event.revision);
  const at = planSaleAt(event);
  if (PLAN_CHARGE_TYPES.has(event.type)) {
    const d = event.data as ChargeData;
    const ttc = d.priceTtcCents;
    const pack = event.type === 'HourPackPurchased';
    if (pack && known) return { postings: [], row: null };
    const payer = pack
      ? (d as HourPackPurchased['data']).clientId
      : (d as { accountId: string }).accountId;
    if (!Number.isSafeInteger(ttc) || ttc <= 0)
      return { postings: [], row: pack ? blank(saleId, rev) : null };
    const { totalHtCents, vatCents } = amountsFromTtc(ttc);
    return {
      postings: [
        {
          kind: pack ? 'hour_pack_sold' : 'subscription_charged',
          at,
          legs: [
            debit('gateway_cash', payer, ttc),
            credit(pack ? 'hour_pack_revenue' : 'subscription_revenue', null, totalHtCents),
            credit('vat_collected', null, vatCents),
          ],
        },
      ],
      // Subscriptions are never refunded: the ledger keeps nothing for them.
      row: pack ? { ...blank(saleId, rev), ttc_cents: ttc, vat_cents: vatCents } : null,
    };
  }
  if (event.type === 'HourPackRefunded') {
    if (!known) return { postings: [], row: null };
    const d = event.data as HourPackRefunded['data'];
    const refund = d.refundCents;
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
          kind: 'hour_pack_refunded',
          at,
          legs: [
            debit('hour_pack_revenue', null, totalHtCents),
            debit('vat_collected', null, vatCents),
            credit('gateway_cash', d.clientId, refund),
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

function blank(saleId: string, rev: number): LedgerSaleRow {
  return {
    sale_id: saleId,
    rev,
    ttc_cents: 0,
    vat_cents: 0,
    refunded_ttc_cents: 0,
    refunded_vat_cents: 0,
  };
}
