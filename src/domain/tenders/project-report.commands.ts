import type { Command } from '../shared';
import type { ProjectStanding } from './offer.commands';
import type { ReportMessageKind } from './project-report.events';

/** What the handler found out before deciding: the project, and whether the author holds the "offre" credit. */
export interface ReportAccess {
  project: ProjectStanding;
  /** The author (a provider) spent their "offre" credit on this project. */
  offerCreditSpent: boolean;
}

export type PostProjectMessage = Command<
  'PostProjectMessage',
  {
    messageId: string;
    projectId: string;
    kind: ReportMessageKind;
    text: unknown;
    fileIds: string[];
    access: ReportAccess;
  }
>;

export type ProjectReportCommand = PostProjectMessage;
