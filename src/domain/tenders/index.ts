export * from './project.events';
export * from './project.state';
export * from './offer.events';
export * from './tender-categories';
export * from './provider-preferences.events';
export { tenderPreferencesDecider } from './provider-preferences.decider';
export type * from './provider-preferences.commands';
export {
  TENDER_PREFERENCES_RULES,
  TenderPreferencesErrorCode,
} from './provider-preferences.errors';
export { normaliseWord } from './provider-preferences.guards';
export {
  DEFAULT_TENDER_PREFERENCES,
  hiddenOf,
  preferencesOf,
  type HiddenProject,
  type TenderPreferences,
  type TenderPreferencesState,
  type TenderPreferencesStatus,
} from './provider-preferences.state';
