import { missionDecider } from '../../domain/missions';
import type { ExistingMission, MissionEvent, MissionState } from '../../domain/missions';
import { MissionCandidateRow, MissionViewRow } from './missions.tables';

const MINUTE_MS = 60_000;

export const candidateKey = (missionId: string, providerId: string): string =>
  `${missionId}/${providerId}`;

export function endsAt(startsAt: string, durationMinutes: number): string {
  return new Date(Date.parse(startsAt) + durationMinutes * MINUTE_MS).toISOString();
}

/**
 * The price the client area shows: the confirmed provider's; before that, the one candidate's
 * price for a direct request, or what is reserved (the highest candidate price) for a dispatch.
 */
export function shownPrice(mission: ExistingMission): number {
  if ('provider' in mission && mission.provider) return mission.provider.priceCents;
  if (mission.candidates.length === 1) return mission.candidates[0].priceCents;
  return mission.reservedCents;
}

function columns(
  mission: ExistingMission,
  row: MissionViewRow | undefined,
  rev: number,
  at: string,
): MissionViewRow {
  const provider = 'provider' in mission && mission.provider ? mission.provider.providerId : null;
  const erased = row?.client_erased ?? false;
  return {
    mission_id: mission.missionId,
    rev,
    status: mission.status,
    client_id: mission.clientId,
    provider_id: provider,
    service_type_label: mission.serviceTypeLabel,
    starts_at: mission.terms.startsAt,
    ends_at: endsAt(mission.terms.startsAt, mission.terms.durationMinutes),
    price_cents: shownPrice(mission),
    requested_at: mission.requestedAt,
    client_erased: erased,
    state: erased ? withoutClientData(mission) : mission,
    updated_at: at,
  };
}

/**
 * Folds one event into the mission's row with the mission's own `evolve`, so the read model and the
 * aggregate never disagree on a status; an event before the request, or a redelivery, changes nothing.
 */
export function evolveMissionRow(
  row: MissionViewRow | undefined,
  event: MissionEvent,
  rev: number,
  at: string,
): MissionViewRow | undefined {
  const before: MissionState = row ? row.state : missionDecider.initialState();
  const after = missionDecider.evolve(before, event);
  if (after.status === 'none') return undefined;
  return columns(after, row, rev, at);
}

/**
 * The candidate rows a mission implies: its current candidates (refused or not), and the earlier
 * ones a change of the request no longer addresses.
 */
export function candidateRows(
  before: MissionState | undefined,
  after: ExistingMission,
): MissionCandidateRow[] {
  const refused = new Set(after.refusals.map((r) => r.providerId));
  const current = new Set(after.candidates.map((c) => c.providerId));
  const rows: MissionCandidateRow[] = after.candidates.map((c) => ({
    candidate_key: candidateKey(after.missionId, c.providerId),
    mission_id: after.missionId,
    provider_id: c.providerId,
    rank: c.rank,
    price_cents: c.priceCents,
    current: true,
    refused: refused.has(c.providerId),
  }));
  if (before && before.status !== 'none')
    for (const c of before.candidates)
      if (!current.has(c.providerId))
        rows.push({
          candidate_key: candidateKey(after.missionId, c.providerId),
          mission_id: after.missionId,
          provider_id: c.providerId,
          rank: c.rank,
          price_cents: c.priceCents,
          current: false,
          refused: before.refusals.some((r) => r.providerId === c.providerId),
        });
  return rows;
}

/** The client's own words and address leave the row with the client's erasure; the money facts stay. */
export function withoutClientData(mission: ExistingMission): ExistingMission {
  const copy = structuredClone(mission) as ExistingMission;
  copy.place = { ...copy.place, address: '' };
  copy.terms = { ...copy.terms, details: '' };
  if ('appreciation' in copy && copy.appreciation)
    copy.appreciation = { ...copy.appreciation, comment: '' };
  if ('recommendation' in copy && copy.recommendation)
    copy.recommendation = { ...copy.recommendation, text: '' };
  return copy;
}

/** Applies a client's erasure to a row already written. */
export function eraseClient(row: MissionViewRow): MissionViewRow {
  const state = row.state as ExistingMission;
  return { ...row, client_erased: true, state: withoutClientData(state) };
}
