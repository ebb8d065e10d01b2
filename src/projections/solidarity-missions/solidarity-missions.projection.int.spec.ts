import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '../../application/shared/event-store.port';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { applyEvents, inTransaction } from '../runner/batch';
import { schemaName } from '../runner/generations';
import { SolidarityMissionsProjection } from './solidarity-missions.projection';
import {
  activeSolidarityTypes,
  associationMissions,
  browseSolidarityMissions,
  solidarityMissionById,
  volunteerSignUps,
} from './solidarity-missions.queries';

const NOW = '2026-12-01T09:00:00.000Z';
const ASSO = 'asso-1';
/** Paris 11e, Paris 15e (about 6 km away) and Lyon. */
const PARIS_11 = { lat: 48.8674, lng: 2.3636 };
const PARIS_15 = { lat: 48.8412, lng: 2.3003 };
const LYON = { lat: 45.7597, lng: 4.8422 };

let db: TestDatabase;
const projection = new SolidarityMissionsProjection();
const schema = schemaName(projection, 1);
const revisions = new Map<string, bigint>();
let position = 0n;

function recorded(streamName: string, type: string, data: object, at = NOW): RecordedEvent {
  const revision = revisions.has(streamName) ? (revisions.get(streamName) as bigint) + 1n : 0n;
  revisions.set(streamName, revision);
  position += 1n;
  return {
    id: randomUUID(),
    streamName,
    revision,
    position: { commit: position, prepare: position },
    type,
    schemaVersion: 1,
    data,
    metadata: { occurredAt: at },
    recordedAt: new Date(at),
  };
}

async function given(...events: RecordedEvent[]): Promise<void> {
  const client = await db.pool.connect();
  try {
    await inTransaction(client, () => applyEvents(client, projection, schema, events));
  } finally {
    client.release();
  }
}

const ev = (missionId: string, type: string, data: object) =>
  recorded(`solidarity_mission-${missionId}`, type, { missionId, ...data });

const proposed = (
  missionId: string,
  at: { lat: number; lng: number },
  startsAt: string,
  over: object = {},
) =>
  ev(missionId, 'SolidarityMissionProposed', {
    associationId: ASSO,
    solidarityTypeId: 'aide-alimentaire',
    solidarityTypeLabel: 'Aide alimentaire',
    title: `Mission ${missionId}`,
    description: '',
    place: { address: '1 rue X', postalCode: '75011', city: 'Paris', ...at },
    startsAt,
    durationMinutes: 120,
    volunteersNeeded: 2,
    proposedAt: NOW,
    ...over,
  });

const account = (accountId: string, displayName: string) =>
  recorded(`account-${accountId}`, 'AccountRegistered', {
    accountId,
    roles: ['client'],
    personal: { displayName },
    registeredAt: NOW,
  });

beforeAll(async () => {
  db = await createTestDatabase('mk_solidarity_missions');
});
afterAll(async () => db.drop());

