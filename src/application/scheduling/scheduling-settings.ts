/** The delays the scheduling reactor takes from configuration. */
export interface SchedulingSettings {
  /** Days an unanswered delivery waits before the system accepts it (Fiverr rule: 3). */
  autoCompleteAfterDays: number;
}

export const SCHEDULING_SETTINGS = Symbol('SCHEDULING_SETTINGS');

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/**
 * How long after an order's escrow is funded the order must exist; past it, a placement whose
 * request died and was never retried is abandoned and refunded. Well beyond the idempotency
 * claim's lease, so a buyer retrying within minutes gets the order.
 */
export const PLACEMENT_CHECK_AFTER_MS = 30 * 60_000;
/** Seed 001: the seller is reminded a day before the countdown ends. */
export const SELLER_REMINDER_BEFORE_MS = DAY_MS;
/** Providers are reminded 15 days before a verification document lapses. */
export const DOCUMENT_REMINDER_BEFORE_MS = 15 * DAY_MS;
