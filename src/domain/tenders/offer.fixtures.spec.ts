import type { ActorRole } from '../shared';
import type { OfferCommand, ProjectStanding } from './offer.commands';
import type { ProjectOfferEdited, ProjectOfferMade, ProjectOfferRead } from './offer.events';

/** Givens of the offer and report specs (not a test file: jest runs only `*.unit.spec.ts`). */

export const PROJECT_ID = 'project-1';
export const CLIENT_ID = 'client-1';
export const PROVIDER_ID = 'provider-1';
export const OTHER_PROVIDER_ID = 'provider-2';
export const OFFER_ID = 'offer-1';
export const NOW = '2026-03-02T10:00:00.000Z';
export const LATER = '2026-03-03T10:00:00.000Z';
export const MESSAGE = 'Je réalise votre site vitrine en 3 semaines, maquettes comprises.';

export const OPEN: ProjectStanding = { status: 'open', clientId: CLIENT_ID };
export const standing = (status: ProjectStanding['status']): ProjectStanding => ({
  status,
  clientId: status === 'none' ? null : CLIENT_ID,
});

export const meta = (actorId = PROVIDER_ID, actorRole: ActorRole = 'provider', now = NOW) => ({
  now,
  actorId,
  actorRole,
});

type Data<T extends OfferCommand['type']> = Extract<OfferCommand, { type: T }>['data'];

export const make = (data: Partial<Data<'MakeOffer'>> = {}, m = meta()): OfferCommand => ({
  type: 'MakeOffer',
  data: {
    offerId: OFFER_ID,
    projectId: PROJECT_ID,
    providerId: PROVIDER_ID,
    amountCents: 250_000,
    delayDays: 21,
    message: MESSAGE,
    project: OPEN,
    ...data,
  },
  meta: m,
});

export const edit = (
  data: Partial<Data<'EditOffer'>> = {},
  m = meta(PROVIDER_ID, 'provider', LATER),
): OfferCommand => ({
  type: 'EditOffer',
  data: {
    offerId: OFFER_ID,
    projectId: PROJECT_ID,
    amountCents: 220_000,
    delayDays: 18,
    message: MESSAGE,
    project: OPEN,
    ...data,
  },
  meta: m,
});

export const markRead = (
  data: Partial<Data<'MarkOfferRead'>> = {},
  m = meta(CLIENT_ID, 'client', LATER),
): OfferCommand => ({
  type: 'MarkOfferRead',
  data: { offerId: OFFER_ID, projectId: PROJECT_ID, project: OPEN, ...data },
  meta: m,
});

export const made: ProjectOfferMade = {
  type: 'ProjectOfferMade',
  data: {
    offerId: OFFER_ID,
    projectId: PROJECT_ID,
    providerId: PROVIDER_ID,
    amountCents: 250_000,
    delayDays: 21,
    message: MESSAGE,
    madeAt: NOW,
  },
};

export const edited: ProjectOfferEdited = {
  type: 'ProjectOfferEdited',
  data: {
    offerId: OFFER_ID,
    projectId: PROJECT_ID,
    providerId: PROVIDER_ID,
    amountCents: 220_000,
    delayDays: 18,
    message: MESSAGE,
    editedAt: LATER,
  },
};

export const read = (at = LATER): ProjectOfferRead => ({
  type: 'ProjectOfferRead',
  data: { offerId: OFFER_ID, projectId: PROJECT_ID, readBy: CLIENT_ID, readAt: at },
});
