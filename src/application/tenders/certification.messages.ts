import { createHash, randomBytes } from 'node:crypto';
import {
  certificationStream as certificationStreamOf,
  projectReviewStream as projectReviewStreamOf,
  type CertificationCommand,
  type ProjectReviewCommand,
} from '../../domain/tenders';
import { AggregateCommandMessage } from '../shared/aggregate-command';
import type { CausationContext, HandleOptions } from '../shared/command-handling';

/**
 * Published contract: send a CertificationCommand to `certification-<providerId>`. An add or a
 * resend carries the link's token in clear (`linkToken`): the handler e-mails it to the reference
 * and only its hash enters the log.
 */
export class CertificationCommandMessage extends AggregateCommandMessage<CertificationCommand> {
  constructor(
    providerId: string,
    command: CertificationCommand,
    causation: CausationContext,
    options: HandleOptions = {},
    readonly linkToken?: string,
  ) {
    super(providerId, command, causation, options);
  }
}

/** Send a ProjectReviewCommand to `project_review-<projectId>`; the handler reads the project. */
export class ProjectReviewCommandMessage extends AggregateCommandMessage<ProjectReviewCommand> {}

export const certificationStream = certificationStreamOf;
export const projectReviewStream = projectReviewStreamOf;

/** A link token: 32 random bytes in hex (64 characters), e-mailed once, never stored. */
export const newLinkToken = (): string => randomBytes(32).toString('hex');

export const linkTokenHash = (token: string): string =>
  createHash('sha256').update(token).digest('hex');
