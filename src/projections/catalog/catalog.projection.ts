import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import type { GigDetails, GigEvent } from '../../domain/catalog';
import type { OrderCompleted, OrderPlaced, OrderReviewed } from '../../domain/orders';
import { occurredAt, Projection, ProjectionSession } from '../runner/projection';
import { isNewer, RowBuffer } from '../runner/row-buffer';
import {
  applyPartyEvent,
  isPartyEvent,
  PARTY_EVENTS,
  partiesBuffer,
  partyKey,
} from '../shared/parties';
import {
  CATALOG_TABLES,
  foldForSearch,
  GIG_ORDERS,
  GigOrderRow,
  GigRow,
  GIGS,
} from './catalog.tables';

export const GIG_EVENT_TYPES = [
  'GigCreated',
  'GigUpdated',
  'GigPublished',
  'GigPaused',
  'GigArchived',
] as const;
const GIG_TYPES = new Set<string>(GIG_EVENT_TYPES);
const ORDER_TYPES = new Set(['OrderPlaced', 'OrderCompleted', 'OrderReviewed']);

function withDetails(row: GigRow, d: GigDetails): GigRow {
  row.title = d.title;
  row.description = d.description;
  row.category = d.category;
  row.keywords = [...d.keywords];
  row.search_text = foldForSearch(
    [d.title, d.keywords.join(' '), d.category, d.description].join(' '),
  );
  row.price_cents = d.priceCents;
  row.vat_cents = d.vatCents;
  row.delivery_days = d.deliveryDays;
  row.extras = d.extras.map((x) => ({
    extraId: x.extraId,
    name: x.name,
    priceCents: x.priceCents,
    deltaDays: x.deltaDays,
  }));
  return row;
}

export function evolveGigRow(
  row: GigRow | undefined,
  event: GigEvent,
  rev: number,
  at: string,
): GigRow | undefined {
  if (event.type === 'GigCreated') {
    if (row) {
      row.rev = rev;
      return row;
    }
    const d = event.data;
    const base: GigRow = {
      gig_id: d.gigId,
      rev,
      seller_id: d.sellerId,
      kind: d.kind,
      status: 'draft',
      title: '',
      description: '',
      category: '',
      keywords: [],
      search_text: '',
      price_cents: 0,
      vat_cents: 0,
      delivery_days: 0,
      extras: [],
      created_at: d.createdAt,
      published_at: null,
      updated_at: at,
      rating_sum: 0,
      rating_count: 0,
      completed_orders: 0,
    };
    return withDetails(base, d.details);
  }
  if (!row) return undefined;
  const next = row;
  next.rev = rev;
  next.updated_at = at;
  if (next.status === 'archived') return next;
  switch (event.type) {
    case 'GigUpdated':
      return withDetails(next, event.data.details);
    case 'GigPublished':
      next.status = 'published';
      next.published_at ??= event.data.publishedAt;
      return next;
    case 'GigPaused':
      next.status = 'paused';
      return next;
    case 'GigArchived':
      next.status = 'archived';
      return next;
    default:
      event satisfies never;
      return next;
  }
}

/** Gig search: published offers with their price, category, keywords and the rating of their orders. */
export class CatalogProjection implements Projection {
  readonly name = 'catalog';
  readonly version = 1;
  readonly handles = [...GIG_EVENT_TYPES, ...ORDER_TYPES, ...PARTY_EVENTS];
  readonly tables = CATALOG_TABLES;

  async handle(
    events: RecordedEvent[],
    tx: PoolClient,
    session?: ProjectionSession,
  ): Promise<void> {
    const gigs = new RowBuffer(GIGS, tx, false, session);
    const links = new RowBuffer(GIG_ORDERS, tx, false, session);
    const parties = partiesBuffer(tx, session);
    const data = (e: RecordedEvent) => e.data as Record<string, string>;
    await links.prefetch(events.filter((e) => ORDER_TYPES.has(e.type)).map((e) => data(e).orderId));
    const gigIds = events.filter((e) => GIG_TYPES.has(e.type)).map((e) => data(e).gigId);
    for (const e of events) {
      const source = e.type === 'OrderPlaced' ? (e.data as OrderPlaced['data']).source : null;
      if (source?.kind === 'catalog') gigIds.push(source.gigId);
    }
    for (const l of links.touched()) gigIds.push(l.gig_id);
    await gigs.prefetch(gigIds);
    await parties.prefetch(events.filter(isPartyEvent).map(partyKey));
    for (const event of events) {
      if (GIG_TYPES.has(event.type)) {
        const row = gigs.peek(data(event).gigId);
        if (row && !isNewer(event.revision, row.rev)) continue;
        const next = evolveGigRow(
          row,
          event as unknown as GigEvent,
          Number(event.revision),
          occurredAt(event),
        );
        if (next) gigs.put(next);
      } else if (ORDER_TYPES.has(event.type)) {
        await this.applyOrderEvent(gigs, links, event);
      } else if (isPartyEvent(event)) {
        await applyPartyEvent(parties, event);
      }
    }
    await gigs.flush();
    await links.flush();
    await parties.flush();
  }

  private async applyOrderEvent(
    gigs: RowBuffer<GigRow>,
    links: RowBuffer<GigOrderRow>,
    event: RecordedEvent,
  ): Promise<void> {
    const rev = Number(event.revision);
    if (event.type === 'OrderPlaced') {
      const d = event.data as OrderPlaced['data'];
      if (d.source.kind !== 'catalog' || links.peek(d.orderId)) return;
      links.put({
        order_id: d.orderId,
        rev,
        gig_id: d.source.gigId,
        reviewed: false,
        completed: false,
      });
      return;
    }
    const d = event.data as OrderCompleted['data'] | OrderReviewed['data'];
    const link = links.peek(d.orderId);
    if (!link || !isNewer(event.revision, link.rev)) return;
    const gig = await gigs.get(link.gig_id);
    link.rev = rev;
    links.put(link);
    if (event.type === 'OrderCompleted' && !link.completed) {
      link.completed = true;
      if (gig) {
        gig.completed_orders += 1;
        gigs.put(gig);
      }
    } else if (event.type === 'OrderReviewed' && !link.reviewed) {
      link.reviewed = true;
      if (gig) {
        gig.rating_sum += (d as OrderReviewed['data']).rating;
        gig.rating_count += 1;
        gigs.put(gig);
      }
    }
  }
}
