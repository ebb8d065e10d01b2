import { RecordedEvent } from '../../application/shared/event-store.port';
import type {
  ServiceTypeCreated,
  ServiceTypeUpdated,
} from '../../domain/missions/service-type.events';
import type {
  HourPackPurchased,
  HourPackRefunded,
  HourPackRefundReason,
  SubscriptionPeriodTerms,
  SubscriptionReinstated,
  SubscriptionRenewed,
  SubscriptionStarted,
} from '../../domain/plans';
import type { ProjectFeeCharged, ProjectFeeRefunded } from '../../domain/tenders';
import { isNewer } from '../runner/row-buffer';
import { InvoiceBatch, issuePlatformSaleInvoice } from './invoice-issuing';
import { amountsFromTtc, parisDate, refundAmounts, seriesFor } from './invoice-numbering';
import { InvoiceSaleRow } from './invoices.tables';

/**
 * The platform's own sales (issue 15, docs/plans-billing.md): one invoice per charge (a
 * subscription's first period, each renewal, a reinstatement after a payment incident, an hour
 * pack), one credit note per hour-pack refund referencing the pack's invoice. Issued by the
 * platform to the buyer, in the platform's series (`F`, `A`: the commission invoices' counters),
 * VAT 20 % included in the TTC price.
 */
export const SUBSCRIPTION_CHARGE_TYPES = new Set([
  'SubscriptionStarted',
  'SubscriptionRenewed',
  'SubscriptionReinstated',
]);
/** A project's fees (docs/tenders-fees.md): one sale per charge (`chargeId`), invoiced to its payer. */
export const PROJECT_FEE_SALE_TYPES = ['ProjectFeeCharged', 'ProjectFeeRefunded'];
export const SALE_TYPES = new Set([
  ...SUBSCRIPTION_CHARGE_TYPES,
  'HourPackPurchased',
  'HourPackRefunded',
  ...PROJECT_FEE_SALE_TYPES,
]);
/** Service type labels name the packs. */
export const SERVICE_TYPE_LABEL_TYPES = new Set(['ServiceTypeCreated', 'ServiceTypeUpdated']);

/** The sale an event belongs to: the subscription or the hour pack. */
export function saleIdOf(event: RecordedEvent): string | undefined {
  const d = event.data as { subscriptionId?: unknown; packId?: unknown; chargeId?: unknown };
  const id = event.type.startsWith('Subscription')
    ? d.subscriptionId
    : event.type.startsWith('ProjectFee')
      ? d.chargeId
      : d.packId;
  return typeof id === 'string' ? id : undefined;
}

/** When the sale's money moved: the invoice's date. */
export function saleEventAt(event: RecordedEvent): string | undefined {
  const d = event.data as Record<string, string | undefined>;
  switch (event.type) {
    case 'SubscriptionStarted':
      return d.startedAt;
    case 'SubscriptionRenewed':
      return d.renewedAt;
    case 'SubscriptionReinstated':
      return d.reinstatedAt;
    case 'HourPackPurchased':
      return d.purchasedAt;
    case 'HourPackRefunded':
    case 'ProjectFeeRefunded':
      return d.refundedAt;
    case 'ProjectFeeCharged':
      return d.chargedAt;
    default:
      return undefined;
  }
}

/** The platform counter rows the batch's sales may take a number from (locked with the others). */
export function saleSeriesKeys(events: RecordedEvent[]): string[] {
  const keys = new Set<string>();
  for (const e of events) {
    if (!SALE_TYPES.has(e.type)) continue;
    const at = saleEventAt(e);
    if (!at) continue;
    const kind =
      e.type === 'HourPackRefunded' || e.type === 'ProjectFeeRefunded' ? 'credit_note' : 'invoice';
    keys.add(`${seriesFor(kind, 'subscription', '', '').id}:${parisDate(at).slice(0, 4)}`);
  }
  return [...keys];
}

/** `2026-12-02T…` -> `02/12/2026` (the French calendar date). */
export function frenchShortDate(iso: string): string {
  const [y, m, d] = parisDate(iso).split('-');
  return `${d}/${m}/${y}`;
}

/** `600` -> `10 h`, `90` -> `1 h 30`. */
export function hoursLabel(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}

export function subscriptionLabel(planName: string): string {
  return /^abonnement\b/i.test(planName) ? planName : `Abonnement ${planName}`;
}

