import { GigDetails, GigEvent, GigKind } from './gig.events';

export type GigStatus = 'draft' | 'published' | 'paused' | 'archived';

export const GIG_STATUS_LABELS: Readonly<Record<GigStatus, string>> = {
  draft: 'Brouillon',
  published: 'Publié',
  paused: 'En pause',
  archived: 'Archivé',
};

export interface ExistingGig {
  status: GigStatus;
  gigId: string;
  sellerId: string;
  kind: GigKind;
  details: GigDetails;
}

export type GigState = { status: 'none' } | ExistingGig;

export const initialState = (): GigState => ({ status: 'none' });

export function evolve(state: GigState, event: GigEvent): GigState {
  switch (event.type) {
    case 'GigCreated': {
      if (state.status !== 'none') return state;
      const { gigId, sellerId, kind, details } = event.data;
      return { status: 'draft', gigId, sellerId, kind, details };
    }
    case 'GigUpdated':
      if (state.status === 'none') return state;
      return { ...state, details: event.data.details };
    case 'GigPublished':
      if (state.status === 'none') return state;
      return { ...state, status: 'published' };
    case 'GigPaused':
      if (state.status === 'none') return state;
      return { ...state, status: 'paused' };
    case 'GigArchived':
      if (state.status === 'none') return state;
      return { ...state, status: 'archived' };
    default:
      // Exhaustive at compile time, yet an unknown stored type leaves the state as is: evolve never
      // throws.
      event satisfies never;
      return state;
  }
}
