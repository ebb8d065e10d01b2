import type { Command } from '../shared';
import type { ProjectStatus } from './project.state';

/**
 * What the project's stream says when an offer command is decided: the handler folds
 * `project-<projectId>` and the offer decider only checks it (an offer is made and edited only
 * while the project is open; only its client reads it).
 */
export interface ProjectStanding {
  status: ProjectStatus;
  /** Null while the project does not exist. */
  clientId: string | null;
}

export interface OfferTerms {
  amountCents: unknown;
  delayDays: unknown;
  message: unknown;
}

/** A provider makes their one offer on an open project (after spending an "offre" credit). */
export type MakeOffer = Command<
  'MakeOffer',
  { offerId: string; projectId: string; providerId: string; project: ProjectStanding } & OfferTerms
>;

/** The author changes the amount, delay or message while the project is still open (free). */
export type EditOffer = Command<
  'EditOffer',
  { offerId: string; projectId: string; project: ProjectStanding } & OfferTerms
>;

/** The project's client opened the offer: a read receipt for the current revision. */
export type MarkOfferRead = Command<
  'MarkOfferRead',
  { offerId: string; projectId: string; project: ProjectStanding }
>;

export type OfferCommand = MakeOffer | EditOffer | MarkOfferRead;
