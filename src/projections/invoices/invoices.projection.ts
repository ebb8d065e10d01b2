import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import type { EscrowRefunded } from '../../domain/escrow';
import type { OrderCompleted, OrderPlaced, OrderResolved } from '../../domain/orders';
import { percentOf } from '../../domain/shared/money';
import { occurredAt, Projection, ProjectionSession } from '../runner/projection';
import { InsertBuffer, isNewer, RowBuffer } from '../runner/row-buffer';
import {
  applyPartyEvent,
  isPartyEvent,
  PARTY_EVENTS,
  partiesBuffer,
  partyKey,
} from '../shared/parties';
import { InvoiceBatch, issueInvoice, seriesKeys } from './invoice-issuing';
import { missionInvoicing } from './mission-invoices';
import {
  platformSaleInvoicing,
  SALE_TYPES,
  saleIdOf,
  saleSeriesKeys,
  SERVICE_TYPE_LABEL_TYPES,
  serviceTypeLabel,
} from './platform-sales-invoices';
import { percentLabel } from './invoice-numbering';
import {
  INVOICE_ESCROWS,
  INVOICE_ORDERS,
  INVOICE_SALES,
  INVOICE_SERVICE_TYPES,
  InvoiceOrderRow,
  InvoiceRow,
  INVOICES,
  INVOICES_TABLES,
  SERIES,
} from './invoices.tables';

const ORDER_TYPES = new Set(['OrderPlaced', 'OrderCompleted', 'OrderResolved']);
/**
 * Missions are invoiced like orders, under the billing mandate, with "Mission" labels: the row of
 * `invoice_orders` is keyed by the mission id (its `order_id` column names the mission).
 */
export const MISSION_TYPES = new Set([
  'MissionRequested',
  'MissionConfirmed',
  'MissionChangeAccepted',
  'MissionValidated',
  'MissionCancelled',
  'MissionDisputeClosed',
]);

type Batch = InvoiceBatch;

/**
 * Legal invoices: at completion (or the released part of a resolved dispute) a service invoice in
 * the seller's name under the billing mandate and a commission invoice from the platform; a refund
 * of invoiced money gives credit notes. Numbers come from counter rows locked in this transaction,
 * in log order, so every series is continuous per year. The platform's own sales (subscriptions,
 * hour packs: platform-sales-invoices.ts) take their numbers from the platform's series.
 */
export class InvoicesProjection implements Projection {
  readonly name = 'invoices';
  /** 2: the platform's own sales (`sale_id`, `order_id`/`escrow_id` nullable, `invoice_sales`). */
  readonly version = 2;
  readonly handles = [
    ...ORDER_TYPES,
    ...MISSION_TYPES,
    'EscrowRefunded',
    ...PARTY_EVENTS,
    ...SALE_TYPES,
    ...SERVICE_TYPE_LABEL_TYPES,
  ];
  readonly tables = INVOICES_TABLES;

