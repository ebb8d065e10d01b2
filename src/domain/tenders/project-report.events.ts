import { DomainEvent, EventVersions } from '../shared';

/**
 * A project's report (seed 003 "rapport du projet"): the written questions and the messages with
 * their files between the client and the providers, one stream per project
 * `project_report-<projectId>`. The brief and the offers live in their own streams; the report
 * view joins them.
 */
export const PROJECT_REPORT_CATEGORY = 'project_report';
export const projectReportStream = (projectId: string): string =>
  `${PROJECT_REPORT_CATEGORY}-${projectId}`;

export const REPORT_AUTHOR_ROLES = ['client', 'provider'] as const;
export type ReportAuthorRole = (typeof REPORT_AUTHOR_ROLES)[number];

/** `question`: a provider's written question to the client; `message`: anything else said on the report. */
export const REPORT_MESSAGE_KINDS = ['question', 'message'] as const;
export type ReportMessageKind = (typeof REPORT_MESSAGE_KINDS)[number];

export type ProjectMessagePosted = DomainEvent<
  'ProjectMessagePosted',
  {
    messageId: string;
    projectId: string;
    authorId: string;
    authorRole: ReportAuthorRole;
    kind: ReportMessageKind;
    text: string;
    /** Uploads of the author with the purpose `message_attachment`. */
    fileIds: string[];
    postedAt: string;
  }
>;

export type ProjectReportEvent = ProjectMessagePosted;

export const PROJECT_REPORT_EVENT_VERSIONS: EventVersions<ProjectReportEvent['type']> = {
  ProjectMessagePosted: 1,
};
