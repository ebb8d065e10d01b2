import { Inject, Injectable } from '@nestjs/common';
import { orderDecider } from '../../domain/orders';
import { FileAccessPolicy, FileViewer, partiesMayRead } from '../files/file-references.contract';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { orderStream } from './order.messages';

const ATTACHING = { OrderDelivered: 'fileRefs', OrderMessagePosted: 'fileRefs' };

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
    return partiesMayRead(events, ATTACHING, fileId, viewer, [
      state.order.buyerId,
      state.order.sellerId,
    ]);
  }
}
