// Given/when builders for the hour-pack specs; the `.spec.ts` suffix keeps them out of the build.
import { DeciderSpecification } from '../../../test/support/decider-spec';
import type { ActorRole } from '../shared';
import type { HourPackCommand } from './hour-pack.commands';
import { hourPackDecider } from './hour-pack.decider';
import type { HourPackEvent } from './hour-pack.events';

export const packId = 'pack-1';
export const clientId = 'client-1';
export const purchasedAt = '2026-03-01T09:00:00.000Z';
export const expiresAt = '2026-09-01T09:00:00.000Z';
export const spec = DeciderSpecification.for(hourPackDecider);

export const meta = (now: string, actorRole: ActorRole = 'system', actorId = 'system') => ({
  now,
  actorId,
  actorRole,
});
export const asClient = (now: string, actorId = clientId) => meta(now, 'client', actorId);

/** 10 hours of cleaning for 250,00 € (a price that does not divide evenly by the minute). */
export const purchased = (overrides: Partial<HourPackEvent['data']> = {}): HourPackEvent => ({
  type: 'HourPackPurchased',
  data: {
    packId,
    clientId,
    planId: 'plan-menage-10h',
    planVersion: 1,
    planName: 'Pack Ménage 10 h',
    serviceTypeId: 'st-menage',
    minutes: 600,
    priceTtcCents: 25_000,
    chargeRef: 'ch_1',
    purchasedAt,
    expiresAt,
    ...overrides,
  } as never,
});

export const reserved = (missionId: string, minutes: number, at = purchasedAt): HourPackEvent => ({
  type: 'HourPackHoursReserved',
  data: { packId, clientId, missionId, minutes, reservedAt: at },
});
export const consumed = (
  missionId: string,
  minutes: number,
  valueCents: number,
  at = purchasedAt,
): HourPackEvent => ({
  type: 'HourPackHoursConsumed',
  data: { packId, clientId, missionId, minutes, valueCents, consumedAt: at },
});
export const released = (missionId: string, minutes: number, at = purchasedAt): HourPackEvent => ({
  type: 'HourPackHoursReleased',
  data: { packId, clientId, missionId, minutes, releasedAt: at },
});

export const reserve = (
  missionId: string,
  minutes: number,
  now = '2026-03-05T09:00:00.000Z',
  startsAt = '2026-03-10T09:00:00.000Z',
): HourPackCommand => ({
  type: 'ReserveHourPackHours',
  data: { packId, missionId, minutes, startsAt },
  meta: meta(now),
});
export const consume = (missionId: string, now = '2026-03-11T09:00:00.000Z'): HourPackCommand => ({
  type: 'ConsumeHourPackHours',
  data: { packId, missionId },
  meta: meta(now),
});
export const release = (missionId: string, now = '2026-03-06T09:00:00.000Z'): HourPackCommand => ({
  type: 'ReleaseHourPackHours',
  data: { packId, missionId },
  meta: meta(now),
});
export const withdraw = (now: string, actorId = clientId): HourPackCommand => ({
  type: 'WithdrawHourPack',
  data: { packId, withdrawalDays: 14, refundRef: 're_1' },
  meta: asClient(now, actorId),
});
export const expire = (now = expiresAt, refundRef = 're_exp'): HourPackCommand => ({
  type: 'ExpireHourPack',
  data: { packId, refundRef },
  meta: meta(now),
});
