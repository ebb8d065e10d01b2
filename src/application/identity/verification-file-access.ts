import { Inject, Injectable } from '@nestjs/common';
import { FileAccessPolicy, FileViewer, isFileStaff } from '../files/file-references.contract';
import { EVENT_STORE, EventStore, StreamNotFoundError } from '../shared/event-store.port';
import { verificationStream } from './verification.messages';

/** A verification document is readable by its provider and the staff who review documents. */
@Injectable()
export class VerificationFileAccess implements FileAccessPolicy {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async mayRead(providerId: string, fileId: string, viewer: FileViewer): Promise<boolean> {
    if (viewer.accountId !== providerId && !isFileStaff(viewer)) return false;
    const events = await this.store
      .readStream(verificationStream(providerId))
      .catch((error: unknown) => {
        if (error instanceof StreamNotFoundError) return [];
        throw error;
      });
    return events.some(
      (e) =>
        e.type === 'DocumentSubmitted' && (e.data as { uploadRef?: unknown }).uploadRef === fileId,
    );
  }
}
