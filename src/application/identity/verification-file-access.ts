import { Inject, Injectable } from '@nestjs/common';
import { verificationDecider } from '../../domain/identity';
import { FileAccessPolicy, FileViewer, partiesMayRead } from '../files/file-references.contract';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { verificationStream } from './verification.messages';

const ATTACHING = { DocumentSubmitted: 'uploadRef' };

/** A verification document is readable by its provider and the staff who review documents. */
@Injectable()
export class VerificationFileAccess implements FileAccessPolicy {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async mayRead(providerId: string, fileId: string, viewer: FileViewer): Promise<boolean> {
    const { events } = await loadAggregate(
      this.store,
      verificationStream(providerId),
      verificationDecider,
    );
    return partiesMayRead(events, ATTACHING, fileId, viewer, [providerId]);
  }
}
