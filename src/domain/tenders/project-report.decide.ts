import { assertNever, type Decider } from '../shared';
import { assertProject, boundedText } from './offer.guards';
import type { PostProjectMessage, ProjectReportCommand } from './project-report.commands';
import {
  offerCreditRequired,
  questionsByProviders,
  REPORT_RULES,
  reportClosed,
  reportInvalidText,
  reportNotAParticipant,
  reportTooManyFiles,
} from './project-report.errors';
import type { ProjectReportEvent, ReportAuthorRole } from './project-report.events';

/** The report as its decider needs it: the messages already posted (a replayed id is a no-op). */
export interface ProjectReportState {
  messageIds: string[];
}

export const initialReport = (): ProjectReportState => ({ messageIds: [] });

export function evolveReport(
  state: ProjectReportState,
  event: ProjectReportEvent,
): ProjectReportState {
  switch (event.type) {
    case 'ProjectMessagePosted':
      return state.messageIds.includes(event.data.messageId)
        ? state
        : { messageIds: [...state.messageIds, event.data.messageId] };
    default:
      event.type satisfies never;
      return state;
  }
}

function post({ data, meta }: PostProjectMessage, state: ProjectReportState): ProjectReportEvent[] {
  if (state.messageIds.includes(data.messageId)) return [];
  const { project } = data.access;
  assertProject(data.projectId, project, data.kind === 'question');
  if (project.status === 'withdrawn' || project.status === 'finished')
    throw reportClosed(data.projectId, project.status);
  let authorRole: ReportAuthorRole;
  if (meta.actorId === project.clientId) {
    if (data.kind === 'question') throw questionsByProviders(data.projectId);
    authorRole = 'client';
  } else if (meta.actorRole === 'provider') {
    if (!data.access.offerCreditSpent) throw offerCreditRequired(data.projectId);
    authorRole = 'provider';
  } else throw reportNotAParticipant(data.projectId);
  const text = boundedText(data.text, REPORT_RULES.minTextLength, REPORT_RULES.maxTextLength);
  if (text === null) throw reportInvalidText();
  const fileIds = [...new Set(data.fileIds)];
  if (fileIds.length > REPORT_RULES.maxFiles) throw reportTooManyFiles();
  return [
    {
      type: 'ProjectMessagePosted',
      data: {
        messageId: data.messageId,
        projectId: data.projectId,
        authorId: meta.actorId,
        authorRole,
        kind: data.kind,
        text,
        fileIds,
        postedAt: meta.now,
      },
    },
  ];
}

export function decideReport(
  command: ProjectReportCommand,
  state: ProjectReportState,
): ProjectReportEvent[] {
  switch (command.type) {
    case 'PostProjectMessage':
      return post(command, state);
    default:
      return assertNever(command.type);
  }
}

export const projectReportDecider: Decider<
  ProjectReportCommand,
  ProjectReportState,
  ProjectReportEvent
> = { decide: decideReport, evolve: evolveReport, initialState: initialReport };