export function subscriptionDescription(
  planName: string,
  terms: Pick<SubscriptionPeriodTerms, 'periodStartsAt' | 'periodEndsAt'>,
  reinstated: boolean,
): string {
  return `${subscriptionLabel(planName)} — période du ${frenchShortDate(terms.periodStartsAt)} au ${frenchShortDate(terms.periodEndsAt)}${reinstated ? ' (reprise après incident de paiement)' : ''}`;
}

export function hourPackDescription(
  minutes: number,
  what: string,
  expiresAt: string | null,
): string {
  return `Pack ${hoursLabel(minutes)} — ${what}${expiresAt ? ` (heures valables jusqu’au ${frenchShortDate(expiresAt)})` : ''}`;
}

/** The invoice's line of a project fee (French: the payer reads it). */
export function projectFeeDescription(kind: string, title: string | undefined): string {
  const project = title ? ` — projet ${title}` : '';
  return kind === 'r0_option'
    ? `Option R0 (risque 0)${project}`
    : `Commission de mise en relation${project}`;
}

const REFUND_REASONS: Record<HourPackRefundReason, string> = {
  withdrawal: 'rétractation',
  expiry: 'heures non utilisées à la fin de validité',
};

/** Keeps the labels of service types, for packs bought later. */
export function serviceTypeLabel(b: InvoiceBatch, event: RecordedEvent): void {
  const d = event.data as ServiceTypeCreated['data'] | ServiceTypeUpdated['data'];
  const known = b.serviceTypes.peek(d.serviceTypeId);
  if (known && !isNewer(event.revision, known.rev)) return;
  if (typeof d.label !== 'string') return;
  b.serviceTypes.put({
    service_type_id: d.serviceTypeId,
    rev: Number(event.revision),
    label: d.label,
  });
}

