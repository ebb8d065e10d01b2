import { Inject, Injectable } from '@nestjs/common';
import { gigDecider, gigStreamName } from '../../domain/catalog';
import { FileAccessPolicy, FileViewer, isFileStaff } from '../files/file-references.contract';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';

/**
 * A gallery image is readable by anyone while it is in the current gallery of a gig buyers can see
 * (published or paused, as `GET /gigs/{id}`); by its seller and staff while the gig is a draft or archived. An image taken out of the gallery
 * stays its uploader's only.
 */
@Injectable()
export class GigFileAccess implements FileAccessPolicy {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async mayRead(gigId: string, fileId: string, viewer: FileViewer): Promise<boolean> {
    const { state } = await loadAggregate(this.store, gigStreamName(gigId), gigDecider);
    if (state.status === 'none' || !state.details.galleryRefs.includes(fileId)) return false;
    const visible = state.status === 'published' || state.status === 'paused';
    return visible || viewer.accountId === state.sellerId || isFileStaff(viewer);
  }
}
