import { Cents, DomainEvent, EventVersions } from '../shared';

/**
 * A provider's offer on a project (seed 003: "faire une offre de réalisation du projet"), one
 * stream per provider and project `project_offer-<offerId>`, the id derived from both
 * (`projectOfferId`). Making it costs the provider an "offre" credit (spent once per provider and
 * project); editing it is free; the client reading it is recorded so the provider sees it.
 */
export const PROJECT_OFFER_CATEGORY = 'project_offer';
export const projectOfferStream = (offerId: string): string =>
  `${PROJECT_OFFER_CATEGORY}-${offerId}`;

export type ProjectOfferMade = DomainEvent<
  'ProjectOfferMade',
  {
    offerId: string;
    projectId: string;
    providerId: string;
    amountCents: Cents;
    delayDays: number;
    message: string;
    madeAt: string;
  }
>;

export type ProjectOfferEdited = DomainEvent<
  'ProjectOfferEdited',
  {
    offerId: string;
    projectId: string;
    providerId: string;
    amountCents: Cents;
    delayDays: number;
    message: string;
    editedAt: string;
  }
>;

/** The client opened the offer (first time, and again after each edit). */
export type ProjectOfferRead = DomainEvent<
  'ProjectOfferRead',
  { offerId: string; projectId: string; readBy: string; readAt: string }
>;

export type ProjectOfferEvent = ProjectOfferMade | ProjectOfferEdited | ProjectOfferRead;

export const PROJECT_OFFER_EVENT_VERSIONS: EventVersions<ProjectOfferEvent['type']> = {
  ProjectOfferMade: 1,
  ProjectOfferEdited: 1,
  ProjectOfferRead: 1,
};

/** An offer as its stream folds: what the client sees and what selection proposes. */
export interface ProjectOfferState {
  offerId: string;
  projectId: string;
  providerId: string;
  amountCents: Cents;
  delayDays: number;
  message: string;
  madeAt: string;
  editedAt: string | null;
  /** The revision the client last read; the offer is "read" when it is the current one. */
  readAt: string | null;
  readCurrent: boolean;
}

export function evolveOffer(
  state: ProjectOfferState | null,
  event: ProjectOfferEvent,
): ProjectOfferState | null {
  switch (event.type) {
    case 'ProjectOfferMade':
      if (state) return state;
      return { ...event.data, editedAt: null, readAt: null, readCurrent: false };
    case 'ProjectOfferEdited':
      if (!state) return state;
      return {
        ...state,
        amountCents: event.data.amountCents,
        delayDays: event.data.delayDays,
        message: event.data.message,
        editedAt: event.data.editedAt,
        readCurrent: false,
      };
    case 'ProjectOfferRead':
      if (!state) return state;
      return { ...state, readAt: event.data.readAt, readCurrent: true };
    default:
      event satisfies never;
      return state;
  }
}
