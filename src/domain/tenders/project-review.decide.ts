import { assertNever } from '../shared';
import type { GiveProjectReview, ProjectReviewCommand } from './project-review.commands';
import {
  alreadyReviewed,
  commentTooLong,
  invalidRating,
  notAParty,
  notFinished,
  PROJECT_REVIEW_COMMENT_MAX_LENGTH,
  projectNotFound,
} from './project-review.errors';
import type { ProjectReviewEvent } from './project-review.events';
import type { ProjectReviewState } from './project-review.state';

function give({ data, meta }: GiveProjectReview, state: ProjectReviewState): ProjectReviewEvent[] {
  const project = data.project;
  if (!project || project.status === 'none') throw projectNotFound(data.projectId);
  const author =
    meta.actorRole === 'client' && meta.actorId === project.clientId
      ? 'client'
      : meta.actorRole === 'provider' && meta.actorId === project.providerId
        ? 'provider'
        : null;
  if (!author) throw notAParty();
  if (project.status !== 'finished') throw notFinished(project.status);
  const rating = data.rating;
  if (typeof rating !== 'number' || !Number.isInteger(rating) || rating < 1 || rating > 5)
    throw invalidRating();
  let comment: string | null = null;
  if (data.comment !== undefined && data.comment !== null) {
    if (typeof data.comment !== 'string') throw commentTooLong();
    comment = data.comment.trim() || null;
    if (comment && comment.length > PROJECT_REVIEW_COMMENT_MAX_LENGTH) throw commentTooLong();
  }
  const earlier = state.reviews[author];
  if (earlier) throw alreadyReviewed(author, earlier.reviewedAt);
  const subjectId = author === 'client' ? project.providerId! : project.clientId;
  return [
    {
      type: 'ProjectReviewGiven',
      data: {
        projectId: data.projectId,
        author,
        authorId: meta.actorId,
        subjectId,
        rating,
        comment,
        reviewedAt: meta.now,
      },
    },
  ];
}

export function decide(
  command: ProjectReviewCommand,
  state: ProjectReviewState,
): ProjectReviewEvent[] {
  switch (command.type) {
    case 'GiveProjectReview':
      return give(command, state);
    default:
      return assertNever(command.type);
  }
}
