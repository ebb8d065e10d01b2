import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import type { SolidarityMissionEvent, SolidarityTypeEvent } from '../../domain/solidarity';
import { occurredAt, Projection, ProjectionSession } from '../runner/projection';
import { isNewer, RowBuffer } from '../runner/row-buffer';
import {
  applyPartyEvent,
  isPartyEvent,
  PARTY_EVENTS,
  partiesBuffer,
  partyKey,
} from '../shared/parties';
import {
  applySignUpChange,
  evolveMissionRow,
  evolveTypeRow,
  signUpChanges,
  signUpKey,
} from './solidarity-missions.evolve';
import {
  SOLIDARITY_MISSIONS,
  SOLIDARITY_MISSIONS_TABLES,
  SOLIDARITY_SIGN_UPS,
  SOLIDARITY_TYPES,
} from './solidarity-missions.tables';

export const SOLIDARITY_TYPE_EVENT_TYPES = [
  'SolidarityTypeDefined',
  'SolidarityTypeRevised',
  'SolidarityTypeRetired',
] as const satisfies readonly SolidarityTypeEvent['type'][];

export const SOLIDARITY_MISSION_EVENT_TYPES = [
  'SolidarityMissionProposed',
  'SolidarityMissionCancelled',
  'VolunteerSignedUp',
  'SolidarityMissionFilled',
  'VolunteerWithdrew',
  'SolidarityAttendanceConfirmed',
] as const satisfies readonly SolidarityMissionEvent['type'][];

const TYPE_EVENTS = new Set<string>(SOLIDARITY_TYPE_EVENT_TYPES);
const MISSION_EVENTS = new Set<string>(SOLIDARITY_MISSION_EVENT_TYPES);

const field = (e: RecordedEvent, name: string): string | undefined => {
  const v = (e.data as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
};

/**
 * The solidarity types, the missions (browsed by distance: an earth cube per mission), each
 * volunteer's sign-ups, and the names of the people (shown to the association only).
 */
export class SolidarityMissionsProjection implements Projection {
  readonly name = 'solidarity_missions';
  readonly version = 1;
  readonly handles = [
    ...SOLIDARITY_TYPE_EVENT_TYPES,
    ...SOLIDARITY_MISSION_EVENT_TYPES,
    ...PARTY_EVENTS,
  ];
  readonly tables = SOLIDARITY_MISSIONS_TABLES;

  async handle(
    events: RecordedEvent[],
    tx: PoolClient,
    session?: ProjectionSession,
  ): Promise<void> {
    const types = new RowBuffer(SOLIDARITY_TYPES, tx, false, session);
    const missions = new RowBuffer(SOLIDARITY_MISSIONS, tx, false, session);
    const signUps = new RowBuffer(SOLIDARITY_SIGN_UPS, tx, false, session);
    const parties = partiesBuffer(tx, session);
    await types.prefetch(
      events.filter((e) => TYPE_EVENTS.has(e.type)).map((e) => field(e, 'solidarityTypeId')),
    );
    await missions.prefetch(
      events.filter((e) => MISSION_EVENTS.has(e.type)).map((e) => field(e, 'missionId')),
    );
    await parties.prefetch(events.filter(isPartyEvent).map(partyKey));
    for (const event of events) {
      const at = occurredAt(event);
      const rev = Number(event.revision);
      if (isPartyEvent(event)) {
        await applyPartyEvent(parties, event);
        continue;
      }
      if (TYPE_EVENTS.has(event.type)) {
        const id = field(event, 'solidarityTypeId');
        const row = id ? types.peek(id) : undefined;
        if (!id || (row && !isNewer(event.revision, row.rev))) continue;
        const next = evolveTypeRow(row, event as unknown as SolidarityTypeEvent, rev, at);
        if (next) types.put(next);
        continue;
      }
      if (!MISSION_EVENTS.has(event.type)) continue;
      const id = field(event, 'missionId');
      const row = id ? missions.peek(id) : undefined;
      if (!id || (row && !isNewer(event.revision, row.rev))) continue;
      const mission = event as unknown as SolidarityMissionEvent;
      const next = evolveMissionRow(row, mission, rev, at);
      if (!next) continue;
      missions.put(next);
      for (const change of signUpChanges(mission)) {
        const key = signUpKey(id, change.volunteerId);
        const updated = applySignUpChange(await signUps.get(key), id, change);
        if (updated) signUps.put(updated);
      }
    }
    await types.flush();
    await missions.flush();
    await signUps.flush();
    await parties.flush();
  }
}
