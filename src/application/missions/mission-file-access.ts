import { Inject, Injectable } from '@nestjs/common';
import { missionDecider } from '../../domain/missions';
import { FileAccessPolicy, FileViewer, partiesMayRead } from '../files/file-references.contract';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { missionStream } from './mission.messages';

const ATTACHING = { MissionMessagePosted: 'fileRefs' };

/**
 * A message attachment is readable by the mission's client and confirmed provider (before any
 * confirmation, by the providers the request went to, who read the conversation), and by
 * mediation staff, once the mission's own events name it.
 */
@Injectable()
export class MissionFileAccess implements FileAccessPolicy {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async mayRead(missionId: string, fileId: string, viewer: FileViewer): Promise<boolean> {
    const { state, events } = await loadAggregate(
      this.store,
      missionStream(missionId),
      missionDecider,
    );
    if (state.status === 'none') return false;
    const provider = 'provider' in state ? state.provider : null;
    const providers = provider ? [provider.providerId] : state.candidates.map((c) => c.providerId);
    return partiesMayRead(events, ATTACHING, fileId, viewer, [state.clientId, ...providers]);
  }
}
