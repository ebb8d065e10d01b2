import { Cents, divideHalfEven } from '../shared';
import { HourPackEvent } from './hour-pack.events';

/** What happened to one mission's minutes in the pack (once per mission). */
export type HourPackMissionUse = 'reserved' | 'consumed' | 'released';

export interface HourPackMission {
  missionId: string;
  minutes: number;
  use: HourPackMissionUse;
  /** Set once consumed: the minutes' share of the pack's price. */
  valueCents: Cents;
}

export interface ExistingHourPack {
  /** `active` until the validity ends (`expired`) or the client withdrew (`withdrawn`). */
  status: 'active' | 'expired' | 'withdrawn';
  packId: string;
  clientId: string;
  planId: string;
  planVersion: number;
  planName: string;
  serviceTypeId: string;
  minutes: number;
  priceTtcCents: Cents;
  chargeRef: string;
  purchasedAt: string;
  expiresAt: string;
  /** In the order they were first reserved. */
  missions: HourPackMission[];
  reservedMinutes: number;
  consumedMinutes: number;
  consumedCents: Cents;
  refundedMinutes: number;
  refundedCents: Cents;
  /** Refunds recorded so far (each has its own gateway reference). */
  refunds: number;
  expiredAt: string | null;
}

export type HourPackState = { status: 'none' } | ExistingHourPack;

export const initialState = (): HourPackState => ({ status: 'none' });

/** available = minutes − reserved − consumed − refunded. */
export const availableMinutes = (pack: ExistingHourPack): number =>
  pack.minutes - pack.reservedMinutes - pack.consumedMinutes - pack.refundedMinutes;

/**
 * The value of the first `minutes` of the pack, half-even: `price × minutes / total`. Every
 * consumption and refund is valued as the difference of this cumulative value before and after
 * it, so each is its half-even share, they never add up beyond the price, and the last one
 * (every minute accounted for) takes the exact rest.
 */
export function cumulativeValue(pack: ExistingHourPack, minutes: number): Cents {
  if (minutes >= pack.minutes) return pack.priceTtcCents;
  if (minutes <= 0 || pack.minutes <= 0) return 0;
  return Number(divideHalfEven(BigInt(pack.priceTtcCents) * BigInt(minutes), BigInt(pack.minutes)));
}

/** The value of `minutes` more, after what was already consumed or refunded. */
export function valueOfNext(pack: ExistingHourPack, minutes: number): Cents {
  const accounted = pack.consumedMinutes + pack.refundedMinutes;
  return cumulativeValue(pack, accounted + minutes) - cumulativeValue(pack, accounted);
}

/** What the expiry refunds now: the unused, unreserved minutes and their value. */
export function expiryRefund(pack: ExistingHourPack): { minutes: number; refundCents: Cents } {
  const minutes = Math.max(0, availableMinutes(pack));
  return { minutes, refundCents: valueOfNext(pack, minutes) };
}

const missionOf = (pack: ExistingHourPack, missionId: string) =>
  pack.missions.find((m) => m.missionId === missionId);

function withMission(pack: ExistingHourPack, mission: HourPackMission): HourPackMission[] {
  if (!missionOf(pack, mission.missionId)) return [...pack.missions, mission];
  return pack.missions.map((m) => (m.missionId === mission.missionId ? mission : m));
}

/** Total: an event that does not fit the state changes nothing, and nothing throws. */
export function evolve(state: HourPackState, event: HourPackEvent): HourPackState {
  if (event.type === 'HourPackPurchased') {
    if (state.status !== 'none') return state;
    const d = event.data;
    return {
      status: 'active',
      packId: d.packId,
      clientId: d.clientId,
      planId: d.planId,
      planVersion: d.planVersion,
      planName: d.planName,
      serviceTypeId: d.serviceTypeId,
      minutes: d.minutes,
      priceTtcCents: d.priceTtcCents,
      chargeRef: d.chargeRef,
      purchasedAt: d.purchasedAt,
      expiresAt: d.expiresAt,
      missions: [],
      reservedMinutes: 0,
      consumedMinutes: 0,
      consumedCents: 0,
      refundedMinutes: 0,
      refundedCents: 0,
      refunds: 0,
      expiredAt: null,
    };
  }
  if (state.status === 'none') return state;
  const pack = state;
  switch (event.type) {
    case 'HourPackHoursReserved': {
      const d = event.data;
      if (missionOf(pack, d.missionId)) return pack;
      return {
        ...pack,
        missions: withMission(pack, {
          missionId: d.missionId,
          minutes: d.minutes,
          use: 'reserved',
          valueCents: 0,
        }),
        reservedMinutes: pack.reservedMinutes + d.minutes,
      };
    }
    case 'HourPackHoursConsumed': {
      const d = event.data;
      const mission = missionOf(pack, d.missionId);
      if (!mission || mission.use !== 'reserved') return pack;
      return {
        ...pack,
        missions: withMission(pack, { ...mission, use: 'consumed', valueCents: d.valueCents }),
        reservedMinutes: pack.reservedMinutes - mission.minutes,
        consumedMinutes: pack.consumedMinutes + d.minutes,
        consumedCents: pack.consumedCents + d.valueCents,
      };
    }
    case 'HourPackHoursReleased': {
      const mission = missionOf(pack, event.data.missionId);
      if (!mission || mission.use !== 'reserved') return pack;
      return {
        ...pack,
        missions: withMission(pack, { ...mission, use: 'released' }),
        reservedMinutes: pack.reservedMinutes - mission.minutes,
      };
    }
    case 'HourPackRefunded': {
      const d = event.data;
      return {
        ...pack,
        status: d.reason === 'withdrawal' ? 'withdrawn' : pack.status,
        refundedMinutes: pack.refundedMinutes + d.minutes,
        refundedCents: pack.refundedCents + d.refundCents,
        refunds: pack.refunds + 1,
      };
    }
    case 'HourPackExpired':
      if (pack.status !== 'active') return pack;
      return { ...pack, status: 'expired', expiredAt: event.data.expiredAt };
    default:
      return pack;
  }
}
