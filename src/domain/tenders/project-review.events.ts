import { DomainEvent, EventVersions } from '../shared';

/**
 * Reviews both ways on a finished project (seed 003: "Je veux noter mon client/mon prestataire sur
 * un projet finalisé"), one stream per project `project_review-<projectId>`: the client rates the
 * provider and the provider rates the client, once each, never edited. A client's review counts
 * towards the provider's certification by reputation.
 */
export const PROJECT_REVIEW_CATEGORY = 'project_review';
export const projectReviewStream = (projectId: string): string =>
  `${PROJECT_REVIEW_CATEGORY}-${projectId}`;

/** Who wrote the review: the client about the provider, or the provider about the client. */
export const REVIEW_AUTHORS = ['client', 'provider'] as const;
export type ReviewAuthor = (typeof REVIEW_AUTHORS)[number];

export type ProjectReviewGiven = DomainEvent<
  'ProjectReviewGiven',
  {
    projectId: string;
    author: ReviewAuthor;
    authorId: string;
    /** The party rated: the provider for a client's review, the client for a provider's. */
    subjectId: string;
    /** 1 to 5 stars. */
    rating: number;
    comment: string | null;
    reviewedAt: string;
  }
>;

export type ProjectReviewEvent = ProjectReviewGiven;

export const PROJECT_REVIEW_EVENT_VERSIONS: EventVersions<ProjectReviewEvent['type']> = {
  ProjectReviewGiven: 1,
};