/** One sale event: a charge gets its invoice, a pack refund its credit note. Redeliveries issue nothing. */
export async function platformSaleInvoicing(b: InvoiceBatch, event: RecordedEvent): Promise<void> {
  const saleId = saleIdOf(event);
  if (!saleId) return;
  const current = b.sales.peek(saleId);
  if (current && !isNewer(event.revision, current.rev)) return;
  const rev = Number(event.revision);
  switch (event.type) {
    case 'SubscriptionStarted': {
      if (current) return;
      const d = event.data as SubscriptionStarted['data'];
      const sale = blankSale(saleId, 'subscription', rev, d.accountId, d.planId, d.planName);
      b.sales.put(
        await charge(b, event, sale, d.priceTtcCents, d.startedAt, () =>
          subscriptionDescription(d.planName, d, false),
        ),
      );
      return;
    }
    case 'SubscriptionRenewed':
    case 'SubscriptionReinstated': {
      const d = event.data as SubscriptionRenewed['data'] | SubscriptionReinstated['data'];
      const reinstated = event.type === 'SubscriptionReinstated';
      const at = reinstated
        ? (d as SubscriptionReinstated['data']).reinstatedAt
        : (d as SubscriptionRenewed['data']).renewedAt;
      // Only a log that lost the start lands here without a row: invoice it all the same.
      const sale = {
        ...(current ?? blankSale(saleId, 'subscription', rev, d.accountId, d.planId, '')),
        rev,
      };
      b.sales.put(
        await charge(b, event, sale, d.priceTtcCents, at, () =>
          subscriptionDescription(sale.plan_name || 'Abonnement', d, reinstated),
        ),
      );
      return;
    }
    case 'HourPackPurchased': {
      if (current) return;
      const d = event.data as HourPackPurchased['data'];
      const sale: InvoiceSaleRow = {
        ...blankSale(saleId, 'hour_pack', rev, d.clientId, d.planId, d.planName),
        service_type_id: d.serviceTypeId,
        minutes: d.minutes,
      };
      const label = (await b.serviceTypes.get(d.serviceTypeId))?.label ?? d.planName;
      b.sales.put(
        await charge(b, event, sale, d.priceTtcCents, d.purchasedAt, () =>
          hourPackDescription(d.minutes, label, d.expiresAt),
        ),
      );
      return;
    }
    case 'HourPackRefunded': {
      if (!current) return;
      const d = event.data as HourPackRefunded['data'];
      const sale = { ...current, rev };
      // Never credit more than the pack's invoice still carries.
      const refund = Math.min(d.refundCents, sale.invoiced_ttc_cents - sale.refunded_ttc_cents);
      if (refund <= 0 || !sale.last_invoice_id || !sale.last_invoice_number) {
        b.sales.put(sale);
        return;
      }
      const amounts = refundAmounts(
        {
          ttcCents: sale.invoiced_ttc_cents,
          vatCents: sale.invoiced_vat_cents,
          refundedTtcCents: sale.refunded_ttc_cents,
        },
        refund,
      );
      await issuePlatformSaleInvoice(b, {
        kind: 'credit_note',
        subject: 'hour_pack',
        saleId,
        recipientId: sale.account_id,
        amounts,
        at: d.refundedAt,
        event,
        refersTo: { id: sale.last_invoice_id, number: sale.last_invoice_number },
        description: `Avoir sur la facture ${sale.last_invoice_number} : remboursement de ${hoursLabel(d.minutes)} non utilisées du pack (${REFUND_REASONS[d.reason] ?? d.reason})`,
      });
      b.sales.put({
        ...sale,
        refunded_ttc_cents: sale.refunded_ttc_cents + refund,
        refunded_vat_cents: sale.refunded_vat_cents + amounts.vatCents,
      });
      return;
    }
    case 'ProjectFeeCharged': {
      if (current) return;
      const d = event.data as ProjectFeeCharged['data'];
      const sale = blankSale(saleId, 'fee', rev, d.payerId, d.projectId, d.projectTitle ?? '');
      b.sales.put(
        await charge(b, event, sale, d.amountCents, d.chargedAt, () =>
          projectFeeDescription(d.kind, d.projectTitle),
        ),
      );
      return;
    }
    case 'ProjectFeeRefunded': {
      if (!current) return;
      const d = event.data as ProjectFeeRefunded['data'];
      const sale = { ...current, rev };
      const refund = Math.min(d.amountCents, sale.invoiced_ttc_cents - sale.refunded_ttc_cents);
      if (refund <= 0 || !sale.last_invoice_id || !sale.last_invoice_number) {
        b.sales.put(sale);
        return;
      }
      const amounts = refundAmounts(
        {
          ttcCents: sale.invoiced_ttc_cents,
          vatCents: sale.invoiced_vat_cents,
          refundedTtcCents: sale.refunded_ttc_cents,
        },
        refund,
      );
      await issuePlatformSaleInvoice(b, {
        kind: 'credit_note',
        subject: 'fee',
        saleId,
        recipientId: sale.account_id,
        amounts,
        at: d.refundedAt,
        event,
        refersTo: { id: sale.last_invoice_id, number: sale.last_invoice_number },
        description: `Avoir sur la facture ${sale.last_invoice_number} : ${projectFeeDescription(d.kind, sale.plan_name || undefined)}, montant du projet revu à la baisse`,
      });
      b.sales.put({
        ...sale,
        refunded_ttc_cents: sale.refunded_ttc_cents + refund,
        refunded_vat_cents: sale.refunded_vat_cents + amounts.vatCents,
      });
      return;
    }
    default:
      return;
  }
}

function blankSale(
  saleId: string,
  kind: InvoiceSaleRow['kind'],
  rev: number,
  accountId: string,
  planId: string,
  planName: string,
): InvoiceSaleRow {
  return {
    sale_id: saleId,
    kind,
    rev,
    account_id: accountId,
    plan_id: planId,
    plan_name: planName,
    service_type_id: null,
    minutes: null,
    invoiced_ttc_cents: 0,
    invoiced_vat_cents: 0,
    refunded_ttc_cents: 0,
    refunded_vat_cents: 0,
    last_invoice_id: null,
    last_invoice_number: null,
  };
}

/** A charge of `ttcCents` (nothing for a free period) invoiced to the sale's buyer. */
async function charge(
  b: InvoiceBatch,
  event: RecordedEvent,
  sale: InvoiceSaleRow,
  ttcCents: number,
  at: string,
  description: () => string,
): Promise<InvoiceSaleRow> {
  if (!(ttcCents > 0)) return sale;
  const amounts = amountsFromTtc(ttcCents);
  const invoice = await issuePlatformSaleInvoice(b, {
    kind: 'invoice',
    subject: sale.kind,
    saleId: sale.sale_id,
    recipientId: sale.account_id,
    amounts,
    at,
    event,
    description: description(),
  });
  return {
    ...sale,
    invoiced_ttc_cents: sale.invoiced_ttc_cents + ttcCents,
    invoiced_vat_cents: sale.invoiced_vat_cents + amounts.vatCents,
    last_invoice_id: invoice.invoice_id,
    last_invoice_number: invoice.number,
  };
}
