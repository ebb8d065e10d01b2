import { assertNever, type Decider } from '../shared';
import type { EditOffer, MakeOffer, MarkOfferRead, OfferCommand } from './offer.commands';
import {
  offerAlreadyMade,
  offerNotAuthor,
  offerNotFound,
  offerNotProjectClient,
  offerOnOwnProject,
  offerProviderOnly,
} from './offer.errors';
import { evolveOffer, type ProjectOfferEvent, type ProjectOfferState } from './offer.events';
import { assertProject, parseOfferTerms, type ParsedOfferTerms } from './offer.guards';

const sameTerms = (state: ProjectOfferState, terms: ParsedOfferTerms) =>
  state.amountCents === terms.amountCents &&
  state.delayDays === terms.delayDays &&
  state.message === terms.message;

function make({ data, meta }: MakeOffer, state: ProjectOfferState | null): ProjectOfferEvent[] {
  if (meta.actorRole !== 'provider' || meta.actorId !== data.providerId) throw offerProviderOnly();
  const terms = parseOfferTerms(data);
  // A replay of the same offer (the POST retried after its spend) changes nothing.
  if (state) {
    if (sameTerms(state, terms)) return [];
    throw offerAlreadyMade(state.offerId);
  }
  assertProject(data.projectId, data.project, true);
  if (data.project.clientId === data.providerId) throw offerOnOwnProject(data.projectId);
  return [
    {
      type: 'ProjectOfferMade',
      data: {
        offerId: data.offerId,
        projectId: data.projectId,
        providerId: data.providerId,
        ...terms,
        madeAt: meta.now,
      },
    },
  ];
}

function edit({ data, meta }: EditOffer, state: ProjectOfferState | null): ProjectOfferEvent[] {
  if (!state) throw offerNotFound(data.projectId);
  if (meta.actorId !== state.providerId) throw offerNotAuthor(state.offerId);
  const terms = parseOfferTerms(data);
  assertProject(data.projectId, data.project, true);
  if (sameTerms(state, terms)) return [];
  return [
    {
      type: 'ProjectOfferEdited',
      data: {
        offerId: state.offerId,
        projectId: state.projectId,
        providerId: state.providerId,
        ...terms,
        editedAt: meta.now,
      },
    },
  ];
}

function read({ data, meta }: MarkOfferRead, state: ProjectOfferState | null): ProjectOfferEvent[] {
  assertProject(data.projectId, data.project, false);
  if (meta.actorId !== data.project.clientId) throw offerNotProjectClient(data.projectId);
  if (!state) throw offerNotFound(data.projectId);
  if (state.readCurrent) return [];
  return [
    {
      type: 'ProjectOfferRead',
      data: {
        offerId: state.offerId,
        projectId: state.projectId,
        readBy: meta.actorId,
        readAt: meta.now,
      },
    },
  ];
}

export function decideOffer(
  command: OfferCommand,
  state: ProjectOfferState | null,
): ProjectOfferEvent[] {
  switch (command.type) {
    case 'MakeOffer':
      return make(command, state);
    case 'EditOffer':
      return edit(command, state);
    case 'MarkOfferRead':
      return read(command, state);
    default:
      return assertNever(command);
  }
}

/** The offer aggregate over `project_offer-<offerId>` (the contract's fold). */
export const offerDecider: Decider<OfferCommand, ProjectOfferState | null, ProjectOfferEvent> = {
  decide: decideOffer,
  evolve: evolveOffer,
  initialState: () => null,
};
