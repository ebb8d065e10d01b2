import type { Decider } from '../shared';
import type { TenderPreferencesCommand } from './provider-preferences.commands';
import { decide } from './provider-preferences.decide';
import type { TenderPreferencesEvent } from './provider-preferences.events';
import { evolve, initialState, type TenderPreferencesState } from './provider-preferences.state';

/** The `tender_prefs-<providerId>` stream: preferences, digest on/off, hidden projects. */
export const tenderPreferencesDecider: Decider<
  TenderPreferencesCommand,
  TenderPreferencesState,
  TenderPreferencesEvent
> = { decide, evolve, initialState };
