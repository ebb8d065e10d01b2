import { Inject, Injectable } from '@nestjs/common';
import { orderDecider } from '../../domain/orders';
import type { FileAccessPolicy, FileViewer } from '../files/file-references.contract';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { orderStream } from './order.messages';

/** Events whose `fileRefs` attach files to the order. */
const ATTACHING = new Set(['OrderDelivered', 'OrderMessagePosted']);
/** Staff who may open an order's files: mediation reads deliveries and attachments to arbitrate. */
const FILE_STAFF = ['mediator', 'admin'];

/**
 * A deliverable or a message attachment is readable by the order's buyer and seller (and mediation
 * staff) once the order's own events name it; an attachment row for a refused command grants nothing.
 */
@Injectable()
export class OrderFileAccess implements FileAccessPolicy {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async mayRead(orderId: string, fileId: string, viewer: FileViewer): Promise<boolean> {
    const { state, events } = await loadAggregate(this.store, orderStream(orderId), orderDecider);
    if (state.status === 'none') return false;
    const named = events.some(
      (e) => ATTACHING.has(e.type) && ((e.data as { fileRefs?: unknown }).fileRefs as string[] | undefined)?.includes(fileId),
    );
    if (!named) return false;
    const { buyerId, sellerId } = state.order;
    return viewer.accountId === buyerId || viewer.accountId === sellerId || viewer.roles.some((r) => FILE_STAFF.includes(r));
  }
}
