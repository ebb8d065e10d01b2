import { Inject, Injectable } from '@nestjs/common';
import { disputeDecider } from '../../domain/disputes';
import {
  eventsNameFile,
  FileAccessPolicy,
  FileViewer,
  isFileStaff,
} from '../files/file-references.contract';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { disputeStream } from './dispute.messages';

/** The events that attach evidence to a dispute, and their field. */
const ATTACHING = { DisputeOpened: 'evidenceRefs', DisputeStatementAdded: 'evidenceRefs' };

/** Evidence is readable by the dispute's parties and mediation staff once the dispute's events name it. */
@Injectable()
export class DisputeFileAccess implements FileAccessPolicy {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async mayRead(disputeId: string, fileId: string, viewer: FileViewer): Promise<boolean> {
    const { events } = await loadAggregate(this.store, disputeStream(disputeId), disputeDecider);
    if (!eventsNameFile(events, ATTACHING, fileId)) return false;
    const opened = events.find((e) => e.type === 'DisputeOpened')?.data as
      { buyerId: string; sellerId: string } | undefined;
    return (
      viewer.accountId === opened?.buyerId ||
      viewer.accountId === opened?.sellerId ||
      isFileStaff(viewer)
    );
  }
}
