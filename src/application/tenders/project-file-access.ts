import { Inject, Injectable } from '@nestjs/common';
import { projectStream, type ProjectPosted } from '../../domain/tenders';
import { FileAccessPolicy, FileViewer, isFileStaff } from '../files/file-references.contract';
import { CREDIT_SPENDING, type CreditSpending } from '../plans/credits.port';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { readStreamOrEmpty } from './project-account.contract';

/**
 * Who reads a project's attachments (the specification): its client, file staff, and a provider
 * who spent a "consultation" credit on the project (seed 003: the credit unlocks the full report).
 * The file must be named by the project's own `ProjectPosted`.
 */
@Injectable()
export class ProjectFileAccess implements FileAccessPolicy {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CREDIT_SPENDING) private readonly credits: CreditSpending,
  ) {}

  async mayRead(projectId: string, fileId: string, viewer: FileViewer): Promise<boolean> {
    const events = await readStreamOrEmpty(this.store, projectStream(projectId));
    const posted = events.find((e) => e.type === 'ProjectPosted') as ProjectPosted | undefined;
    if (!posted || !posted.data.attachmentFileIds.includes(fileId)) return false;
    if (posted.data.clientId === viewer.accountId || isFileStaff(viewer)) return true;
    return this.credits.hasSpent(viewer.accountId, 'consultation', {
      type: 'project',
      id: projectId,
    });
  }
}
