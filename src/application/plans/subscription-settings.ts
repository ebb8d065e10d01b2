/** What the subscriptions context takes from configuration (docs/plans-subscriptions.md, "Settings"). */
export interface SubscriptionSettings {
  /** PLAN_RENEWAL_REMINDER_DAYS: the provider is e-mailed this many days before a renewal charge. */
  reminderDays: number;
  /** PLAN_RENEWAL_RETRY_HOURS: hours after the renewal's due time of each retry of a refused charge; after the last, suspension. */
  retryHours: readonly number[];
  /** PLAN_RENEWAL_CATALOG_CACHE_MS: how long (real time) the renewal job reuses a plan read from the catalogue. */
  catalogCacheMs: number;
}

export const SUBSCRIPTION_SETTINGS = Symbol('SUBSCRIPTION_SETTINGS');