  async handle(
    events: RecordedEvent[],
    tx: PoolClient,
    session?: ProjectionSession,
  ): Promise<void> {
    const escrows = new RowBuffer(INVOICE_ESCROWS, tx, false, session);
    const b: Batch = {
      orders: new RowBuffer(INVOICE_ORDERS, tx, false, session),
      series: new RowBuffer(SERIES, tx, true, session),
      parties: partiesBuffer(tx, session),
      invoices: new InsertBuffer<InvoiceRow>(INVOICES, tx),
      sales: new RowBuffer(INVOICE_SALES, tx, false, session),
      serviceTypes: new RowBuffer(INVOICE_SERVICE_TYPES, tx, false, session),
    };
    const data = (e: RecordedEvent) => e.data as Record<string, string>;
    await escrows.prefetch(
      events.filter((e) => e.type === 'EscrowRefunded').map((e) => data(e).escrowId),
    );
    await b.orders.prefetch([
      ...events.filter((e) => ORDER_TYPES.has(e.type)).map((e) => data(e).orderId),
      ...events.filter((e) => MISSION_TYPES.has(e.type)).map((e) => data(e).missionId),
      ...escrows.touched().map((e) => e.order_id),
    ]);
    await b.sales.prefetch(events.filter((e) => SALE_TYPES.has(e.type)).map(saleIdOf));
    await b.serviceTypes.prefetch(
      events
        .filter((e) => e.type === 'HourPackPurchased' || SERVICE_TYPE_LABEL_TYPES.has(e.type))
        .map((e) => data(e).serviceTypeId),
    );
    const people = events.filter(isPartyEvent).map(partyKey);
    for (const s of b.sales.touched()) people.push(s.account_id);
    for (const o of b.orders.touched()) people.push(o.buyer_id, o.seller_id);
    for (const e of events) {
      if (e.type === 'OrderPlaced') people.push(data(e).buyerId, data(e).sellerId);
      if (e.type === 'MissionRequested') people.push(data(e).clientId);
      if (e.type === 'MissionConfirmed') people.push(data(e).providerId);
      if (e.type === 'SubscriptionStarted') people.push(data(e).accountId);
      if (e.type === 'HourPackPurchased') people.push(data(e).clientId);
      if (e.type === 'ProjectFeeCharged') people.push(data(e).payerId);
    }
    await b.parties.prefetch(people);
    await b.series.prefetch([
      ...new Set([...seriesKeys(events, b.orders, escrows), ...saleSeriesKeys(events)]),
    ]);
    for (const event of events) {
      if (MISSION_TYPES.has(event.type)) await missionInvoicing(b, event);
      else if (SALE_TYPES.has(event.type)) await platformSaleInvoicing(b, event);
      else if (SERVICE_TYPE_LABEL_TYPES.has(event.type)) serviceTypeLabel(b, event);
      else if (event.type === 'OrderPlaced') this.placed(b, escrows, event);
      else if (event.type === 'OrderCompleted' || event.type === 'OrderResolved')
        await this.released(b, event);
      else if (event.type === 'EscrowRefunded') {
        const link = escrows.peek(data(event).escrowId);
        if (link) await this.refunded(b, link.order_id, event);
      } else if (isPartyEvent(event)) {
        const erased = await applyPartyEvent(b.parties, event);
        if (erased) await this.scrub(tx, b, erased.account_id);
      }
    }
    await b.orders.flush();
    await escrows.flush();
    await b.series.flush();
    await b.invoices.flush();
    await b.parties.flush();
    await b.sales.flush();
    await b.serviceTypes.flush();
  }

  private placed(
    b: Batch,
    escrows: RowBuffer<{ escrow_id: string; order_id: string }>,
    event: RecordedEvent,
  ): void {
    const d = event.data as OrderPlaced['data'];
    if (b.orders.peek(d.orderId)) return;
    b.orders.put({
      order_id: d.orderId,
      rev: Number(event.revision),
      escrow_id: d.escrowId,
      escrow_rev: -1,
      buyer_id: d.buyerId,
      seller_id: d.sellerId,
      title: d.source.kind === 'catalog' ? d.source.gigTitle : d.source.title,
      amount_cents: d.amountCents,
      commission_rate_bp: d.commissionRateBp,
      uninvoiced_cents: d.amountCents,
      service_invoiced_cents: 0,
      commission_invoiced_cents: 0,
      last_service_invoice_id: null,
      last_service_number: null,
      last_commission_invoice_id: null,
      last_commission_number: null,
    });
    escrows.put({ escrow_id: d.escrowId, order_id: d.orderId });
  }

