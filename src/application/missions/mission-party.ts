import type {
  ExistingMission,
  MissionCommand,
  MissionPricing,
  MissionState,
} from '../../domain/missions';
import { missionNotFound } from '../../domain/missions/mission.errors';
import { divideHalfEven } from '../../domain/shared';
import type { CommandBuilder } from '../shared/command-handling';

/**
 * Whether the account takes part in the mission: its client, its confirmed provider, or one of the
 * providers the request was sent to (a candidate who lost the race must still hear
 * MISSION_ALREADY_CONFIRMED, not that the mission does not exist).
 */
export function isMissionParty(mission: ExistingMission, accountId: string): boolean {
  if (mission.clientId === accountId) return true;
  if ('provider' in mission && mission.provider?.providerId === accountId) return true;
  return mission.candidates.some((c) => c.providerId === accountId);
}

/** The mission, for one of its parties; anyone else is told it does not exist (404 MISSION_NOT_FOUND). */
export function existingMission(
  state: MissionState,
  missionId: string,
  accountId: string,
): ExistingMission {
  if (state.status === 'none' || !isMissionParty(state, accountId))
    throw missionNotFound(missionId);
  return state;
}

/** A command built on the current state (at each retry), once the caller is known to be a party. */
export function forParty(
  missionId: string,
  accountId: string,
  build: (mission: ExistingMission) => MissionCommand,
): CommandBuilder<MissionState, MissionCommand> {
  return (state) => build(existingMission(state, missionId, accountId));
}

/**
 * The price a confirmed provider's pricing gives for a duration: hourly rate × hours, rounded
 * half-even to the cent; a fixed price does not depend on the duration.
 */
export function priceFor(
  pricing: MissionPricing,
  durationMinutes: number,
  fixedCents: number,
): number {
  if (pricing.kind === 'fixed') return fixedCents;
  return Number(divideHalfEven(BigInt(pricing.hourlyRateCents) * BigInt(durationMinutes), 60n));
}
