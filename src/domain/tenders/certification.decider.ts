import type { Decider } from '../shared';
import type { CertificationCommand } from './certification.commands';
import { decide } from './certification.decide';
import type { CertificationEvent } from './certification.events';
import { evolve, initialState, type CertificationState } from './certification.state';
import type { ProjectReviewCommand } from './project-review.commands';
import { decide as decideReview } from './project-review.decide';
import type { ProjectReviewEvent } from './project-review.events';
import {
  evolve as evolveReview,
  initialState as initialReview,
  type ProjectReviewState,
} from './project-review.state';

export const certificationDecider: Decider<
  CertificationCommand,
  CertificationState,
  CertificationEvent
> = { decide, evolve, initialState };

export const projectReviewDecider: Decider<
  ProjectReviewCommand,
  ProjectReviewState,
  ProjectReviewEvent
> = { decide: decideReview, evolve: evolveReview, initialState: initialReview };
