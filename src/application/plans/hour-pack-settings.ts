export const HOUR_PACK_SETTINGS = Symbol('HOUR_PACK_SETTINGS');

/** From the validated config (docs/plans-hour-packs.md). */
export interface HourPackSettings {
  /** HOUR_PACK_WITHDRAWAL_DAYS: the "droit de rétractation" after a purchase (14). */
  withdrawalDays: number;
}
