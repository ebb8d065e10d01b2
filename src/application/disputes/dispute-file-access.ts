import { Inject, Injectable } from '@nestjs/common';
import { disputeDecider } from '../../domain/disputes';
import { FileAccessPolicy, FileViewer, partiesMayRead } from '../files/file-references.contract';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { disputeStream } from './dispute.messages';

const ATTACHING = { DisputeOpened: 'evidenceRefs', DisputeStatementAdded: 'evidenceRefs' };

/** Evidence is readable by the dispute's parties and mediation staff once the dispute's events name it. */
@Injectable()
export class DisputeFileAccess implements FileAccessPolicy {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async mayRead(disputeId: string, fileId: string, viewer: FileViewer): Promise<boolean> {
    const { state, events } = await loadAggregate(
      this.store,
      disputeStream(disputeId),
      disputeDecider,
    );
    if (state.status === 'none') return false;
    return partiesMayRead(events, ATTACHING, fileId, viewer, [state.buyerId, state.sellerId]);
  }
}