  private async released(b: Batch, event: RecordedEvent): Promise<void> {
    const d = event.data as OrderCompleted['data'] | OrderResolved['data'];
    const current = b.orders.peek(d.orderId);
    if (!current || !isNewer(event.revision, current.rev)) return;
    let order: InvoiceOrderRow = { ...current, rev: Number(event.revision) };
    const completed = event.type === 'OrderCompleted';
    const amount = completed
      ? (d as OrderCompleted['data']).amountCents
      : (d as OrderResolved['data']).releasedCents;
    const at = completed
      ? (d as OrderCompleted['data']).completedAt
      : (d as OrderResolved['data']).resolvedAt;
    if (amount > 0) {
      const inv = await issueInvoice(b, {
        kind: 'invoice',
        subject: 'service',
        order,
        ttcCents: amount,
        at,
        event,
        description: `Prestation « ${order.title} » (commande ${order.order_id})${completed ? '' : ', part libérée après décision de médiation'}`,
      });
      order = {
        ...order,
        uninvoiced_cents: Math.max(0, order.uninvoiced_cents - amount),
        service_invoiced_cents: order.service_invoiced_cents + amount,
        last_service_invoice_id: inv.invoice_id,
        last_service_number: inv.number,
      };
    }
    if (d.commissionCents > 0) {
      const inv = await issueInvoice(b, {
        kind: 'invoice',
        subject: 'commission',
        order,
        ttcCents: d.commissionCents,
        at,
        event,
        description: `Commission de service (${percentLabel(order.commission_rate_bp)}) sur la commande ${order.order_id} « ${order.title} »`,
      });
      order = {
        ...order,
        commission_invoiced_cents: order.commission_invoiced_cents + d.commissionCents,
        last_commission_invoice_id: inv.invoice_id,
        last_commission_number: inv.number,
      };
    }
    b.orders.put(order);
  }

  private async refunded(b: Batch, orderId: string, event: RecordedEvent): Promise<void> {
    const current = await b.orders.get(orderId);
    if (!current || !isNewer(event.revision, current.escrow_rev)) return;
    let order: InvoiceOrderRow = { ...current, escrow_rev: Number(event.revision) };
    const refund = (event.data as EscrowRefunded['data']).amountCents;
    // Money never invoiced absorbs the refund first; only the rest reverses an invoice.
    const absorbed = Math.min(refund, order.uninvoiced_cents);
    const credited = Math.min(refund - absorbed, order.service_invoiced_cents);
    order = { ...order, uninvoiced_cents: order.uninvoiced_cents - absorbed };
    const at = occurredAt(event);
    if (credited > 0 && order.last_service_invoice_id && order.last_service_number) {
      await issueInvoice(b, {
        kind: 'credit_note',
        subject: 'service',
        order,
        ttcCents: credited,
        at,
        event,
        refersTo: { id: order.last_service_invoice_id, number: order.last_service_number },
        description: `Avoir sur la facture ${order.last_service_number} : remboursement de l’acheteur (commande ${order.order_id})`,
      });
      order = { ...order, service_invoiced_cents: order.service_invoiced_cents - credited };
      const commissionDue = percentOf(order.service_invoiced_cents, order.commission_rate_bp);
      const commissionCredit = order.commission_invoiced_cents - commissionDue;
      if (
        commissionCredit > 0 &&
        order.last_commission_invoice_id &&
        order.last_commission_number
      ) {
        await issueInvoice(b, {
          kind: 'credit_note',
          subject: 'commission',
          order,
          ttcCents: commissionCredit,
          at,
          event,
          refersTo: { id: order.last_commission_invoice_id, number: order.last_commission_number },
          description: `Avoir sur la facture ${order.last_commission_number} : commission sur le montant remboursé (commande ${order.order_id})`,
        });
        order = { ...order, commission_invoiced_cents: commissionDue };
      }
    }
    b.orders.put(order);
  }

  /** Erasure reaches issued invoices too: a rebuild after the key is destroyed could not read the names either. */
  private async scrub(tx: PoolClient, b: Batch, accountId: string): Promise<void> {
    await b.invoices.flush();
    await tx.query(
      'UPDATE invoices SET issuer_name = NULL, issuer_address = NULL WHERE issuer_account_id = $1',
      [accountId],
    );
    await tx.query(
      'UPDATE invoices SET recipient_name = NULL, recipient_address = NULL WHERE recipient_account_id = $1',
      [accountId],
    );
  }
}
