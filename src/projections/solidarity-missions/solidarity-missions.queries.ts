import { Pool } from 'pg';
import {
  SOLIDARITY_MISSION_STATUS_LABELS,
  type SolidarityMissionStatus,
} from '../../domain/solidarity';
import { int, iso } from '../shared/query-helpers';

export interface SolidarityTypeItem {
  solidarityTypeId: string;
  label: string;
  description: string;
  status: 'active' | 'retired';
}

/** The active types, by label. */
export async function activeSolidarityTypes(pool: Pool): Promise<{ items: SolidarityTypeItem[] }> {
  const { rows } = await pool.query(
    `SELECT solidarity_type_id, label, description, status FROM rm_solidarity_types
      WHERE status = 'active' ORDER BY label, solidarity_type_id`,
  );
  return {
    items: rows.map((r) => ({
      solidarityTypeId: r.solidarity_type_id,
      label: r.label,
      description: r.description,
      status: r.status,
    })),
  };
}

export interface SolidarityMissionItem {
  missionId: string;
  status: SolidarityMissionStatus;
  statusLabel: string;
  associationId: string;
  associationName: string | null;
  solidarityTypeId: string;
  solidarityTypeLabel: string;
  title: string;
  description: string;
  place: { address: string; postalCode: string; city: string; lat: number; lng: number };
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  volunteersNeeded: number;
  volunteersSignedUp: number;
  placesLeft: number;
  /** From the `near` postal code; null without it. */
  distanceKm: number | null;
  proposedAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  attendanceConfirmedAt: string | null;
}

const MISSION_COLUMNS = `m.mission_id, m.status, m.association_id, a.display_name AS association_name,
  m.solidarity_type_id, m.solidarity_type_label, m.title, m.description, m.address, m.postal_code,
  m.city, m.lat, m.lng, m.starts_at, m.ends_at, m.duration_minutes, m.volunteers_needed,
  m.volunteers_count, m.proposed_at, m.cancelled_at, m.cancel_reason, m.attendance_confirmed_at`;

function missionItem(r: Record<string, unknown>): SolidarityMissionItem {
  const status = r.status as SolidarityMissionStatus;
  const needed = int(r.volunteers_needed);
  const count = int(r.volunteers_count);
  return {
    missionId: String(r.mission_id),
    status,
    statusLabel: SOLIDARITY_MISSION_STATUS_LABELS[status] ?? status,
    associationId: String(r.association_id),
    associationName: typeof r.association_name === 'string' ? r.association_name : null,
    solidarityTypeId: String(r.solidarity_type_id),
    solidarityTypeLabel: String(r.solidarity_type_label),
    title: String(r.title),
    description: String(r.description),
    place: {
      address: String(r.address),
      postalCode: String(r.postal_code),
      city: String(r.city),
      lat: Number(r.lat),
      lng: Number(r.lng),
    },
    startsAt: iso(r.starts_at)!,
    endsAt: iso(r.ends_at)!,
    durationMinutes: int(r.duration_minutes),
    volunteersNeeded: needed,
    volunteersSignedUp: count,
    placesLeft: Math.max(0, needed - count),
    distanceKm:
      r.distance_m === undefined || r.distance_m === null
        ? null
        : Math.round(Number(r.distance_m) / 100) / 10,
    proposedAt: iso(r.proposed_at)!,
    cancelledAt: iso(r.cancelled_at),
    cancelReason: typeof r.cancel_reason === 'string' ? r.cancel_reason : null,
    attendanceConfirmedAt: iso(r.attendance_confirmed_at),
  };
}

export interface BrowseQuery {
  near?: { lat: number; lng: number };
  radiusKm: number;
  solidarityTypeId?: string;
  /** Missions starting at or after this instant (and always after now). */
  from?: string;
  now: string;
  limit: number;
}

/**
 * Open missions (places left, not cancelled, attendance not confirmed) that start after now,
 * nearest first when `near` is given (within `radiusKm`, `earth_box` on the GiST index then
 * `earth_distance`), else soonest first.
 */
export async function browseSolidarityMissions(
  pool: Pool,
  q: BrowseQuery,
): Promise<{ items: SolidarityMissionItem[] }> {
  const params: unknown[] = [q.now, q.from ?? q.now, q.solidarityTypeId ?? null, q.limit];
  let distance = 'NULL::double precision';
  let within = '';
  let order = 'm.starts_at, m.mission_id';
  if (q.near) {
    params.push(q.near.lat, q.near.lng, q.radiusKm * 1000);
    distance = 'earth_distance(m.earth, ll_to_earth($5, $6))';
    within = `AND earth_box(ll_to_earth($5, $6), $7) @> m.earth
              AND earth_distance(m.earth, ll_to_earth($5, $6)) <= $7`;
    order = 'distance_m, m.starts_at, m.mission_id';
  }
  const { rows } = await pool.query(
    `SELECT ${MISSION_COLUMNS}, ${distance} AS distance_m
       FROM rm_solidarity_missions m
       LEFT JOIN rm_solidarity_parties a ON a.account_id = m.association_id
      WHERE m.status = 'open' AND m.volunteers_count < m.volunteers_needed
        AND m.starts_at > $1 AND m.starts_at >= $2
        AND ($3::text IS NULL OR m.solidarity_type_id = $3)
        ${within}
      ORDER BY ${order}
      LIMIT $4`,
    params,
  );
  return { items: rows.map(missionItem) };
}

