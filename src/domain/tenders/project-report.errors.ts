import { ForbiddenError, IllegalStateError, ValidationError } from '../shared';

export const ProjectReportErrorCode = {
  // 400
  INVALID_TEXT: 'REPORT_INVALID_TEXT',
  TOO_MANY_FILES: 'REPORT_TOO_MANY_FILES',
  // 403
  NOT_A_PARTICIPANT: 'REPORT_NOT_A_PARTICIPANT',
  OFFER_CREDIT_REQUIRED: 'OFFER_CREDIT_REQUIRED',
  QUESTIONS_BY_PROVIDERS: 'REPORT_QUESTIONS_BY_PROVIDERS',
  // 409
  REPORT_CLOSED: 'PROJECT_REPORT_CLOSED',
} as const;
export type ProjectReportErrorCode =
  (typeof ProjectReportErrorCode)[keyof typeof ProjectReportErrorCode];

export const REPORT_RULES = { minTextLength: 1, maxTextLength: 5000, maxFiles: 10 } as const;

const C = ProjectReportErrorCode;

export const reportInvalidText = () =>
  new ValidationError(
    C.INVALID_TEXT,
    `The text is ${REPORT_RULES.minTextLength} to ${REPORT_RULES.maxTextLength} characters`,
    { field: 'text', maxLength: REPORT_RULES.maxTextLength },
  );
export const reportTooManyFiles = () =>
  new ValidationError(C.TOO_MANY_FILES, `At most ${REPORT_RULES.maxFiles} distinct files`, {
    field: 'fileIds',
    max: REPORT_RULES.maxFiles,
  });
export const reportNotAParticipant = (projectId: string) =>
  new ForbiddenError(
    C.NOT_A_PARTICIPANT,
    "Only the project's client and providers write on its report",
    { projectId },
  );
export const offerCreditRequired = (projectId: string) =>
  new ForbiddenError(
    C.OFFER_CREDIT_REQUIRED,
    'Writing to the client takes your "offre" credit on this project: make an offer or ask a question first',
    { projectId, creditKind: 'offer' },
  );
export const questionsByProviders = (projectId: string) =>
  new ForbiddenError(
    C.QUESTIONS_BY_PROVIDERS,
    'Questions are asked by providers; the client answers with a message',
    { projectId },
  );
export const reportClosed = (projectId: string, currentStatus: string) =>
  new IllegalStateError(
    C.REPORT_CLOSED,
    'The project is withdrawn or finished: its report takes no more messages',
    { projectId, currentStatus },
  );
