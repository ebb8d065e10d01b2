import { RecordedEvent } from '../../application/shared/event-store.port';
import type {
  MissionCancelled,
  MissionChangeAccepted,
  MissionConfirmed,
  MissionDisputeClosed,
  MissionRequested,
  MissionValidated,
} from '../../domain/missions';
import { isHourPackEscrow } from '../../application/plans/hour-pack-escrow.contract';
import { percentOf } from '../../domain/shared/money';
import { isNewer } from '../runner/row-buffer';
import { InvoiceBatch, issueInvoice } from './invoice-issuing';
import { parisDate, percentLabel } from './invoice-numbering';
import { InvoiceOrderRow } from './invoices.tables';

/**
 * A mission's invoices, as an order's: under the billing mandate the provider's invoice to the
 * client for what the client paid them (the price at validation, a late-cancellation fee, the
 * share a dispute's decision released), and the platform's commission invoice to the provider.
 * The mission's row in `invoice_orders` is keyed by the mission id. A mission paid from an hour
 * pack (its escrow id says so) gets no service invoice: the pack's own invoice billed the client.
 */
export async function missionInvoicing(b: InvoiceBatch, event: RecordedEvent): Promise<void> {
  const missionId = (event.data as { missionId: string }).missionId;
  const current = b.orders.peek(missionId);
  if (event.type === 'MissionRequested') {
    if (current) return;
    const d = event.data as MissionRequested['data'];
    b.orders.put({
      order_id: missionId,
      rev: Number(event.revision),
      escrow_id: d.escrowId,
      escrow_rev: -1,
      buyer_id: d.clientId,
      // Known at confirmation.
      seller_id: '',
      title: d.serviceTypeLabel,
      amount_cents: d.reservedCents,
      commission_rate_bp: d.commissionRateBp,
      uninvoiced_cents: 0,
      service_invoiced_cents: 0,
      commission_invoiced_cents: 0,
      last_service_invoice_id: null,
      last_service_number: null,
      last_commission_invoice_id: null,
      last_commission_number: null,
    });
    return;
  }
  if (!current || !isNewer(event.revision, current.rev)) return;
  const row: InvoiceOrderRow = { ...current, rev: Number(event.revision) };
  switch (event.type) {
    case 'MissionConfirmed': {
      const d = event.data as MissionConfirmed['data'];
      b.orders.put({ ...row, seller_id: d.providerId, amount_cents: d.priceCents });
      return;
    }
    case 'MissionChangeAccepted': {
      const d = event.data as MissionChangeAccepted['data'];
      b.orders.put({ ...row, amount_cents: d.priceCents });
      return;
    }
    case 'MissionValidated': {
      const d = event.data as MissionValidated['data'];
      b.orders.put(
        await invoiceMission(b, event, row, d.priceCents, d.commissionCents, d.validatedAt, ''),
      );
      return;
    }
    case 'MissionCancelled': {
      const d = event.data as MissionCancelled['data'];
      if (d.feeCents <= 0 || !row.seller_id) {
        b.orders.put(row);
        return;
      }
      const commission = percentOf(d.feeCents, row.commission_rate_bp);
      b.orders.put(
        await invoiceMission(b, event, row, d.feeCents, commission, d.cancelledAt, 'late_fee'),
      );
      return;
    }
    case 'MissionDisputeClosed': {
      const d = event.data as MissionDisputeClosed['data'];
      if (d.outcome !== 'decided' || d.releasedToProviderCents <= 0) {
        b.orders.put(row);
        return;
      }
      const commission = percentOf(d.releasedToProviderCents, row.commission_rate_bp);
      b.orders.put(
        await invoiceMission(
          b,
          event,
          row,
          d.releasedToProviderCents,
          commission,
          d.closedAt,
          'decision',
        ),
      );
      return;
    }
    default:
      b.orders.put(row);
  }
}

async function invoiceMission(
  b: InvoiceBatch,
  event: RecordedEvent,
  mission: InvoiceOrderRow,
  amountCents: number,
  commissionCents: number,
  at: string,
  what: '' | 'late_fee' | 'decision',
): Promise<InvoiceOrderRow> {
  let row = mission;
  const day = parisDate(at);
  const suffix =
    what === 'late_fee'
      ? ', frais d’annulation tardive'
      : what === 'decision'
        ? ', part libérée après décision de médiation'
        : '';
  // A mission paid from an hour pack: the client was invoiced by the platform for the pack, so no
  // service invoice to them (it would bill the same service twice); the commission one stays.
  if (amountCents > 0 && !isHourPackEscrow(row.escrow_id)) {
    const inv = await issueInvoice(b, {
      kind: 'invoice',
      subject: 'service',
      order: row,
      ttcCents: amountCents,
      at,
      event,
      description: `Mission « ${row.title} » (mission ${row.order_id}) du ${day}${suffix}`,
    });
    row = {
      ...row,
      service_invoiced_cents: row.service_invoiced_cents + amountCents,
      last_service_invoice_id: inv.invoice_id,
      last_service_number: inv.number,
    };
  }
  if (commissionCents > 0) {
    const inv = await issueInvoice(b, {
      kind: 'invoice',
      subject: 'commission',
      order: row,
      ttcCents: commissionCents,
      at,
      event,
      description: `Mission : commission de service (${percentLabel(row.commission_rate_bp)}) sur la mission ${row.order_id} « ${row.title} »`,
    });
    row = {
      ...row,
      commission_invoiced_cents: row.commission_invoiced_cents + commissionCents,
      last_commission_invoice_id: inv.invoice_id,
      last_commission_number: inv.number,
    };
  }
  return row;
}