export async function solidarityMissionById(
  pool: Pool,
  missionId: string,
): Promise<SolidarityMissionItem | null> {
  const { rows } = await pool.query(
    `SELECT ${MISSION_COLUMNS} FROM rm_solidarity_missions m
       LEFT JOIN rm_solidarity_parties a ON a.account_id = m.association_id
      WHERE m.mission_id = $1`,
    [missionId],
  );
  return rows[0] ? missionItem(rows[0]) : null;
}

export const SIGN_UP_STATUS_LABELS: Record<string, string> = {
  signed_up: 'Inscrit',
  withdrawn: 'Désisté',
  attended: 'Présent',
  absent: 'Absent',
  mission_cancelled: 'Mission annulée',
};

/** The caller's sign-up status on one mission, or null. */
export async function signUpStatus(
  pool: Pool,
  missionId: string,
  volunteerId: string,
): Promise<string | null> {
  const { rows } = await pool.query(
    'SELECT status FROM rm_solidarity_sign_ups WHERE mission_id = $1 AND volunteer_id = $2',
    [missionId, volunteerId],
  );
  return rows[0]?.status ?? null;
}

export interface MissionVolunteer {
  volunteerId: string;
  /** Personal data: shown to the mission's association only; null once the account is erased. */
  displayName: string | null;
  status: string;
  statusLabel: string;
  signedUpAt: string;
  withdrewAt: string | null;
}

/** The association's missions, soonest first, each with its volunteers (withdrawn ones included). */
export async function associationMissions(
  pool: Pool,
  associationId: string,
  limit: number,
): Promise<{ items: (SolidarityMissionItem & { volunteers: MissionVolunteer[] })[] }> {
  const { rows } = await pool.query(
    `SELECT ${MISSION_COLUMNS} FROM rm_solidarity_missions m
       LEFT JOIN rm_solidarity_parties a ON a.account_id = m.association_id
      WHERE m.association_id = $1
      ORDER BY m.starts_at DESC, m.mission_id LIMIT $2`,
    [associationId, limit],
  );
  const missions = rows.map(missionItem);
  const ids = missions.map((m) => m.missionId);
  const { rows: volunteers } = ids.length
    ? await pool.query(
        `SELECT s.mission_id, s.volunteer_id, s.status, s.signed_up_at, s.withdrew_at,
                p.display_name, p.erased
           FROM rm_solidarity_sign_ups s
           LEFT JOIN rm_solidarity_parties p ON p.account_id = s.volunteer_id
          WHERE s.mission_id = ANY($1::text[])
          ORDER BY s.signed_up_at, s.volunteer_id`,
        [ids],
      )
    : { rows: [] as Record<string, unknown>[] };
  return {
    items: missions.map((m) => ({
      ...m,
      volunteers: volunteers
        .filter((v) => v.mission_id === m.missionId)
        .map((v) => ({
          volunteerId: String(v.volunteer_id),
          displayName:
            v.erased === true || typeof v.display_name !== 'string' ? null : v.display_name,
          status: String(v.status),
          statusLabel: SIGN_UP_STATUS_LABELS[String(v.status)] ?? String(v.status),
          signedUpAt: iso(v.signed_up_at)!,
          withdrewAt: iso(v.withdrew_at),
        })),
    })),
  };
}

/** The volunteer's sign-ups, soonest mission first, with the mission (no other volunteer named). */
export async function volunteerSignUps(
  pool: Pool,
  volunteerId: string,
  limit: number,
): Promise<{
  items: {
    signUpStatus: string;
    signUpStatusLabel: string;
    signedUpAt: string;
    withdrewAt: string | null;
    mission: SolidarityMissionItem;
  }[];
}> {
  const { rows } = await pool.query(
    `SELECT ${MISSION_COLUMNS}, s.status AS sign_up_status, s.signed_up_at, s.withdrew_at
       FROM rm_solidarity_sign_ups s
       JOIN rm_solidarity_missions m ON m.mission_id = s.mission_id
       LEFT JOIN rm_solidarity_parties a ON a.account_id = m.association_id
      WHERE s.volunteer_id = $1
      ORDER BY m.starts_at DESC, m.mission_id LIMIT $2`,
    [volunteerId, limit],
  );
  return {
    items: rows.map((r) => ({
      signUpStatus: String(r.sign_up_status),
      signUpStatusLabel:
        SIGN_UP_STATUS_LABELS[String(r.sign_up_status)] ?? String(r.sign_up_status),
      signedUpAt: iso(r.signed_up_at)!,
      withdrewAt: iso(r.withdrew_at),
      mission: missionItem(r),
    })),
  };
}
