import type { CommandMeta } from '../shared';
import { packInvalid, packNotFound, packSystemOnly } from './hour-pack.errors';
import type { ExistingHourPack, HourPackState } from './hour-pack.state';

/** A pack sells at most 1 000 hours; a mission lasts at most what the missions context allows. */
export const HOUR_PACK_MAX_MINUTES = 60_000;
export const HOUR_PACK_MAX_PRICE_CENTS = 10_000_000;
const DAY_MS = 86_400_000;

export function requiredId(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 200)
    throw packInvalid(field, { value });
  return value;
}

export function instant(value: unknown, field: string): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
    throw packInvalid(field, { value });
  return new Date(value).toISOString();
}

export function positiveInteger(value: unknown, field: string, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0 || value > max)
    throw packInvalid(field, { value, max });
  return value;
}

/** The pack, seen by its owner or the platform; anyone else is told it does not exist. */
export function existingPack(
  state: HourPackState,
  packId: string,
  meta: CommandMeta,
): ExistingHourPack {
  if (state.status === 'none') throw packNotFound(packId);
  if (meta.actorRole !== 'system' && meta.actorId !== state.clientId) throw packNotFound(packId);
  return state;
}

export function requireSystem(meta: CommandMeta): void {
  if (meta.actorRole !== 'system') throw packSystemOnly();
}

export const reached = (now: string, at: string): boolean => Date.parse(now) >= Date.parse(at);

/** The end of the withdrawal window: `withdrawalDays` after the purchase. */
export const withdrawalEndsAt = (pack: ExistingHourPack, withdrawalDays: number): string =>
  new Date(Date.parse(pack.purchasedAt) + withdrawalDays * DAY_MS).toISOString();
