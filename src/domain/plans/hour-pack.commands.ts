import type { Command } from '../shared';

/**
 * The client bought the pack: the application charged the card first (`chargeRef`) and derived
 * `expiresAt` from the plan's validity and the clock, so that the decision stays pure.
 */
export type PurchaseHourPack = Command<
  'PurchaseHourPack',
  {
    packId: string;
    clientId: string;
    planId: string;
    planVersion: number;
    planName: string;
    serviceTypeId: string;
    minutes: number;
    priceTtcCents: number;
    chargeRef: string;
    expiresAt: string;
  }
>;

/** At the mission's confirmation (the money side, as `system`): once per mission. */
export type ReserveHourPackHours = Command<
  'ReserveHourPackHours',
  { packId: string; missionId: string; minutes: number; startsAt: string }
>;

/** At the mission's validation: the reserved minutes are used; their value is the pack's. */
export type ConsumeHourPackHours = Command<
  'ConsumeHourPackHours',
  { packId: string; missionId: string }
>;

/** The mission was cancelled (or expired) before validation: its minutes come back. */
export type ReleaseHourPackHours = Command<
  'ReleaseHourPackHours',
  { packId: string; missionId: string }
>;

/**
 * "Droit de rétractation": within `withdrawalDays` of the purchase, nothing reserved or consumed
 * ever, the whole price goes back to the card (`refundRef` from the gateway, asked first).
 */
export type WithdrawHourPack = Command<
  'WithdrawHourPack',
  { packId: string; withdrawalDays: number; refundRef: string }
>;

/**
 * At (or after) `expiresAt`: the unused, unreserved minutes are refunded pro rata (`refundRef`
 * from the gateway when `expiryRefund` is above zero), then the pack expires. Sent again after a
 * mission reserved past the expiry gave its minutes back: those are refunded the same way.
 */
export type ExpireHourPack = Command<
  'ExpireHourPack',
  {
    packId: string;
    refundRef?: string;
    /** What the gateway refunded (`expiryRefund` when it was asked); at most what is left of the price. */
    refundCents?: number;
  }
>;

export type HourPackCommand =
  | PurchaseHourPack
  | ReserveHourPackHours
  | ConsumeHourPackHours
  | ReleaseHourPackHours
  | WithdrawHourPack
  | ExpireHourPack;
