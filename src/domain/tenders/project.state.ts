import type { Cents } from '../shared';
import type { ProjectEvent, ProjectFees, ProjectTerms } from './project.events';

/**
 * A project's life: `open` (in "projets disponibles", taking offers) → `selected` (one winner,
 * awaiting their confirmation; off the open list) → `signed` (terms confirmed: fees due, R0
 * account if chosen) → `finished`. `withdrawn` ends an open project. A declined selection goes
 * back to `open`.
 */
export type ProjectStatus = 'none' | 'open' | 'selected' | 'signed' | 'finished' | 'withdrawn';

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  none: 'Inconnu',
  open: "En attente d'offres",
  selected: 'Prestataire sélectionné',
  signed: 'En cours de réalisation',
  finished: 'Terminé',
  withdrawn: 'Retiré',
};

export interface ProjectBrief {
  projectId: string;
  clientId: string;
  title: string;
  description: string;
  category: string;
  budgetMinCents: Cents;
  budgetMaxCents: Cents;
  wishedDeadline: string;
  attachmentFileIds: string[];
  postedAt: string;
}

export interface PendingRevision {
  revisionId: string;
  fromCents: Cents;
  toCents: Cents;
  proposedBy: string;
  reason: string;
  proposedAt: string;
}

export interface ProjectState {
  status: ProjectStatus;
  /** Null only while `none`. */
  brief: ProjectBrief | null;
  /** The selected provider (from selection on; null when open or withdrawn). */
  providerId: string | null;
  offerId: string | null;
  /** Proposed at selection, then the signed terms (the amount follows accepted revisions). */
  terms: ProjectTerms | null;
  /** Fixed at signature, recomputed on an accepted revision; null before signature. */
  fees: ProjectFees | null;
  selectedAt: string | null;
  signedAt: string | null;
  finishedAt: string | null;
  pendingRevision: PendingRevision | null;
  /** Providers whose selection was declined: they cannot be selected again. */
  declinedProviderIds: string[];
}

export function initialState(): ProjectState {
  return {
    status: 'none',
    brief: null,
    providerId: null,
    offerId: null,
    terms: null,
    fees: null,
    selectedAt: null,
    signedAt: null,
    finishedAt: null,
    pendingRevision: null,
    declinedProviderIds: [],
  };
}

/** Total, never throws: an event that does not fit the status leaves the state as is. */
export function evolve(state: ProjectState, event: ProjectEvent): ProjectState {
  switch (event.type) {
    case 'ProjectPosted': {
      if (state.status !== 'none') return state;
      return { ...initialState(), status: 'open', brief: { ...event.data } };
    }
    case 'ProjectWithdrawn':
      return state.status === 'open' ? { ...state, status: 'withdrawn' } : state;
    case 'ProjectProviderSelected': {
      if (state.status !== 'open') return state;
      const { providerId, offerId, terms, selectedAt } = event.data;
      return { ...state, status: 'selected', providerId, offerId, terms, selectedAt };
    }
    case 'ProjectTermsDeclined': {
      if (state.status !== 'selected') return state;
      return {
        ...state,
        status: 'open',
        providerId: null,
        offerId: null,
        terms: null,
        selectedAt: null,
        declinedProviderIds: [...state.declinedProviderIds, event.data.providerId],
      };
    }
    case 'ProjectTermsConfirmed': {
      if (state.status !== 'selected') return state;
      const { terms, fees, confirmedAt } = event.data;
      return { ...state, status: 'signed', terms, fees, signedAt: confirmedAt };
    }
    case 'ProjectAmountRevisionProposed': {
      if (state.status !== 'signed') return state;
      const { revisionId, fromCents, toCents, proposedBy, reason, proposedAt } = event.data;
      return {
        ...state,
        pendingRevision: { revisionId, fromCents, toCents, proposedBy, reason, proposedAt },
      };
    }
    case 'ProjectAmountRevised': {
      if (state.status !== 'signed' || !state.terms) return state;
      return {
        ...state,
        terms: { ...state.terms, amountCents: event.data.toCents },
        fees: event.data.fees,
        pendingRevision: null,
      };
    }
    case 'ProjectAmountRevisionRejected':
      return { ...state, pendingRevision: null };
    case 'ProjectFinished':
      return state.status === 'signed'
        ? { ...state, status: 'finished', finishedAt: event.data.finishedAt }
        : state;
    default:
      event satisfies never;
      return state;
  }
}
