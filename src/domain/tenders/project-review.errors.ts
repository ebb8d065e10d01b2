import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '../shared';

export const ProjectReviewErrorCode = {
  // 400
  INVALID_RATING: 'PROJECT_REVIEW_INVALID_RATING',
  COMMENT_TOO_LONG: 'PROJECT_REVIEW_COMMENT_TOO_LONG',
  // 403 (answered 404 to an outsider)
  NOT_A_PARTY: 'NOT_A_PARTY',
  // 404
  PROJECT_NOT_FOUND: 'PROJECT_NOT_FOUND',
  // 409
  NOT_FINISHED: 'PROJECT_NOT_FINISHED',
  ALREADY_REVIEWED: 'PROJECT_ALREADY_REVIEWED',
} as const;

export const PROJECT_REVIEW_COMMENT_MAX_LENGTH = 2000;

const C = ProjectReviewErrorCode;

export const invalidRating = () =>
  new ValidationError(C.INVALID_RATING, 'The rating is a whole number of stars from 1 to 5', {
    field: 'rating',
  });

export const commentTooLong = () =>
  new ValidationError(
    C.COMMENT_TOO_LONG,
    `The comment is at most ${PROJECT_REVIEW_COMMENT_MAX_LENGTH} characters`,
    { field: 'comment', maxLength: PROJECT_REVIEW_COMMENT_MAX_LENGTH },
  );

export const notAParty = () =>
  new ForbiddenError(C.NOT_A_PARTY, 'Only the client and the selected provider review a project');

export const projectNotFound = (projectId: string) =>
  new NotFoundError(C.PROJECT_NOT_FOUND, 'No project under this id', { projectId });

export const notFinished = (currentStatus: string) =>
  new IllegalStateError(C.NOT_FINISHED, 'A project is reviewed once it is finished', {
    currentStatus,
  });

export const alreadyReviewed = (author: string, reviewedAt: string) =>
  new IllegalStateError(C.ALREADY_REVIEWED, 'You have already reviewed this project', {
    author,
    reviewedAt,
    currentStatus: 'reviewed',
  });
