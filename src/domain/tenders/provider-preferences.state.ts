import type { Cents } from '../shared';
import type { TenderPreferencesEvent } from './provider-preferences.events';
import type { TenderCategory } from './tender-categories';

export interface TenderPreferences {
  /** Empty: every category. */
  categories: TenderCategory[];
  /** Null: any budget. */
  minBudgetCents: Cents | null;
  /** Empty: any project. */
  words: string[];
  digest: boolean;
}

export interface HiddenProject {
  projectId: string;
  hiddenAt: string;
}

/** Until a provider saves preferences: every project matches, and no digest is sent. */
export const DEFAULT_TENDER_PREFERENCES: TenderPreferences = {
  categories: [],
  minBudgetCents: null,
  words: [],
  digest: false,
};

/**
 * `none`: nothing recorded; `defaults`: projects hidden but no preferences saved yet; `set`:
 * preferences saved (the digest may since have been switched off by the link).
 */
export type TenderPreferencesState =
  | { status: 'none' }
  | { status: 'defaults'; providerId: string; hidden: HiddenProject[] }
  | {
      status: 'set';
      providerId: string;
      preferences: TenderPreferences;
      setAt: string;
      unsubscribedAt: string | null;
      hidden: HiddenProject[];
    };

export type TenderPreferencesStatus = TenderPreferencesState['status'];

export function initialState(): TenderPreferencesState {
  return { status: 'none' };
}

export const preferencesOf = (state: TenderPreferencesState): TenderPreferences =>
  state.status === 'set' ? state.preferences : DEFAULT_TENDER_PREFERENCES;

export const hiddenOf = (state: TenderPreferencesState): HiddenProject[] =>
  state.status === 'none' ? [] : state.hidden;

export const isHidden = (state: TenderPreferencesState, projectId: string): boolean =>
  hiddenOf(state).some((h) => h.projectId === projectId);

const withHidden = (
  state: TenderPreferencesState,
  providerId: string,
  hidden: HiddenProject[],
): TenderPreferencesState =>
  state.status === 'set' ? { ...state, hidden } : { status: 'defaults', providerId, hidden };

/** Total, never throws: an event that does not fit the state leaves it as is. */
export function evolve(
  state: TenderPreferencesState,
  event: TenderPreferencesEvent,
): TenderPreferencesState {
  switch (event.type) {
    case 'TenderPreferencesSet': {
      const { providerId, categories, minBudgetCents, words, digest, setAt } = event.data;
      return {
        status: 'set',
        providerId,
        preferences: {
          categories: categories as TenderCategory[],
          minBudgetCents,
          words,
          digest,
        },
        setAt,
        unsubscribedAt: null,
        hidden: hiddenOf(state),
      };
    }
    case 'TenderDigestUnsubscribed':
      if (state.status !== 'set' || !state.preferences.digest) return state;
      return {
        ...state,
        preferences: { ...state.preferences, digest: false },
        unsubscribedAt: event.data.unsubscribedAt,
      };
    case 'ProjectHiddenByProvider': {
      const { providerId, projectId, hiddenAt } = event.data;
      if (isHidden(state, projectId)) return state;
      return withHidden(state, providerId, [...hiddenOf(state), { projectId, hiddenAt }]);
    }
    case 'ProjectShownAgainByProvider': {
      const { providerId, projectId } = event.data;
      if (!isHidden(state, projectId)) return state;
      return withHidden(
        state,
        providerId,
        hiddenOf(state).filter((h) => h.projectId !== projectId),
      );
    }
    default:
      event satisfies never;
      return state;
  }
}
