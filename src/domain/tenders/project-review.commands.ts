import type { Command } from '../shared';

/** What the project stream says when the review is decided; the handler reads it. */
export interface ReviewedProject {
  status: string;
  clientId: string;
  providerId: string | null;
}

export type GiveProjectReview = Command<
  'GiveProjectReview',
  { projectId: string; rating: unknown; comment?: unknown; project?: ReviewedProject | null }
>;

export type ProjectReviewCommand = GiveProjectReview;
