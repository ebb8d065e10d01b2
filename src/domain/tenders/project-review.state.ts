import type { ProjectReviewEvent, ReviewAuthor } from './project-review.events';

export interface GivenReview {
  authorId: string;
  subjectId: string;
  rating: number;
  comment: string | null;
  reviewedAt: string;
}

/** `open` until both parties reviewed, then `complete`. */
export interface ProjectReviewState {
  status: 'open' | 'complete';
  reviews: Partial<Record<ReviewAuthor, GivenReview>>;
}

export function initialState(): ProjectReviewState {
  return { status: 'open', reviews: {} };
}

/** Total, never throws: a second review by the same side is ignored. */
export function evolve(state: ProjectReviewState, event: ProjectReviewEvent): ProjectReviewState {
  switch (event.type) {
    case 'ProjectReviewGiven': {
      const { author, authorId, subjectId, rating, comment, reviewedAt } = event.data;
      if (state.reviews[author]) return state;
      const reviews = {
        ...state.reviews,
        [author]: { authorId, subjectId, rating, comment, reviewedAt },
      };
      return { status: reviews.client && reviews.provider ? 'complete' : 'open', reviews };
    }
    default:
      event.type satisfies never;
      return state;
  }
}
