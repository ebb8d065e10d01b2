import type { ExistingMission, MissionState } from '../../domain/missions';
import { percentOf, vatIncluded } from '../../domain/shared';

/**
 * The written rules of the missions money process (docs/missions-money.md), as pure functions so
 * the reactor, the jobs and the tests share them.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A card authorisation lapses after about 7 days (Stripe); our rules keep well within it. */
export const AUTHORISATION_LIFETIME_MS = 7 * DAY_MS;

/**
 * Retries of a failed automatic authorisation: 6 h after the first failure, 24 h after the second;
 * a third failure is the last. No retry is scheduled later than one hour before the start (the
 * client would have no time to give another card): the failure before it is then the last.
 */
export const AUTHORISATION_RETRY_DELAYS_MS = [6 * HOUR_MS, 24 * HOUR_MS] as const;
export const MAX_AUTHORISATION_ATTEMPTS = AUTHORISATION_RETRY_DELAYS_MS.length + 1;
export const LAST_RETRY_BEFORE_START_MS = HOUR_MS;

/** When the next attempt runs after `attempt` failed at `failedAt`, or null: that was the last. */
export function nextAuthorisationAttemptAt(
  attempt: number,
  failedAt: string,
  startsAt: string,
): string | null {
  const delay = AUTHORISATION_RETRY_DELAYS_MS[attempt - 1];
  if (delay === undefined) return null;
  const next = Date.parse(failedAt) + delay;
  if (next > Date.parse(startsAt) - LAST_RETRY_BEFORE_START_MS) return null;
  return new Date(next).toISOString();
}

/**
 * A dispute still open near the end of the authorisation's life: the card is captured 12 h before
 * it would lapse, and the money stays in escrow (frozen) until the decision.
 */
export const CAPTURE_BEFORE_LAPSE_MARGIN_MS = 12 * HOUR_MS;
export const captureBeforeLapseAt = (authorisedAt: string): string =>
  new Date(
    Date.parse(authorisedAt) + AUTHORISATION_LIFETIME_MS - CAPTURE_BEFORE_LAPSE_MARGIN_MS,
  ).toISOString();

export const isOpenMission = (
  mission: MissionState,
): mission is ExistingMission & {
  status: 'pending' | 'confirmed';
} => mission.status === 'pending' || mission.status === 'confirmed';

/** What the card must cover now: the reservation while pending, the price once a provider confirmed. */
export function neededCents(mission: ExistingMission): number {
  return 'provider' in mission && mission.provider
    ? mission.provider.priceCents
    : mission.reservedCents;
}

/**
 * Whether an open mission needs a (new) authorisation now: none yet, or one that no longer covers
 * what is needed (a price raised by a change).
 */
export function needsAuthorisation(mission: MissionState): boolean {
  if (!isOpenMission(mission)) return false;
  const authorised = mission.payment.authorised;
  return authorised === null || authorised.amountCents < neededCents(mission);
}

/**
 * The instant payout's fee: MISSION_INSTANT_PAYOUT_FEE_BP of the provider's net share, half-even,
 * borne by the provider (deducted from what is paid out) and kept by the platform, which pays the
 * gateway's own instant-payout cost; VAT included at 20 % as for the commission. Default 0.
 */
export function instantPayoutFee(netCents: number, feeBp: number) {
  const feeCents = percentOf(netCents, feeBp);
  return { feeCents, vatOnFeeCents: vatIncluded(feeCents), paidCents: netCents - feeCents };
}

/** The reminder before the automatic validation, or null when it would come before the mission's start. */
export function validationReminderAt(
  autoValidateAt: string,
  startsAt: string,
  reminderHours: number,
): string | null {
  const at = Date.parse(autoValidateAt) - reminderHours * HOUR_MS;
  if (at <= Date.parse(startsAt)) return null;
  return new Date(at).toISOString();
}

/** The authorisation covers the automatic validation: authorised + 7 days is after `autoValidateAt`. */
export function authorisationOutlivesAutoValidation(
  authorisedAt: string,
  autoValidateAt: string,
): boolean {
  return Date.parse(authorisedAt) + AUTHORISATION_LIFETIME_MS > Date.parse(autoValidateAt);
}
