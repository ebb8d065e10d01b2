import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import type { CustomRequestEvent, OrderEvent } from '../../domain/orders';
import { occurredAt, Projection, ProjectionSession } from '../runner/projection';
import { isNewer, RowBuffer } from '../runner/row-buffer';
import {
  applyPartyEvent,
  isPartyEvent,
  PARTY_EVENTS,
  partiesBuffer,
  partyKey,
} from '../shared/parties';
import { evolveCustomRequestRow, evolveOrderRow } from './orders.evolve';
import { CUSTOM_REQUESTS, ORDERS, ORDERS_TABLES } from './orders.tables';

export const ORDER_EVENT_TYPES = [
  'OrderPlaced',
  'OrderStarted',
  'OrderDeliveryLate',
  'OrderDelivered',
  'OrderRevisionRequested',
  'OrderCompleted',
  'OrderReviewed',
  'OrderCancellationRequested',
  'OrderCancellationDeclined',
  'OrderCancelled',
  'OrderContested',
  'OrderContestWithdrawn',
  'OrderResolved',
] as const;

export const CUSTOM_REQUEST_EVENT_TYPES = [
  'CustomRequestSubmitted',
  'CustomRequestSellerInvited',
  'CustomRequestAcceptedBySeller',
  'CustomRequestCounterOffered',
  'CustomRequestInvitationExpired',
  'CustomRequestConvertedToOrder',
  'CustomRequestCancelled',
] as const;

const ORDER_TYPES = new Set<string>(ORDER_EVENT_TYPES);
const REQUEST_TYPES = new Set<string>(CUSTOM_REQUEST_EVENT_TYPES);

const idOf = (e: RecordedEvent, field: string): string | undefined => {
  const v = (e.data as Record<string, unknown>)[field];
  return typeof v === 'string' ? v : undefined;
};

/** Buyer and seller dashboards: one row per order and per custom request, plus the names of the parties. */
export class OrdersProjection implements Projection {
  readonly name = 'orders';
  readonly version = 1;
  readonly handles = [...ORDER_EVENT_TYPES, ...CUSTOM_REQUEST_EVENT_TYPES, ...PARTY_EVENTS];
  readonly tables = ORDERS_TABLES;

  async handle(
    events: RecordedEvent[],
    tx: PoolClient,
    session?: ProjectionSession,
  ): Promise<void> {
    const orders = new RowBuffer(ORDERS, tx, false, session);
    const requests = new RowBuffer(CUSTOM_REQUESTS, tx, false, session);
    const parties = partiesBuffer(tx, session);
    await orders.prefetch(
      events.filter((e) => ORDER_TYPES.has(e.type)).map((e) => idOf(e, 'orderId')),
    );
    await requests.prefetch(
      events.filter((e) => REQUEST_TYPES.has(e.type)).map((e) => idOf(e, 'customRequestId')),
    );
    await parties.prefetch(events.filter(isPartyEvent).map(partyKey));
    for (const event of events) {
      const rev = Number(event.revision);
      if (ORDER_TYPES.has(event.type)) {
        const id = idOf(event, 'orderId');
        const row = id ? orders.peek(id) : undefined;
        if (!id || (row && !isNewer(event.revision, row.rev))) continue;
        const next = evolveOrderRow(row, event as unknown as OrderEvent, rev, occurredAt(event));
        if (next) orders.put(next);
      } else if (REQUEST_TYPES.has(event.type)) {
        const id = idOf(event, 'customRequestId');
        const row = id ? requests.peek(id) : undefined;
        if (!id || (row && !isNewer(event.revision, row.rev))) continue;
        const next = evolveCustomRequestRow(
          row,
          event as unknown as CustomRequestEvent,
          rev,
          occurredAt(event),
        );
        if (next) requests.put(next);
      } else if (isPartyEvent(event)) {
        await applyPartyEvent(parties, event);
      }
    }
    await orders.flush();
    await requests.flush();
    await parties.flush();
  }
}
