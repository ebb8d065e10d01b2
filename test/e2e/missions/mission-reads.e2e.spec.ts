import { Clock, ManualClock } from '../../../src/application/shared/clock';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { ProjectionsService } from '../../../src/projections/projections.service';
import { MissionScript } from '../../../src/projections/missions/missions.fixtures.spec';
import { pdfText } from '../../support/pdf-text';
import { startTestApp, TestApp } from '../../support/test-app';
import {
  PLACE,
  seedOfferingProvider,
  seedServiceType,
  tenOClock,
} from './mission-request-fixtures';

/**
 * The missions read side over HTTP (seed 002 "Vos demandes", "Historique", "La fiche
 * d'intervention"), fed by mission events appended straight to the log.
 */
describe('missions read routes', () => {
  let t: TestApp;
  let store: EventStore;
  const clock = new ManualClock('2026-12-05T08:00:00.000Z');
  const s = new MissionScript('missions-e2e');
  const client = s.account('client', 'Claire Martin', undefined, {
    line1: '3 place Bellecour',
    postalCode: '69002',
    city: 'Lyon',
  });
  const ana = s.account('provider', 'Ana Ménage');
  const bob = s.account('provider', 'Bob Services');
  const outsider = s.account('provider', 'Zoé Extérieure');
  const stranger = s.account('client', 'Paul Durand');
  // 2026-12-10 14:00Z for 150 minutes: in the history from 2026-12-11 16:30Z.
  const startsAt = '2026-12-10T14:00:00.000Z';
  let booked: string;
  let waiting: string;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ token: tokens[who] });

  beforeAll(async () => {
    // Workers stay off: the scripted mission has no money process behind it.
    t = await startTestApp({ PROCESS_ROLES: 'api,projectors' }, [[Clock, clock]]);
    store = t.app.get(EVENT_STORE);
    const b = s.request({ clientId: client, candidates: [ana, bob], startsAt });
    booked = b.missionId;
    s.confirm(booked, client, b.candidates[0], 8_500, '2026-12-02T10:00:00.000Z');
    s.mission(
      'MissionMessagePosted',
      {
        missionId: booked,
        messageId: s.id('message'),
        authorId: ana,
        text: 'Bonjour, je serai là à 14 h.',
        fileRefs: [],
        postedAt: '2026-12-02T11:00:00.000Z',
      },
      '2026-12-02T11:00:00.000Z',
      ana,
    );
    waiting = s.request({
      clientId: client,
      candidates: [bob],
      startsAt: '2026-12-20T09:00:00.000Z',
      label: 'Jardinage',
    }).missionId;
    await s.appendTo(store);
    await t.app.get(ProjectionsService).settle();
    for (const [name, id, role] of [
      ['client', client, 'client'],
      ['ana', ana, 'provider'],
      ['bob', bob, 'provider'],
      ['outsider', outsider, 'provider'],
      ['stranger', stranger, 'client'],
    ] as const)
      tokens[name] = await t.tokenFor({ accountId: id, roles: [role] });
    tokens.finance = await t.tokenFor({ roles: ['finance'] });
    tokens.mediator = await t.tokenFor({ roles: ['mediator'] });
  });
  afterAll(async () => t.close());

  it('GET /missions/{id}: the mission for its parties and staff, with an ETag', async () => {
    const res = await t.request('GET', `/missions/${booked}`, as('client'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      missionId: booked,
      status: 'confirmed',
      statusLabel: 'Rendez-vous confirmé',
      serviceTypeLabel: 'Ménage',
      startsAt,
      durationMinutes: 150,
      place: { address: '12 rue des Lilas', city: 'Lyon' },
      provider: { accountId: ana, displayName: 'Ana Ménage' },
      priceCents: 7_500,
      payment: { plan: 'authorise_now', authorised: false },
      pendingChange: null,
      cancellation: null,
      interventionSheetUrl: `/missions/${booked}/intervention-sheet`,
    });
    expect(res.headers.etag).toBe(`"${res.body.revision}"`);
    const again = await t.request('GET', `/missions/${booked}`, {
      ...as('client'),
      headers: { 'if-none-match': String(res.headers.etag) },
    });
    expect(again.status).toBe(304);

    expect((await t.request('GET', `/missions/${booked}`, as('ana'))).status).toBe(200);
    expect((await t.request('GET', `/missions/${booked}`, as('mediator'))).status).toBe(200);
    // A candidate sees a pending request it may answer.
    const pending = await t.request('GET', `/missions/${waiting}`, as('bob'));
    expect(pending.body).toMatchObject({ status: 'pending', statusLabel: 'En attente de réponse' });
  });

  it('GET /missions/{id}: 404 MISSION_NOT_FOUND for a non-party, a losing candidate and an unknown id', async () => {
    for (const [who, id] of [
      ['outsider', booked],
      ['stranger', booked],
      ['bob', booked],
      ['ana', waiting],
      ['client', '00000000-0000-4000-a000-000000000000'],
    ] as const) {
      const res = await t.request('GET', `/missions/${id}`, as(who));
      expect({ who, status: res.status, code: res.body.code }).toEqual({
        who,
        status: 404,
        code: 'MISSION_NOT_FOUND',
      });
    }
  });

  it('GET /missions/{id}/messages: the conversation for its parties only', async () => {
    const res = await t.request('GET', `/missions/${booked}/messages`, as('client'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      total: 1,
      items: [{ authorId: ana, text: 'Bonjour, je serai là à 14 h.' }],
    });
    const outsiderRes = await t.request('GET', `/missions/${booked}/messages`, as('outsider'));
    expect([outsiderRes.status, outsiderRes.body.code]).toEqual([404, 'MISSION_NOT_FOUND']);
  });

  it('GET /missions/{id}/intervention-sheet: the printable sheet, employer part and coupon', async () => {
    const res = await t.request('GET', `/missions/${booked}/intervention-sheet`, as('ana'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const raw = await t.app.inject({
      method: 'GET',
      url: `/missions/${booked}/intervention-sheet`,
      headers: { authorization: `Bearer ${tokens.client}` },
    });
    const text = pdfText(raw.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('PARTIE EMPLOYEUR');
    expect(text).toContain('Claire Martin');
    expect(text).toContain('3 place Bellecour');
    expect(text).toContain('Ana Ménage');
    expect(text).toContain('Découper ici');
    expect(text).toContain(`Numéro de la demande : M-${booked.slice(0, 8).toUpperCase()}`);
    expect(text).toContain('Type de service : Ménage');
    const denied = await t.request('GET', `/missions/${booked}/intervention-sheet`, as('stranger'));
    expect([denied.status, denied.body.code]).toEqual([404, 'MISSION_NOT_FOUND']);
  });

  it('the client area: pending requests, upcoming appointments, and the history 24 h after', async () => {
    const pending = await t.request('GET', '/me/missions/pending', as('client'));
    expect(pending.status).toBe(200);
    expect(pending.body).toMatchObject({ total: 1, limit: 50, offset: 0 });
    expect(pending.body.items[0]).toMatchObject({
      missionId: waiting,
      serviceTypeLabel: 'Jardinage',
      startsAt: '2026-12-20T09:00:00.000Z',
      provider: { accountId: bob, displayName: 'Bob Services' },
      priceCents: 7_500,
      interventionSheetUrl: `/missions/${waiting}/intervention-sheet`,
    });
    const upcoming = await t.request('GET', '/me/missions/upcoming', as('client'));
    expect(upcoming.body.items.map((i: { missionId: string }) => i.missionId)).toEqual([booked]);
    expect((await t.request('GET', '/me/missions/history', as('client'))).body.total).toBe(0);
    // Nobody else's missions show in another client's area.
    expect((await t.request('GET', '/me/missions/pending', as('stranger'))).body.total).toBe(0);

    clock.set('2026-12-11T16:29:59.000Z');
    expect((await t.request('GET', '/me/missions/history', as('client'))).body.total).toBe(0);
    clock.set('2026-12-11T16:30:00.000Z');
    const history = await t.request('GET', '/me/missions/history?limit=10', as('client'));
    expect(history.status).toBe(200);
    expect(history.body.items).toEqual([
      expect.objectContaining({
        missionId: booked,
        summary: 'Ménage — 2 h 30 — 75,00 € — Rendez-vous confirmé',
        appreciation: null,
        recommendation: null,
        interventionSheetUrl: `/missions/${booked}/intervention-sheet`,
      }),
    ]);
    expect((await t.request('GET', '/me/missions/upcoming', as('client'))).body.total).toBe(0);
    clock.set('2026-12-05T08:00:00.000Z');
  });

  it('the provider’s mirror: requests to answer, agenda, history', async () => {
    const requests = await t.request('GET', '/me/provider/missions/requests', as('bob'));
    expect(requests.status).toBe(200);
    expect(requests.body.items).toEqual([
      expect.objectContaining({ missionId: waiting, rank: 1, priceCents: 7_500 }),
    ]);
    expect((await t.request('GET', '/me/provider/missions/requests', as('ana'))).body.total).toBe(
      0,
    );
    const agenda = await t.request('GET', '/me/provider/missions/agenda', as('ana'));
    expect(agenda.body.items).toEqual([
      expect.objectContaining({
        missionId: booked,
        client: expect.objectContaining({ displayName: 'Claire Martin' }),
      }),
    ]);
    expect((await t.request('GET', '/me/provider/missions/history', as('ana'))).body.total).toBe(0);
    clock.set('2026-12-12T00:00:00.000Z');
    const history = await t.request('GET', '/me/provider/missions/history', as('ana'));
    expect(history.body.items.map((i: { missionId: string }) => i.missionId)).toEqual([booked]);
    clock.set('2026-12-05T08:00:00.000Z');
  });

  it('GET /admin/missions: every mission for staff, by status and date range', async () => {
    const all = await t.request('GET', '/admin/missions', as('finance'));
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    const confirmed = await t.request('GET', '/admin/missions?status=confirmed', as('finance'));
    expect(confirmed.body.items.map((i: { missionId: string }) => i.missionId)).toEqual([booked]);
    const range = await t.request(
      'GET',
      '/admin/missions?from=2026-12-15T00:00:00.000Z&to=2026-12-31T00:00:00.000Z',
      as('mediator'),
    );
    expect(range.body.items.map((i: { missionId: string }) => i.missionId)).toEqual([waiting]);
    const bad = await t.request('GET', '/admin/missions?status=unknown', as('finance'));
    expect(bad.status).toBe(400);
    expect((await t.request('GET', '/admin/missions', as('client'))).status).toBe(403);
  });
});

/** The same reads behind the real write routes: publish, refuse, accept, validate, appreciate. */
describe('missions read routes behind the write side', () => {
  let t: TestApp;
  /** A fixed afternoon: a start four days ahead at 10:00 then ends within the card authorisation's lifetime (authorised at once), whatever the hour the suite runs. */
  const clock = new ManualClock('2026-12-07T14:00:00.000Z');
  const HOUR = 3_600_000;
  let cleaning: string;
  let cheap: string;
  let dear: string;
  const clientId = '7e57c11e-0000-4000-a000-00000000c11e';
  const as = (accountId: string, role: 'client' | 'provider') =>
    t.tokenFor({ accountId, roles: [role] });
  const get = async (url: string, token: string) => t.request('GET', url, { token });
  const post = async (url: string, token: string, body: object = {}) =>
    t.request('POST', url, { token, body });

  beforeAll(async () => {
    t = await startTestApp({}, [[Clock, clock]]);
    cleaning = await seedServiceType(t);
    cheap = await seedOfferingProvider(t, cleaning, 3_000);
    dear = await seedOfferingProvider(t, cleaning, 4_500);
    await t.settle();
  });
  afterAll(async () => t?.close());

  it('follows a mission from the request to the history', async () => {
    const client = await as(clientId, 'client');
    const startsAt = tenOClock(clock.now(), 4);
    const published = await post('/missions', client, {
      serviceTypeId: cleaning,
      place: PLACE,
      startsAt,
      durationMinutes: 120,
      details: 'Digicode 4521, 3e étage.',
      paymentMethod: 'pm_card_visa',
    });
    expect(published.status).toBe(201);
    const { missionId } = published.body;
    await t.settle();

    const pending = await get('/me/missions/pending', client);
    expect(pending.body.items).toEqual([
      expect.objectContaining({
        missionId,
        serviceTypeLabel: 'Ménage',
        priceCents: 9_000,
        provider: null,
      }),
    ]);
    const cheapRequests = await get('/me/provider/missions/requests', await as(cheap, 'provider'));
    expect(cheapRequests.body.items).toEqual([
      expect.objectContaining({ missionId, priceCents: 6_000, rank: 1 }),
    ]);

    await post(`/missions/${missionId}/refuse`, await as(cheap, 'provider'), {
      reason: 'availability',
    });
    await t.settle();
    expect(
      (await get('/me/provider/missions/requests', await as(cheap, 'provider'))).body.total,
    ).toBe(0);
    expect((await get(`/missions/${missionId}`, await as(cheap, 'provider'))).status).toBe(404);

    expect((await post(`/missions/${missionId}/accept`, await as(dear, 'provider'))).status).toBe(
      200,
    );
    await t.settle();
    const view = await get(`/missions/${missionId}`, client);
    expect(view.body).toMatchObject({
      status: 'confirmed',
      statusLabel: 'Rendez-vous confirmé',
      provider: { accountId: dear },
      priceCents: 9_000,
      payment: { plan: 'authorise_now', authorised: true },
    });
    const upcoming = await get('/me/missions/upcoming', client);
    expect(upcoming.body.items.map((i: { missionId: string }) => i.missionId)).toEqual([missionId]);
    const agenda = await get('/me/provider/missions/agenda', await as(dear, 'provider'));
    expect(agenda.body.items.map((i: { missionId: string }) => i.missionId)).toEqual([missionId]);

    clock.set(new Date(Date.parse(startsAt) + 3 * HOUR));
    expect((await post(`/missions/${missionId}/validate`, client)).status).toBe(200);
    expect(
      (await post(`/missions/${missionId}/appreciation`, client, { value: 2, comment: 'Parfait.' }))
        .status,
    ).toBe(201);
    expect(
      (await post(`/missions/${missionId}/recommendation`, client, { text: 'Je recommande.' }))
        .status,
    ).toBe(201);
    await t.settle();
    // Ended at start + 2 h: in the history from start + 26 h.
    expect((await get('/me/missions/history', client)).body.total).toBe(0);
    clock.set(new Date(Date.parse(startsAt) + 26 * HOUR));
    const history = await get('/me/missions/history', client);
    expect(history.body.items).toEqual([
      expect.objectContaining({
        missionId,
        summary: 'Ménage — 2 h — 90,00 € — Mission terminée',
        appreciation: expect.objectContaining({
          value: 2,
          label: 'Très satisfait',
          comment: 'Parfait.',
        }),
        recommendation: expect.objectContaining({ text: 'Je recommande.' }),
      }),
    ]);
    const profile = await t.request('GET', `/profiles/${dear}`);
    expect(profile.body.missionAppreciations).toMatchObject({
      count: 1,
      average: 2,
      recommendations: 1,
    });
    const sheet = await t.app.inject({
      method: 'GET',
      url: `/missions/${missionId}/intervention-sheet`,
      headers: { authorization: `Bearer ${await as(dear, 'provider')}` },
    });
    expect(sheet.statusCode).toBe(200);
    expect(pdfText(sheet.rawPayload)).toContain('Digicode 4521, 3e étage.');
  });
});
