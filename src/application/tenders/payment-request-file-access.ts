import { Inject, Injectable } from '@nestjs/common';
import { paymentRequestDecider, type PaymentRequestSubmitted } from '../../domain/tenders';
import { FileAccessPolicy, FileViewer, isFileStaff } from '../files/file-references.contract';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { paymentRequestStream } from './payment-request.messages';

/** Finance (and file staff) read every invoice a payment request named; the provider owns it anyway. */
@Injectable()
export class PaymentRequestFileAccess implements FileAccessPolicy {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async mayRead(requestId: string, fileId: string, viewer: FileViewer): Promise<boolean> {
    if (!viewer.roles.includes('finance') && !isFileStaff(viewer)) return false;
    const { events } = await loadAggregate(
      this.store,
      paymentRequestStream(requestId),
      paymentRequestDecider,
    );
    return events.some(
      (e) =>
        e.type === 'PaymentRequestSubmitted' &&
        (e.data as PaymentRequestSubmitted['data']).invoiceFileId === fileId,
    );
  }
}
