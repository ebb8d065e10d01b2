import type { MissionPaymentPlan, MissionTerms } from '../../domain/missions';
import type { MissionSettings } from './mission-settings';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** The deadlines of a request, derived once from its terms, the settings and the clock. */
export interface MissionSchedule {
  paymentPlan: MissionPaymentPlan;
  /** `now` for `authorise_now`; else the latest instant whose authorisation still covers `autoValidateAt`. */
  authoriseAt: string;
  /** Providers answer by then; never after the start. */
  respondBy: string;
  /** The mission's end plus the auto-validation delay. */
  autoValidateAt: string;
}

export type ScheduleSettings = Pick<
  MissionSettings,
  'responseHours' | 'authorisationWindowHours' | 'autoValidateHours'
>;

/**
 * The rule written in docs/missions.md ("Schedule"): the card is authorised at publication when
 * that authorisation is still valid at `autoValidateAt` (the last moment the money may be
 * captured without the client), else the method is saved and authorised automatically at
 * `autoValidateAt − lifetime`, never later than the start.
 */
export function missionSchedule(
  terms: Pick<MissionTerms, 'startsAt' | 'durationMinutes'>,
  now: Date | string,
  settings: ScheduleSettings,
): MissionSchedule {
  const nowMs = typeof now === 'string' ? Date.parse(now) : now.getTime();
  const startMs = Date.parse(terms.startsAt);
  const endMs = startMs + terms.durationMinutes * MINUTE_MS;
  const autoValidateMs = endMs + settings.autoValidateHours * HOUR_MS;
  const lifetimeMs = settings.authorisationWindowHours * HOUR_MS;
  const respondByMs = Math.min(nowMs + settings.responseHours * HOUR_MS, startMs);
  const iso = (ms: number) => new Date(ms).toISOString();
  if (autoValidateMs - nowMs <= lifetimeMs) {
    return {
      paymentPlan: 'authorise_now',
      authoriseAt: iso(nowMs),
      respondBy: iso(respondByMs),
      autoValidateAt: iso(autoValidateMs),
    };
  }
  return {
    paymentPlan: 'authorise_later',
    authoriseAt: iso(Math.min(autoValidateMs - lifetimeMs, startMs)),
    respondBy: iso(respondByMs),
    autoValidateAt: iso(autoValidateMs),
  };
}
