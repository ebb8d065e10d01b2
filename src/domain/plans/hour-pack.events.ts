import { Cents, DomainEvent, EventVersions } from '../shared';

/**
 * A client's hour pack (seed 000 "packs horaires à tarif réduit"), in stream `hourpack-<packId>`
 * (docs/plans-hour-packs.md): minutes of one service type bought at once at a reduced rate, the
 * platform's sale. A mission paid from the pack reserves its duration at confirmation, consumes it
 * at validation and gives it back on cancellation. available = minutes − reserved − consumed − refunded.
 */
export const HOUR_PACK_CATEGORY = 'hourpack';
export const hourPackStream = (packId: string): string => `${HOUR_PACK_CATEGORY}-${packId}`;

export type HourPackPurchased = DomainEvent<
  'HourPackPurchased',
  {
    packId: string;
    clientId: string;
    planId: string;
    planVersion: number;
    planName: string;
    serviceTypeId: string;
    minutes: number;
    priceTtcCents: Cents;
    /** The gateway's reference of the charge. */
    chargeRef: string;
    purchasedAt: string;
    expiresAt: string;
  }
>;

export type HourPackHoursReserved = DomainEvent<
  'HourPackHoursReserved',
  { packId: string; clientId: string; missionId: string; minutes: number; reservedAt: string }
>;

/** The mission was validated: its minutes are used; `valueCents` is their share of the pack's price. */
export type HourPackHoursConsumed = DomainEvent<
  'HourPackHoursConsumed',
  {
    packId: string;
    clientId: string;
    missionId: string;
    minutes: number;
    valueCents: Cents;
    consumedAt: string;
  }
>;

export type HourPackHoursReleased = DomainEvent<
  'HourPackHoursReleased',
  { packId: string; clientId: string; missionId: string; minutes: number; releasedAt: string }
>;

export const HOUR_PACK_REFUND_REASONS = ['withdrawal', 'expiry'] as const;
export type HourPackRefundReason = (typeof HOUR_PACK_REFUND_REASONS)[number];

/** Unused minutes paid back to the card (a credit note references the pack's invoice). */
export type HourPackRefunded = DomainEvent<
  'HourPackRefunded',
  {
    packId: string;
    clientId: string;
    minutes: number;
    refundCents: Cents;
    refundRef: string;
    reason: HourPackRefundReason;
    refundedAt: string;
  }
>;

/** The validity ended with nothing left to refund (or after the refund): the pack pays no further mission. */
export type HourPackExpired = DomainEvent<
  'HourPackExpired',
  { packId: string; clientId: string; unusedMinutes: number; expiredAt: string }
>;

export type HourPackEvent =
  | HourPackPurchased
  | HourPackHoursReserved
  | HourPackHoursConsumed
  | HourPackHoursReleased
  | HourPackRefunded
  | HourPackExpired;

export const HOUR_PACK_EVENT_VERSIONS: EventVersions<HourPackEvent['type']> = {
  HourPackPurchased: 1,
  HourPackHoursReserved: 1,
  HourPackHoursConsumed: 1,
  HourPackHoursReleased: 1,
  HourPackRefunded: 1,
  HourPackExpired: 1,
};
