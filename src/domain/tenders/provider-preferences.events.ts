import { Cents, DomainEvent, EventVersions } from '../shared';

/**
 * A provider's tender preferences (seed 003: "Préférences", "newsletter quotidienne", "supprimer
 * certains projets de ma liste"), one stream per provider `tender_prefs-<providerId>`: what the
 * daily digest of new projects matches, whether they receive it, and the projects they hid from
 * their "projets disponibles" list (the open-list read model leaves those out for them).
 */
export const TENDER_PREFS_CATEGORY = 'tender_prefs';
export const tenderPrefsStream = (providerId: string): string =>
  `${TENDER_PREFS_CATEGORY}-${providerId}`;

export type TenderPreferencesSet = DomainEvent<
  'TenderPreferencesSet',
  {
    providerId: string;
    /** Category slugs; empty means every category. */
    categories: string[];
    /** Only projects whose budget range reaches this amount; null for any budget. */
    minBudgetCents: Cents | null;
    /** Words a project's title or description must contain one of; empty for any. */
    words: string[];
    /** Whether the daily digest is sent. */
    digest: boolean;
    setAt: string;
  }
>;

/** The provider followed the digest e-mail's unsubscribe link (or switched it off). */
export type TenderDigestUnsubscribed = DomainEvent<
  'TenderDigestUnsubscribed',
  { providerId: string; via: 'link' | 'settings'; unsubscribedAt: string }
>;

export type ProjectHiddenByProvider = DomainEvent<
  'ProjectHiddenByProvider',
  { providerId: string; projectId: string; hiddenAt: string }
>;

export type ProjectShownAgainByProvider = DomainEvent<
  'ProjectShownAgainByProvider',
  { providerId: string; projectId: string; shownAt: string }
>;

export type TenderPreferencesEvent =
  | TenderPreferencesSet
  | TenderDigestUnsubscribed
  | ProjectHiddenByProvider
  | ProjectShownAgainByProvider;

export const TENDER_PREFERENCES_EVENT_VERSIONS: EventVersions<TenderPreferencesEvent['type']> = {
  TenderPreferencesSet: 1,
  TenderDigestUnsubscribed: 1,
  ProjectHiddenByProvider: 1,
  ProjectShownAgainByProvider: 1,
};
