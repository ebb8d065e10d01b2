import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { SolidarityTypeCatalogue } from '../../../src/application/solidarity/solidarity-type.catalogue';
import {
  IdentityTestApp,
  registerAndLogin,
  startIdentityTestApp,
} from '../identity/identity-test-app';
import { seedVerifiedAssociation } from '../../support/association-fixtures';
import { runCli } from '../../support/cli';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Issue 18, points 2 and 3: an association proposes a mission, three volunteers sign up, the
 * mission fills, one withdraws (a place reopens), attendance is confirmed once the clock is past
 * the start. No money anywhere.
 */
describe('solidarity missions (HTTP, controlled clock)', () => {
  let t: IdentityTestApp;
  let associationId: string;
  let association: string;
  const email = (name: string) => `${name}.${randomUUID().slice(0, 8)}@example.fr`;
  const post = (url: string, token: string, body: object = {}, idempotencyKey?: string) =>
    t.request('POST', url, { token, body, idempotencyKey });
  const get = (url: string, token?: string) => t.request('GET', url, { token });

  /** A registered account (a client) that activates the volunteer role itself ("Devenir bénévole"). */
  async function volunteer(
    displayName: string,
    roles = ['client'],
  ): Promise<{ id: string; token: string }> {
    const account = await registerAndLogin(t, { email: email('benevole'), displayName, roles });
    const activated = await post('/me/roles', account.accessToken, { role: 'volunteer' });
    expect(activated.status).toBe(200);
    const switched = await t.request('PUT', '/me/active-role', {
      token: activated.body.accessToken,
      body: { role: 'volunteer' },
    });
    expect(switched.status).toBe(200);
    return { id: account.accountId, token: switched.body.accessToken };
  }

  const mission = (over: Record<string, unknown> = {}) => ({
    solidarityTypeId: 'aide-alimentaire',
    title: 'Distribution de colis',
    description: 'Préparer et distribuer 80 colis avec l’équipe.',
    place: { address: '3 rue de la Solidarité', postalCode: '75011' },
    startsAt: new Date(t.clock.now().getTime() + 3 * DAY).toISOString(),
    durationMinutes: 180,
    volunteersNeeded: 3,
    ...over,
  });

  beforeAll(async () => {
    t = await startIdentityTestApp();
    await t.app
      .get(SolidarityTypeCatalogue)
      .seed({ now: t.clock.now().toISOString(), actorId: 'seed', actorRole: 'system' });
    associationId = randomUUID();
    await seedVerifiedAssociation(t, associationId);
    association = await t.tokenFor({ accountId: associationId, roles: ['association'] });
    await t.settle();
  });
  afterAll(async () => t?.close());

  it('keeps the staff list of solidarity types: the four defaults, then define, revise, retire', async () => {
    const admin = await t.tokenFor({ roles: ['admin'] });
    const defaults = await get('/solidarity/types');
    expect(
      defaults.body.items.map((i: { solidarityTypeId: string }) => i.solidarityTypeId),
    ).toEqual([
      'aide-alimentaire',
      'aide-aux-personnes-agees',
      'soutien-aux-beneficiaires-du-rsa',
      'soutien-aux-personnes-en-situation-de-handicap',
    ]);
    const defined = await post('/admin/solidarity-types', admin, {
      label: 'Maraudes',
      description: 'Aller à la rencontre des personnes à la rue.',
    });
    expect(defined.status).toBe(201);
    expect(defined.body).toMatchObject({ solidarityTypeId: 'maraudes', status: 'active' });
    expect(
      (await post('/admin/solidarity-types', admin, { label: 'maraudes', description: '' })).body
        .code,
    ).toBe('SOLIDARITY_TYPE_EXISTS');
    const revised = await t.request('PUT', '/admin/solidarity-types/maraudes', {
      token: admin,
      body: { label: 'Maraudes solidaires', description: 'Le soir.' },
    });
    expect(revised.body).toMatchObject({
      solidarityTypeId: 'maraudes',
      label: 'Maraudes solidaires',
    });
    expect((await post('/admin/solidarity-types/maraudes/retire', admin)).status).toBe(200);
    expect(
      (await post('/admin/solidarity-types', association, { label: 'X', description: '' })).status,
    ).toBe(403);
    await t.settle();
    const after = await get('/solidarity/types');
    expect(after.body.items).toHaveLength(4);
    const refused = await post(
      '/solidarity/missions',
      association,
      mission({ solidarityTypeId: 'maraudes' }),
    );
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 422,
      code: 'SOLIDARITY_TYPE_RETIRED',
    });
  });

  it('seeds the defaults from the CLI once: a second run (npm run cli -- solidarity-types seed) creates nothing', async () => {
    const run = await runCli(t, ['solidarity-types', 'seed']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/Solidarity types: 0 created, 4 already there\./);
    expect(run.stdout).toMatch(/= Aide alimentaire +aide-alimentaire/);
  }, 120_000);

  it('refuses a mission from an association whose verification is not approved, and bad input without a 500', async () => {
    const unverified = await t.tokenFor({ roles: ['association'] });
    const refused = await post('/solidarity/missions', unverified, mission());
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 403,
      code: 'ASSOCIATION_NOT_VERIFIED',
    });
    for (const [over, status, code] of [
      [{ durationMinutes: 20 }, 400, 'SOLIDARITY_MISSION_INVALID_DURATION'],
      [{ durationMinutes: 721 }, 400, 'SOLIDARITY_MISSION_INVALID_DURATION'],
      [{ volunteersNeeded: 0 }, 400, 'SOLIDARITY_MISSION_INVALID_VOLUNTEERS_NEEDED'],
      [{ volunteersNeeded: 101 }, 400, 'SOLIDARITY_MISSION_INVALID_VOLUNTEERS_NEEDED'],
      [
        { startsAt: new Date(t.clock.now().getTime() - HOUR).toISOString() },
        422,
        'SOLIDARITY_MISSION_START_IN_PAST',
      ],
      [{ place: { address: 'x', postalCode: '00000' } }, 422, 'POSTAL_CODE_UNKNOWN'],
      [{ solidarityTypeId: 'inconnu' }, 422, 'SOLIDARITY_TYPE_NOT_FOUND'],
      [{ volunteersNeeded: 1e12 }, 400, 'VALIDATION_FAILED'],
    ] as const) {
      const res = await post('/solidarity/missions', association, mission(over));
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    }
  });

  it('proposes, fills with three volunteers, reopens a place on a withdrawal, and confirms attendance after the start', async () => {
    const body = mission();
    const proposed = await post('/solidarity/missions', association, body, 'propose-1');
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ status: 'open', statusLabel: 'Ouverte', placesLeft: 3 });
    const { missionId } = proposed.body;
    // The same Idempotency-Key gets the first answer back: one mission.
    expect(
      (await post('/solidarity/missions', association, body, 'propose-1')).body.missionId,
    ).toBe(missionId);

    const camille = await volunteer('Camille Bernard');
    const yanis = await volunteer('Yanis Moreau');
    // A provider can become a volunteer too.
    const lea = await volunteer('Léa Dubois', ['provider']);
    const signUp = (v: { token: string }) =>
      post(`/solidarity/missions/${missionId}/volunteers`, v.token);

    expect((await signUp(camille)).body).toMatchObject({ status: 'open', placesLeft: 2 });
    const again = await signUp(camille);
    expect({ status: again.status, code: again.body.code }).toEqual({
      status: 409,
      code: 'ALREADY_SIGNED_UP',
    });
    expect((await signUp(yanis)).body).toMatchObject({ status: 'open', placesLeft: 1 });
    expect((await signUp(lea)).body).toMatchObject({
      status: 'full',
      statusLabel: 'Complète',
      placesLeft: 0,
    });
    const late = await signUp(await volunteer('Hugo Lefèvre'));
    expect({ status: late.status, code: late.body.code }).toEqual({
      status: 409,
      code: 'SOLIDARITY_MISSION_FULL',
    });

    const events = await t.app
      .get<EventStore>(EVENT_STORE)
      .readStream(`solidarity_mission-${missionId}`);
    expect(events.map((e) => e.type)).toEqual([
      'SolidarityMissionProposed',
      'VolunteerSignedUp',
      'VolunteerSignedUp',
      'VolunteerSignedUp',
      'SolidarityMissionFilled',
    ]);
    expect(JSON.stringify(events.map((e) => e.data))).not.toMatch(/cents|price|amount/i);

    await t.settle();
    // A full mission is not offered to volunteers any more.
    const browsing = await get('/solidarity/missions?near=75011', yanis.token);
    expect(browsing.body.items.map((m: { missionId: string }) => m.missionId)).not.toContain(
      missionId,
    );

    const withdrawn = await t.request('DELETE', `/solidarity/missions/${missionId}/volunteers/me`, {
      token: yanis.token,
    });
    expect(withdrawn.body).toMatchObject({ status: 'open', placesLeft: 1 });
    await t.settle();
    const near = await get(
      '/solidarity/missions?near=75011&radiusKm=5&type=aide-alimentaire',
      lea.token,
    );
    expect(near.body.items).toEqual([
      expect.objectContaining({ missionId, placesLeft: 1, volunteersSignedUp: 2, status: 'open' }),
    ]);
    expect(near.body.items[0].distanceKm).toBeLessThan(5);
    expect(JSON.stringify(near.body)).not.toMatch(/Camille|Léa|Yanis/);
    const far = await get('/solidarity/missions?near=13001&radiusKm=20', lea.token);
    expect(far.body.items).toEqual([]);
    const detail = await get(`/solidarity/missions/${missionId}`, yanis.token);
    expect(detail.body).toMatchObject({ mySignUp: 'withdrawn', placesLeft: 1 });

    const early = await post(`/solidarity/missions/${missionId}/attendance`, association, {
      attended: [camille.id],
    });
    expect({ status: early.status, code: early.body.code }).toEqual({
      status: 409,
      code: 'SOLIDARITY_MISSION_NOT_STARTED',
    });

    // The clock moves past the start: no sign-up, no withdrawal any more; the association confirms.
    t.clock.advance(3 * DAY + HOUR);
    const assoc = await t.tokenFor({ accountId: associationId, roles: ['association'] });
    const lateSignUp = await post(
      `/solidarity/missions/${missionId}/volunteers`,
      await t.tokenFor({ roles: ['volunteer'] }),
    );
    expect(lateSignUp.body.code).toBe('SOLIDARITY_MISSION_STARTED');
    const other = await t.tokenFor({ roles: ['association'] });
    expect(
      (await post(`/solidarity/missions/${missionId}/attendance`, other, { attended: [] })).status,
    ).toBe(404);
    const stranger = await post(`/solidarity/missions/${missionId}/attendance`, assoc, {
      attended: [camille.id, yanis.id],
    });
    expect({ status: stranger.status, code: stranger.body.code }).toEqual({
      status: 422,
      code: 'SOLIDARITY_ATTENDEE_NOT_SIGNED_UP',
    });
    const confirmed = await post(`/solidarity/missions/${missionId}/attendance`, assoc, {
      attended: [camille.id],
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      status: 'completed',
      attended: [camille.id],
      absent: [lea.id],
    });
    const twice = await post(`/solidarity/missions/${missionId}/attendance`, assoc, {
      attended: [],
    });
    expect(twice.body.code).toBe('SOLIDARITY_ATTENDANCE_ALREADY_CONFIRMED');

    await t.settle();
    const mine = await get('/me/solidarity/missions', assoc);
    const row = mine.body.items.find((m: { missionId: string }) => m.missionId === missionId);
    expect(row).toMatchObject({ status: 'completed', attendanceConfirmedAt: expect.any(String) });
    expect(
      row.volunteers.map((v: { displayName: string; status: string }) => [v.displayName, v.status]),
    ).toEqual([
      ['Camille Bernard', 'attended'],
      ['Yanis Moreau', 'withdrawn'],
      ['Léa Dubois', 'absent'],
    ]);
    const signUpsOf = async (v: { id: string }) =>
      (
        await get(
          '/me/solidarity/sign-ups',
          await t.tokenFor({ accountId: v.id, roles: ['volunteer'] }),
        )
      ).body.items[0];
    expect(await signUpsOf(camille)).toMatchObject({
      signUpStatus: 'attended',
      signUpStatusLabel: 'Présent',
    });
    expect(await signUpsOf(yanis)).toMatchObject({ signUpStatus: 'withdrawn' });
    expect(await signUpsOf(lea)).toMatchObject({ signUpStatus: 'absent', mission: { missionId } });
  });

  it('race-safe: ten volunteers racing for three places get exactly three', async () => {
    const assoc = await t.tokenFor({ accountId: associationId, roles: ['association'] });
    const proposed = await post(
      '/solidarity/missions',
      assoc,
      mission({ startsAt: new Date(t.clock.now().getTime() + 2 * DAY).toISOString() }),
    );
    const { missionId } = proposed.body;
    const tokens = await Promise.all(
      Array.from({ length: 10 }, () => t.tokenFor({ roles: ['volunteer'] })),
    );
    const answers = await Promise.all(
      tokens.map((token) => post(`/solidarity/missions/${missionId}/volunteers`, token)),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.code)).toEqual(
      Array(7).fill('SOLIDARITY_MISSION_FULL'),
    );
    const events = await t.app
      .get<EventStore>(EVENT_STORE)
      .readStream(`solidarity_mission-${missionId}`);
    expect(events.filter((e) => e.type === 'VolunteerSignedUp')).toHaveLength(3);
    expect(events.filter((e) => e.type === 'SolidarityMissionFilled')).toHaveLength(1);
  });

  it('cancels before the start and tells the volunteers signed up', async () => {
    const assoc = await t.tokenFor({ accountId: associationId, roles: ['association'] });
    const { missionId } = (
      await post('/solidarity/missions', assoc, mission({ title: 'Maraude du soir' }))
    ).body;
    const nina = await volunteer('Nina Garnier');
    expect((await post(`/solidarity/missions/${missionId}/volunteers`, nina.token)).status).toBe(
      200,
    );
    const other = await t.tokenFor({ roles: ['association'] });
    expect(
      (await post(`/solidarity/missions/${missionId}/cancel`, other, { reason: 'x' })).status,
    ).toBe(404);
    const cancelled = await post(`/solidarity/missions/${missionId}/cancel`, assoc, {
      reason: 'Salle indisponible',
    });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', statusLabel: 'Annulée' });
    const signUp = await post(
      `/solidarity/missions/${missionId}/volunteers`,
      await t.tokenFor({ roles: ['volunteer'] }),
    );
    expect(signUp.body.code).toBe('SOLIDARITY_MISSION_CANCELLED');
    await t.settle();
    const mail = t.mailbox.messages.find((m) => m.subject.includes('Maraude du soir'));
    expect(mail?.subject).toBe('Mission solidaire annulée : « Maraude du soir »');
    expect(mail?.text).toContain('Salle indisponible');
    const signUps = await get(
      '/me/solidarity/sign-ups',
      await t.tokenFor({ accountId: nina.id, roles: ['volunteer'] }),
    );
    expect(signUps.body.items[0]).toMatchObject({
      signUpStatus: 'mission_cancelled',
      mission: { status: 'cancelled' },
    });
  });
});
