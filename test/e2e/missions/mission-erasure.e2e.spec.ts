import { randomBytes } from 'node:crypto';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { missionDecider } from '../../../src/domain/missions';
import type { MissionEvent } from '../../../src/domain/missions';
import { startTestApp, TestApp } from '../../support/test-app';
import { registerAccount } from '../workers/support/helpers';
import {
  missionEvents,
  PLACE,
  seedOfferingProvider,
  seedServiceType,
  tenOClock,
} from './mission-request-fixtures';

/**
 * DESIGN "Security" (crypto-shredding): a mission's address, "Détails importants", messages and
 * cancellation reason are the client's personal data. The log never holds them in clear, and once
 * the client is erased nobody can read them again; the mission still folds and staff still read it.
 */
describe('missions: erasing the client shreds their address, details and words from the log', () => {
  let t: TestApp;
  const tag = randomBytes(4).toString('hex');
  const address = `${tag} rue des Lilas`;
  const details = `Digicode ${tag}, 3e étage.`;
  const proposedDetails = `Aussi les vitres ${tag}.`;
  const message = `Je laisse la clé chez la gardienne ${tag}.`;
  const reason = `Je déménage ${tag}.`;
  const secrets = [address, details, proposedDetails, message, reason, tag];
  let clientId: string;
  let providerId: string;
  let missionId: string;

  const store = () => t.app.get<EventStore>(EVENT_STORE);
  const leaks = (text: string) => secrets.filter((s) => text.includes(s));
  const rawMissionRows = async () =>
    (
      await t.db.pool.query(
        `SELECT event_type, data, data::text || metadata::text AS row FROM es_events WHERE stream_name = $1`,
        [`mission-${missionId}`],
      )
    ).rows as { event_type: string; data: Record<string, unknown>; row: string }[];
  const post = (url: string, token: string, body: object = {}) =>
    t.request('POST', url, { token, body });

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('a client requests a mission, changes it, writes to the provider and cancels with a reason', async () => {
    const cleaning = await seedServiceType(t);
    providerId = await seedOfferingProvider(t, cleaning, 3_000);
    clientId = await registerAccount(t, ['client']);
    await t.settle();
    const client = await t.tokenFor({ accountId: clientId, roles: ['client'] });
    const provider = await t.tokenFor({ accountId: providerId, roles: ['provider'] });
    const published = await post('/missions', client, {
      serviceTypeId: cleaning,
      place: { ...PLACE, address },
      startsAt: tenOClock(new Date(), 3),
      durationMinutes: 120,
      details,
      paymentMethod: 'pm_card_visa',
    });
    expect(published.status).toBe(201);
    missionId = published.body.missionId;
    await t.settle();
    expect((await post(`/missions/${missionId}/accept`, provider)).status).toBe(200);
    const proposed = await post(`/missions/${missionId}/change-proposals`, client, {
      durationMinutes: 180,
      details: proposedDetails,
    });
    expect(proposed.status).toBe(201);
    const accepted = await post(
      `/missions/${missionId}/change-proposals/${proposed.body.proposalId}/accept`,
      provider,
    );
    expect(accepted.status).toBe(200);
    expect((await post(`/missions/${missionId}/messages`, client, { text: message })).status).toBe(
      201,
    );
    const cancelled = await post(`/missions/${missionId}/cancel`, client, { reason });
    expect(cancelled.status).toBe(200);
    await t.settle();

    const staff = await t.tokenFor({ roles: ['admin'] });
    const view = await t.request('GET', `/missions/${missionId}`, { token: staff });
    expect(view.body).toMatchObject({
      status: 'cancelled',
      details: proposedDetails,
      place: { address, postalCode: '75011' },
    });
  });

  it('stores none of them in clear, even while the client exists, and names the owner', async () => {
    const rows = await rawMissionRows();
    expect(rows.map((r) => r.event_type)).toEqual(
      expect.arrayContaining([
        'MissionRequested',
        'MissionChangeProposed',
        'MissionChangeAccepted',
        'MissionMessagePosted',
        'MissionCancelled',
      ]),
    );
    expect(leaks(rows.map((r) => r.row).join('\n'))).toEqual([]);
    const requested = rows.find((r) => r.event_type === 'MissionRequested')!;
    expect(requested.data).toMatchObject({
      clientId,
      place: { postalCode: '75011', city: 'Paris' },
      personal: {
        $encrypted: 'aes-256-gcm',
        owner: clientId,
        fields: ['place.address', '$.details'],
      },
    });
    // Through the store, the events read exactly as the decider wrote them.
    const events = await missionEvents(t, missionId);
    const data = (type: string) => events.find((e) => e.type === type)!.data as any;
    expect(data('MissionRequested')).toMatchObject({ details, place: { address } });
    expect(data('MissionChangeAccepted')).toMatchObject({ clientId, details: proposedDetails });
    expect(data('MissionMessagePosted').text).toBe(message);
    expect(data('MissionCancelled').reason).toBe(reason);
  });

  it('after the erasure, the log yields placeholders, the mission still folds and staff still read it', async () => {
    const admin = await t.tokenFor({ roles: ['admin'] });
    const erased = await t.request('POST', `/admin/accounts/${clientId}/erasure`, {
      token: admin,
      body: { reason: 'gdpr_request' },
    });
    expect(erased.status).toBe(200);
    await t.settle();

    const events = await store().readStream(`mission-${missionId}`);
    expect(leaks(JSON.stringify(events.map((e) => e.data)))).toEqual([]);
    const data = (type: string) => events.find((e) => e.type === type)!.data as any;
    expect(data('MissionRequested')).toMatchObject({
      details: '[erased]',
      place: { address: '[erased]', postalCode: '75011', city: 'Paris' },
      reservedCents: 6_000,
    });
    expect(typeof data('MissionRequested').place.lat).toBe('number');
    expect(data('MissionChangeProposed').proposed).toMatchObject({
      details: '[erased]',
      durationMinutes: 180,
    });
    expect(data('MissionMessagePosted').text).toBe('[erased]');
    expect(data('MissionCancelled')).toMatchObject({ reason: '[erased]', cancelledBy: 'client' });

    const folded = events.reduce(
      (state, e) => missionDecider.evolve(state, e as unknown as MissionEvent),
      missionDecider.initialState(),
    );
    expect(folded).toMatchObject({ status: 'cancelled', missionId, clientId });

    const view = await t.request('GET', `/missions/${missionId}`, { token: admin });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      status: 'cancelled',
      details: null,
      place: { address: null, postalCode: '75011', city: 'Paris' },
      client: { accountId: clientId },
    });
    expect(leaks(JSON.stringify(view.body))).toEqual([]);
    const messages = await t.request('GET', `/missions/${missionId}/messages`, { token: admin });
    expect(messages.status).toBe(200);
    expect(messages.body.items).toEqual([expect.objectContaining({ text: null })]);
    const sheet = await t.request('GET', `/missions/${missionId}/intervention-sheet`, {
      token: admin,
    });
    expect(sheet.status).toBe(200);

    const account = await t.request('GET', `/admin/accounts/${clientId}`, { token: admin });
    expect(account.body).toMatchObject({ status: 'erased' });
    const provider = await t.tokenFor({ accountId: providerId, roles: ['provider'] });
    expect((await t.request('GET', `/missions/${missionId}`, { token: provider })).status).toBe(
      200,
    );
  });
});
