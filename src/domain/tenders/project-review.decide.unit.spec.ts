import { DeciderSpecification } from '../../../test/support/decider-spec';
import type { ActorRole } from '../shared';
import type { ProjectReviewCommand, ReviewedProject } from './project-review.commands';
import type { ProjectReviewGiven } from './project-review.events';
import { projectReviewDecider } from './index';

const spec = DeciderSpecification.for(projectReviewDecider);
const NOW = '2026-06-01T10:00:00.000Z';
const FINISHED: ReviewedProject = {
  status: 'finished',
  clientId: 'client-1',
  providerId: 'provider-1',
};

const give = (
  role: ActorRole,
  actorId: string,
  data: Partial<Extract<ProjectReviewCommand, { type: 'GiveProjectReview' }>['data']> = {},
): ProjectReviewCommand => ({
  type: 'GiveProjectReview',
  data: { projectId: 'project-1', rating: 5, comment: 'Parfait', project: FINISHED, ...data },
  meta: { now: NOW, actorId, actorRole: role },
});

const given = (author: 'client' | 'provider'): ProjectReviewGiven => ({
  type: 'ProjectReviewGiven',
  data: {
    projectId: 'project-1',
    author,
    authorId: author === 'client' ? 'client-1' : 'provider-1',
    subjectId: author === 'client' ? 'provider-1' : 'client-1',
    rating: 5,
    comment: 'Parfait',
    reviewedAt: NOW,
  },
});

describe('Project reviews: a finished project', () => {
  it('takes the client’s review of the provider', () => {
    spec
      .given([])
      .when(give('client', 'client-1'))
      .then([given('client')]);
  });

  it('takes the provider’s review of the client', () => {
    spec
      .given([given('client')])
      .when(give('provider', 'provider-1'))
      .then([given('provider')]);
    expect(spec.given([given('client'), given('provider')]).state().status).toBe('complete');
  });

  it('takes one review per side, never edited (409)', () => {
    spec
      .given([given('client')])
      .when(give('client', 'client-1', { rating: 1 }))
      .thenThrows('PROJECT_ALREADY_REVIEWED', { author: 'client' });
  });

  it.each([0, 6, 4.5, '5', null])('refuses a rating of %p (400)', (rating) => {
    spec
      .given([])
      .when(give('client', 'client-1', { rating }))
      .thenThrows('PROJECT_REVIEW_INVALID_RATING');
  });

  it('refuses a comment over 2000 characters and stores a blank one as null', () => {
    spec
      .given([])
      .when(give('client', 'client-1', { comment: 'x'.repeat(2001) }))
      .thenThrows('PROJECT_REVIEW_COMMENT_TOO_LONG');
    spec
      .given([])
      .when(give('client', 'client-1', { comment: '  ' }))
      .thenMatches(([e]) => expect(e.data.comment).toBeNull());
  });

  it('refuses anyone but its client and its provider', () => {
    spec.given([]).when(give('client', 'client-2')).thenThrows('NOT_A_PARTY');
    spec.given([]).when(give('provider', 'provider-2')).thenThrows('NOT_A_PARTY');
    spec.given([]).when(give('provider', 'client-1')).thenThrows('NOT_A_PARTY');
  });
});

describe('Project reviews: a project not finished', () => {
  it.each(['open', 'selected', 'signed', 'withdrawn'])(
    'refuses a review while %s (409)',
    (status) => {
      spec
        .given([])
        .when(give('client', 'client-1', { project: { ...FINISHED, status } }))
        .thenThrows('PROJECT_NOT_FINISHED', { currentStatus: status });
    },
  );

  it('answers 404 for an unknown project', () => {
    spec
      .given([])
      .when(give('client', 'client-1', { project: null }))
      .thenThrows('PROJECT_NOT_FOUND');
  });
});
