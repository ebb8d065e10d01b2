/** The delays the scheduling reactor takes from configuration. */
export interface SchedulingSettings {
  /** Days an unanswered delivery waits before the system accepts it (Fiverr rule: 3). */
  autoCompleteAfterDays: number;
}

export const SCHEDULING_SETTINGS = Symbol('SCHEDULING_SETTINGS');

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** Seed 001: the seller is reminded a day before the countdown ends. */
export const SELLER_REMINDER_BEFORE_MS = DAY_MS;
/** Providers are reminded 15 days before a verification document lapses. */
export const DOCUMENT_REMINDER_BEFORE_MS = 15 * DAY_MS;
