import type { ActorRole } from '../shared';
import type { TenderPreferencesCommand } from './provider-preferences.commands';
import type {
  ProjectHiddenByProvider,
  ProjectShownAgainByProvider,
  TenderDigestUnsubscribed,
  TenderPreferencesSet,
} from './provider-preferences.events';

/** Givens of the tender preferences specs (not a test file: jest runs only `*.unit.spec.ts`). */

export const PROVIDER_ID = 'provider-1';
export const PROJECT_ID = 'project-1';
export const NOW = '2026-03-02T10:00:00.000Z';
export const LATER = '2026-03-05T08:00:00.000Z';
export const meta = (role: ActorRole = 'provider', actorId = PROVIDER_ID, now = NOW) => ({
  now,
  actorId,
  actorRole: role,
});

export const PREFERENCES = {
  categories: ['web-development', 'design'],
  words: ['wordpress', 'boutique en ligne'],
  minBudgetCents: 100_000,
  digest: true,
};

export const setPreferences = (
  data: Partial<Extract<TenderPreferencesCommand, { type: 'SetTenderPreferences' }>['data']> = {},
  m = meta(),
): TenderPreferencesCommand => ({
  type: 'SetTenderPreferences',
  data: { providerId: PROVIDER_ID, ...PREFERENCES, ...data },
  meta: m,
});
export const unsubscribe = (
  via: 'link' | 'settings' = 'link',
  m = meta('provider', PROVIDER_ID, LATER),
): TenderPreferencesCommand => ({
  type: 'UnsubscribeDigest',
  data: { providerId: PROVIDER_ID, via },
  meta: m,
});
export const hide = (
  projectId = PROJECT_ID,
  status: 'none' | 'open' | 'selected' | 'withdrawn' | 'missing' = 'open',
  m = meta(),
): TenderPreferencesCommand => ({
  type: 'HideProject',
  data: {
    providerId: PROVIDER_ID,
    projectId,
    ...(status === 'missing' ? {} : { project: { status } }),
  },
  meta: m,
});
export const showAgain = (
  projectId = PROJECT_ID,
  status: 'none' | 'open' = 'open',
  m = meta('provider', PROVIDER_ID, LATER),
): TenderPreferencesCommand => ({
  type: 'ShowProjectAgain',
  data: { providerId: PROVIDER_ID, projectId, project: { status } },
  meta: m,
});

export const preferencesSet = (
  data: Partial<TenderPreferencesSet['data']> = {},
): TenderPreferencesSet => ({
  type: 'TenderPreferencesSet',
  data: {
    providerId: PROVIDER_ID,
    categories: ['web-development', 'design'],
    minBudgetCents: 100_000,
    words: ['wordpress', 'boutique en ligne'],
    digest: true,
    setAt: NOW,
    ...data,
  },
});
export const unsubscribed = (
  via: 'link' | 'settings' = 'link',
  at = LATER,
): TenderDigestUnsubscribed => ({
  type: 'TenderDigestUnsubscribed',
  data: { providerId: PROVIDER_ID, via, unsubscribedAt: at },
});
export const hidden = (projectId = PROJECT_ID, at = NOW): ProjectHiddenByProvider => ({
  type: 'ProjectHiddenByProvider',
  data: { providerId: PROVIDER_ID, projectId, hiddenAt: at },
});
export const shownAgain = (projectId = PROJECT_ID, at = LATER): ProjectShownAgainByProvider => ({
  type: 'ProjectShownAgainByProvider',
  data: { providerId: PROVIDER_ID, projectId, shownAt: at },
});