describe('the solidarity-missions read model', () => {
  it('lists the active types', async () => {
    const t = (id: string, type: string, data: object) =>
      recorded(`solidarity_type-${id}`, type, { solidarityTypeId: id, ...data });
    await given(
      t('aide-alimentaire', 'SolidarityTypeDefined', {
        label: 'Aide alimentaire',
        description: '',
        definedBy: 'a',
        definedAt: NOW,
      }),
      t('maraudes', 'SolidarityTypeDefined', {
        label: 'Maraudes',
        description: '',
        definedBy: 'a',
        definedAt: NOW,
      }),
      t('maraudes', 'SolidarityTypeRetired', { retiredBy: 'a', retiredAt: NOW }),
    );
    expect((await activeSolidarityTypes(db.pool)).items.map((i) => i.solidarityTypeId)).toEqual([
      'aide-alimentaire',
    ]);
  });

  it('offers open missions with places left, nearest first, within the radius, after now and `from`', async () => {
    await given(
      account('v1', 'Camille Bernard'),
      account('v2', 'Yanis Moreau'),
      proposed('near', PARIS_11, '2026-12-10T09:00:00.000Z'),
      proposed('farther', PARIS_15, '2026-12-05T09:00:00.000Z'),
      proposed('lyon', LYON, '2026-12-05T09:00:00.000Z'),
      proposed('past', PARIS_11, '2026-11-30T09:00:00.000Z'),
      proposed('full', PARIS_11, '2026-12-06T09:00:00.000Z'),
      ev('full', 'VolunteerSignedUp', { volunteerId: 'v1', signedUpAt: NOW, placesLeft: 1 }),
      ev('full', 'VolunteerSignedUp', { volunteerId: 'v2', signedUpAt: NOW, placesLeft: 0 }),
      ev('full', 'SolidarityMissionFilled', { volunteersNeeded: 2, filledAt: NOW }),
    );
    const browse = (q: object = {}) =>
      browseSolidarityMissions(db.pool, { radiusKm: 20, now: NOW, limit: 50, ...q }).then((r) =>
        r.items.map((i) => i.missionId),
      );
    expect(await browse({ near: PARIS_11 })).toEqual(['near', 'farther']);
    expect(await browse({ near: PARIS_11, radiusKm: 3 })).toEqual(['near']);
    expect(await browse()).toEqual(['farther', 'lyon', 'near']);
    expect(await browse({ from: '2026-12-07T00:00:00.000Z' })).toEqual(['near']);
    expect(await browse({ solidarityTypeId: 'maraudes' })).toEqual([]);

    // A withdrawal reopens the full one; the association sees names, the volunteer their own.
    await given(
      ev('full', 'VolunteerWithdrew', { volunteerId: 'v2', withdrewAt: NOW, placesLeft: 1 }),
    );
    expect(await browse({ near: PARIS_11 })).toEqual(['full', 'near', 'farther']);
    expect(await solidarityMissionById(db.pool, 'full')).toMatchObject({
      status: 'open',
      placesLeft: 1,
      volunteersSignedUp: 1,
    });
    const mine = await associationMissions(db.pool, ASSO, 50);
    expect(mine.items.find((m) => m.missionId === 'full')?.volunteers).toEqual([
      expect.objectContaining({
        volunteerId: 'v1',
        displayName: 'Camille Bernard',
        status: 'signed_up',
      }),
      expect.objectContaining({
        volunteerId: 'v2',
        displayName: 'Yanis Moreau',
        status: 'withdrawn',
      }),
    ]);
    expect((await volunteerSignUps(db.pool, 'v2', 50)).items).toEqual([
      expect.objectContaining({
        signUpStatus: 'withdrawn',
        mission: expect.objectContaining({ missionId: 'full' }),
      }),
    ]);
  });

  it('records attendance and cancellations on the sign-ups; an erased volunteer loses their name; redelivery changes nothing', async () => {
    const attendance = ev('full', 'SolidarityAttendanceConfirmed', {
      associationId: ASSO,
      attended: ['v1'],
      absent: [],
      confirmedBy: ASSO,
      confirmedAt: '2026-12-06T12:00:00.000Z',
    });
    await given(
      attendance,
      ev('near', 'VolunteerSignedUp', { volunteerId: 'v1', signedUpAt: NOW, placesLeft: 1 }),
      ev('near', 'SolidarityMissionCancelled', {
        associationId: ASSO,
        reason: 'Salle indisponible',
        volunteerIds: ['v1'],
        cancelledBy: ASSO,
        cancelledAt: NOW,
      }),
      recorded('account-v1', 'AccountErased', { accountId: 'v1', erasedAt: NOW }),
    );
    await given(attendance);
    const statuses = (await volunteerSignUps(db.pool, 'v1', 50)).items.map((i) => [
      i.mission.missionId,
      i.signUpStatus,
    ]);
    expect(statuses).toEqual([
      ['near', 'mission_cancelled'],
      ['full', 'attended'],
    ]);
    expect(await solidarityMissionById(db.pool, 'near')).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Salle indisponible',
    });
    const full = (await associationMissions(db.pool, ASSO, 50)).items.find(
      (m) => m.missionId === 'full',
    );
    expect(full).toMatchObject({ status: 'completed' });
    expect(full?.volunteers[0]).toMatchObject({
      volunteerId: 'v1',
      displayName: null,
      status: 'attended',
    });
  });
});
