import { DeciderSpecification } from '../../../test/support/decider-spec';
import type { ActorRole } from '../shared';
import type { ProjectReportCommand, ReportAccess } from './project-report.commands';
import type { ProjectMessagePosted } from './project-report.events';
import {
  CLIENT_ID,
  NOW,
  OPEN,
  OTHER_PROVIDER_ID,
  PROJECT_ID,
  PROVIDER_ID,
  standing,
} from './offer.fixtures.spec';
import { projectReportDecider } from './index';

const spec = DeciderSpecification.for(projectReportDecider);
const FILE = '2b0b7a63-2a3e-4d55-9a55-6f0b9f7d3c11';

const post = (
  data: Partial<Extract<ProjectReportCommand, { type: 'PostProjectMessage' }>['data']> = {},
  actorId = PROVIDER_ID,
  actorRole: ActorRole = 'provider',
  access: Partial<ReportAccess> = {},
): ProjectReportCommand => ({
  type: 'PostProjectMessage',
  data: {
    messageId: 'm-1',
    projectId: PROJECT_ID,
    kind: 'question',
    text: '  Le cahier des charges inclut-il la version anglaise ?  ',
    fileIds: [FILE, FILE],
    access: { project: OPEN, offerCreditSpent: true, ...access },
    ...data,
  },
  meta: { now: NOW, actorId, actorRole },
});

const question: ProjectMessagePosted = {
  type: 'ProjectMessagePosted',
  data: {
    messageId: 'm-1',
    projectId: PROJECT_ID,
    authorId: PROVIDER_ID,
    authorRole: 'provider',
    kind: 'question',
    text: 'Le cahier des charges inclut-il la version anglaise ?',
    fileIds: [FILE],
    postedAt: NOW,
  },
};

describe('Project report: a provider', () => {
  it('asks a written question with a file, holding the "offre" credit', () => {
    spec.given([]).when(post()).then([question]);
  });

  it('without the "offre" credit writes nothing (403 OFFER_CREDIT_REQUIRED)', () => {
    spec
      .given([])
      .when(post({ kind: 'message' }, PROVIDER_ID, 'provider', { offerCreditSpent: false }))
      .thenThrows('OFFER_CREDIT_REQUIRED', { creditKind: 'offer' });
  });

  it('asks questions only while the project is open, but may still write after a selection', () => {
    spec
      .given([])
      .when(post({}, PROVIDER_ID, 'provider', { project: standing('selected') }))
      .thenThrows('PROJECT_NOT_OPEN');
    spec
      .given([])
      .when(post({ kind: 'message' }, PROVIDER_ID, 'provider', { project: standing('signed') }))
      .thenMatches(([e]) => expect(e.data).toMatchObject({ kind: 'message' }));
  });

  it('posting the same message id again is a replay', () => {
    spec.given([question]).when(post()).then([]);
  });

  it('refuses an empty or too long text and more than 10 files', () => {
    spec
      .given([])
      .when(post({ text: '   ' }))
      .thenThrows('REPORT_INVALID_TEXT');
    spec
      .given([])
      .when(post({ text: 'x'.repeat(5001) }))
      .thenThrows('REPORT_INVALID_TEXT');
    const many = Array.from({ length: 11 }, (_, i) => `f-${i}`);
    spec
      .given([])
      .when(post({ fileIds: many }))
      .thenThrows('REPORT_TOO_MANY_FILES');
  });
});

describe('Project report: the client', () => {
  it('writes to everyone on the report, without any credit', () => {
    spec
      .given([])
      .when(post({ kind: 'message' }, CLIENT_ID, 'client', { offerCreditSpent: false }))
      .thenMatches(([e]) =>
        expect(e.data).toMatchObject({ authorRole: 'client', authorId: CLIENT_ID }),
      );
  });

  it('asks no question (the client answers with a message)', () => {
    spec
      .given([])
      .when(post({}, CLIENT_ID, 'client'))
      .thenThrows('REPORT_QUESTIONS_BY_PROVIDERS');
  });
});

describe('Project report: others and closed projects', () => {
  it('refuses another client or staff', () => {
    spec
      .given([])
      .when(post({ kind: 'message' }, OTHER_PROVIDER_ID, 'client'))
      .thenThrows('REPORT_NOT_A_PARTICIPANT');
  });

  it.each(['withdrawn', 'finished'] as const)('takes no message on a %s project', (status) => {
    spec
      .given([])
      .when(post({ kind: 'message' }, CLIENT_ID, 'client', { project: standing(status) }))
      .thenThrows('PROJECT_REPORT_CLOSED', { currentStatus: status });
  });

  it('refuses an unknown project', () => {
    spec
      .given([])
      .when(post({ kind: 'message' }, CLIENT_ID, 'client', { project: standing('none') }))
      .thenThrows('PROJECT_NOT_FOUND');
  });
});
