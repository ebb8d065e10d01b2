import { Inject, Injectable } from '@nestjs/common';
import { projectReportStream } from '../../domain/tenders';
import { FileAccessPolicy, FileViewer, partiesMayRead } from '../files/file-references.contract';
import { CREDIT_SPENDING, type CreditSpending } from '../plans/credits.port';
import { EVENT_STORE, EventStore, StreamNotFoundError } from '../shared/event-store.port';
import { loadProject } from './project-standing';

/**
 * A file on a project's report (`project_report`, subject the project) is read by those who read
 * the report in full: its client, the providers who spent their "consultation" credit, the file's
 * author, and file staff. The report's own events must name the file.
 */
@Injectable()
export class ReportFileAccess implements FileAccessPolicy {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CREDIT_SPENDING) private readonly credits: CreditSpending,
  ) {}

  async mayRead(projectId: string, fileId: string, viewer: FileViewer): Promise<boolean> {
    let events;
    try {
      events = await this.store.readStream(projectReportStream(projectId));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return false;
      throw error;
    }
    const project = await loadProject(this.store, projectId);
    const authors = events
      .filter((e) => ((e.data as { fileIds?: string[] }).fileIds ?? []).includes(fileId))
      .map((e) => (e.data as { authorId: string }).authorId);
    const consulted = await this.credits.hasSpent(viewer.accountId, 'consultation', {
      type: 'project',
      id: projectId,
    });
    const parties = [project.brief?.clientId, ...authors, consulted ? viewer.accountId : undefined];
    return partiesMayRead(events, { ProjectMessagePosted: 'fileIds' }, fileId, viewer, parties);
  }
}
