import type { Command } from '../shared';
import type { ProjectStatus } from './project.state';

/**
 * What the project's own stream says when a hide is decided: the handler folds `project-<id>` with
 * the contract's evolve and the decider only checks it (`none`: no such project).
 */
export interface HiddenProjectStanding {
  status: ProjectStatus;
}

/** The provider saves their "Préférences": what the daily digest matches and whether it is sent. */
export type SetTenderPreferences = Command<
  'SetTenderPreferences',
  {
    providerId: string;
    categories: unknown;
    words: unknown;
    minBudgetCents: unknown;
    digest: unknown;
  }
>;

/** The digest is switched off (the e-mail's link or the settings); a repeat changes nothing. */
export type UnsubscribeDigest = Command<
  'UnsubscribeDigest',
  { providerId: string; via: 'link' | 'settings' }
>;

/** The provider takes a project off their "projets disponibles" list and their digests. */
export type HideProject = Command<
  'HideProject',
  { providerId: string; projectId: string; project?: HiddenProjectStanding }
>;

/** A hidden project comes back to the provider's list. */
export type ShowProjectAgain = Command<
  'ShowProjectAgain',
  { providerId: string; projectId: string; project?: HiddenProjectStanding }
>;

export type TenderPreferencesCommand =
  SetTenderPreferences | UnsubscribeDigest | HideProject | ShowProjectAgain;
