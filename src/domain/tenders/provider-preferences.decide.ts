import { assertNever } from '../shared';
import type {
  HideProject,
  HiddenProjectStanding,
  SetTenderPreferences,
  ShowProjectAgain,
  TenderPreferencesCommand,
  UnsubscribeDigest,
} from './provider-preferences.commands';
import { projectNotFound } from './provider-preferences.errors';
import type { TenderPreferencesEvent } from './provider-preferences.events';
import {
  assertOwnPreferences,
  parseCategories,
  parseDigest,
  parseMinBudget,
  parseWords,
} from './provider-preferences.guards';
import {
  isHidden,
  preferencesOf,
  type TenderPreferences,
  type TenderPreferencesState,
} from './provider-preferences.state';

const samePreferences = (a: TenderPreferences, b: TenderPreferences) =>
  a.digest === b.digest &&
  a.minBudgetCents === b.minBudgetCents &&
  a.categories.join('\n') === b.categories.join('\n') &&
  a.words.join('\n') === b.words.join('\n');

function set({ data, meta }: SetTenderPreferences, state: TenderPreferencesState) {
  assertOwnPreferences(meta, data.providerId);
  const next: TenderPreferences = {
    categories: parseCategories(data.categories),
    words: parseWords(data.words),
    minBudgetCents: parseMinBudget(data.minBudgetCents),
    digest: parseDigest(data.digest),
  };
  // Saving the same preferences again (a repeated PUT) records nothing.
  if (state.status === 'set' && samePreferences(state.preferences, next)) return [];
  return [
    {
      type: 'TenderPreferencesSet' as const,
      data: { providerId: data.providerId, ...next, setAt: meta.now },
    },
  ];
}

function unsubscribe({ data, meta }: UnsubscribeDigest, state: TenderPreferencesState) {
  assertOwnPreferences(meta, data.providerId);
  if (!preferencesOf(state).digest) return [];
  return [
    {
      type: 'TenderDigestUnsubscribed' as const,
      data: { providerId: data.providerId, via: data.via, unsubscribedAt: meta.now },
    },
  ];
}

function assertProjectExists(projectId: string, project: HiddenProjectStanding | undefined) {
  if (!project || project.status === 'none') throw projectNotFound(projectId);
}

function hide({ data, meta }: HideProject, state: TenderPreferencesState) {
  assertOwnPreferences(meta, data.providerId);
  assertProjectExists(data.projectId, data.project);
  if (isHidden(state, data.projectId)) return [];
  return [
    {
      type: 'ProjectHiddenByProvider' as const,
      data: { providerId: data.providerId, projectId: data.projectId, hiddenAt: meta.now },
    },
  ];
}

function showAgain({ data, meta }: ShowProjectAgain, state: TenderPreferencesState) {
  assertOwnPreferences(meta, data.providerId);
  assertProjectExists(data.projectId, data.project);
  if (!isHidden(state, data.projectId)) return [];
  return [
    {
      type: 'ProjectShownAgainByProvider' as const,
      data: { providerId: data.providerId, projectId: data.projectId, shownAt: meta.now },
    },
  ];
}

export function decide(
  command: TenderPreferencesCommand,
  state: TenderPreferencesState,
): TenderPreferencesEvent[] {
  switch (command.type) {
    case 'SetTenderPreferences':
      return set(command, state);
    case 'UnsubscribeDigest':
      return unsubscribe(command, state);
    case 'HideProject':
      return hide(command, state);
    case 'ShowProjectAgain':
      return showAgain(command, state);
    default:
      return assertNever(command);
  }
}
