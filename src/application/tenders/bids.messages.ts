import {
  projectOfferStream,
  projectReportStream,
  type OfferCommand,
  type ProjectReportCommand,
} from '../../domain/tenders';
import { AggregateCommandMessage } from '../shared/aggregate-command';

/**
 * Published contract: an OfferCommand for `project_offer-<offerId>`. The handler fills the
 * command's `project` standing from `project-<projectId>` at each retry, so a caller may pass
 * `{ status: 'none', clientId: null }`.
 */
export class OfferCommandMessage extends AggregateCommandMessage<OfferCommand> {}

/**
 * Published contract: a ProjectReportCommand for `project_report-<projectId>`; the handler fills
 * `access` (the project's standing, whether the author spent their "offre" credit).
 */
export class ProjectReportCommandMessage extends AggregateCommandMessage<ProjectReportCommand> {}

export const offerStream = projectOfferStream;
export const reportStream = projectReportStream;

/** A standing to fill: the handlers read the real one. */
export const UNKNOWN_PROJECT = { status: 'none' as const, clientId: null };
