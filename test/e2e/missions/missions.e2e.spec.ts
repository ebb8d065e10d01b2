import { randomUUID } from 'node:crypto';
import { MissionResponseExpiry } from '../../../src/application/missions/mission-response-expiry.job';
import { Clock, ManualClock } from '../../../src/application/shared/clock';
import { deterministicId } from '../../../src/application/shared/deterministic-id';
import { uploadFile } from '../../support/files';
import { startTestApp, TestApp } from '../../support/test-app';
import {
  missionEvents,
  PLACE,
  seedOfferingProvider,
  seedServiceType,
  tenOClock,
} from './mission-request-fixtures';

const HOUR = 3_600_000;

describe('missions: request, answers, changes, validation (HTTP)', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date());
  let cleaning: string;
  let cheap: string;
  let dear: string;
  let outsider: string;
  let clientId: string;

  const as = (accountId: string, role: 'client' | 'provider') =>
    t.tokenFor({ accountId, roles: [role] });
  const client = () => as(clientId, 'client');
  const provider = (id: string) => as(id, 'provider');
  const post = async (url: string, token: string, body: object = {}, idempotencyKey?: string) =>
    t.request('POST', url, { token, body, idempotencyKey });

  // A confirmed provider is booked at their slot: the tests that confirm one have their own.
  const at = (day: number, hourUtc: number) => {
    const instant = new Date(tenOClock(new Date(), day));
    instant.setUTCHours(hourUtc);
    return instant.toISOString();
  };
  const FIRST_FLOW = at(2, 6);
  const REFUSALS = at(2, 12);
  const CHANGED_TO = at(3, 6);
  const SHARED = at(3, 12);

  const request = (over: Record<string, unknown> = {}) => ({
    serviceTypeId: cleaning,
    place: PLACE,
    startsAt: SHARED,
    durationMinutes: 120,
    details: 'Digicode 4521, 3e étage.',
    paymentMethod: 'pm_card_visa',
    ...over,
  });
  const publish = async (over: Record<string, unknown> = {}, key?: string) =>
    post('/missions', await client(), request(over), key);

  beforeAll(async () => {
    t = await startTestApp({}, [[Clock, clock]]);
    cleaning = await seedServiceType(t);
    cheap = await seedOfferingProvider(t, cleaning, 3_000);
    dear = await seedOfferingProvider(t, cleaning, 4_500);
    // Verified, in the same zone, but offering another service: never a candidate for cleaning.
    outsider = await seedOfferingProvider(t, await seedServiceType(t, 'Jardinage'), 2_000);
    clientId = randomUUID();
    await t.settle();
  });
  afterAll(async () => t?.close());

  it('publishes, confirms the first acceptance, applies an accepted change, and validates once started', async () => {
    const published = await publish({ startsAt: FIRST_FLOW });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      status: 'pending',
      statusLabel: 'En attente de réponse',
      reservedCents: 9_000,
      paymentPlan: 'authorise_now',
      candidates: 2,
      targeting: 'dispatch',
    });
    const { missionId } = published.body;
    const startsAt = FIRST_FLOW;
    expect(Date.parse(published.body.respondBy)).toBe(clock.now().getTime() + 24 * HOUR);
    await t.settle();

    const refused = await post(`/missions/${missionId}/refuse`, await provider(cheap), {
      reason: 'availability',
      comment: 'Déjà pris.',
    });
    expect(refused.body).toMatchObject({ status: 'pending' });

    const accepted = await post(`/missions/${missionId}/accept`, await provider(dear));
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'confirmed',
      statusLabel: 'Rendez-vous confirmé',
    });

    const proposed = await post(`/missions/${missionId}/change-proposals`, await client(), {
      durationMinutes: 180,
      details: 'Aussi les vitres.',
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ status: 'confirmed', priceCents: 13_500 });
    const proposalId = proposed.body.proposalId as string;
    const applied = await post(
      `/missions/${missionId}/change-proposals/${proposalId}/accept`,
      await provider(dear),
    );
    expect(applied.body).toMatchObject({ status: 'confirmed' });

    const early = await post(`/missions/${missionId}/validate`, await client());
    expect(early.body).toMatchObject({
      status: 409,
      code: 'MISSION_NOT_STARTED',
      currentStatus: 'confirmed',
    });

    await t.settle();
    clock.set(new Date(Date.parse(startsAt) + 3 * HOUR));
    const validated = await post(`/missions/${missionId}/validate`, await client());
    expect(validated.body).toMatchObject({ status: 'validated', statusLabel: 'Mission terminée' });

    await t.settle();
    const { rows: operations } = await t.db.pool.query<{
      operation: string;
      request: { amountCents?: number };
    }>(
      `SELECT operation, request FROM simulated_gateway_operations
        WHERE request ->> 'missionId' = $1 ORDER BY created_at, idempotency_key`,
      [missionId],
    );
    // Charged only now, the accepted price after the change; the provider paid at once.
    const captured = operations.filter((o) => o.operation === 'mission_capture');
    expect(captured.map((o) => o.request.amountCents)).toEqual([13_500]);
    expect(operations.some((o) => o.operation === 'mission_instant_payout')).toBe(true);

    const types = (await missionEvents(t, missionId)).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'MissionRequested',
        'MissionRefusedByProvider',
        'MissionConfirmed',
        'MissionChangeProposed',
        'MissionChangeAccepted',
        'MissionValidated',
      ]),
    );
    const appreciated = await post(`/missions/${missionId}/appreciation`, await client(), {
      value: 2,
      comment: 'Parfait.',
    });
    expect(appreciated.status).toBe(201);
    const recommended = await post(`/missions/${missionId}/recommendation`, await client(), {
      text: 'Je recommande.',
    });
    expect(recommended.status).toBe(201);
    clock.set(new Date());
  });

  describe('refusals name their code and the current status', () => {
    let missionId: string;
    beforeAll(async () => {
      missionId = (await publish({ startsAt: REFUSALS })).body.missionId;
    });

    it('a candidate refuses once; a second acceptance meets a confirmed mission', async () => {
      expect(
        (await post(`/missions/${missionId}/refuse`, await provider(cheap), { reason: 'skills' }))
          .status,
      ).toBe(200);
      const again = await post(`/missions/${missionId}/refuse`, await provider(cheap), {
        reason: 'skills',
      });
      expect(again.body).toMatchObject({
        status: 409,
        code: 'MISSION_ALREADY_REFUSED',
        currentStatus: 'pending',
      });
      expect((await post(`/missions/${missionId}/accept`, await provider(dear))).status).toBe(200);
      const late = await post(`/missions/${missionId}/accept`, await provider(cheap));
      expect(late.body).toMatchObject({
        status: 409,
        code: 'MISSION_ALREADY_CONFIRMED',
        currentStatus: 'confirmed',
      });
    });

    it('a confirmed mission is no longer changed freely, and is rated only once validated', async () => {
      const changed = await post(`/missions/${missionId}/change`, await client(), { details: 'x' });
      expect(changed.body).toMatchObject({
        status: 409,
        code: 'MISSION_NOT_PENDING',
        currentStatus: 'confirmed',
      });
      const rated = await post(`/missions/${missionId}/appreciation`, await client(), { value: 1 });
      expect(rated.body).toMatchObject({
        status: 409,
        code: 'MISSION_NOT_VALIDATED',
        currentStatus: 'confirmed',
      });
      const twice = await post(`/missions/${missionId}/change-proposals`, await client(), {
        durationMinutes: 60,
      });
      expect(twice.status).toBe(201);
      const second = await post(`/missions/${missionId}/change-proposals`, await client(), {
        durationMinutes: 90,
      });
      expect(second.body).toMatchObject({ status: 409, code: 'MISSION_CHANGE_PENDING' });
      const withdrawn = await post(
        `/missions/${missionId}/change-proposals/${twice.body.proposalId}/withdraw`,
        await client(),
      );
      expect(withdrawn.body).toMatchObject({ status: 'confirmed' });
    });

    it('the client cancels the appointment; then nothing more happens to it', async () => {
      const cancelled = await post(`/missions/${missionId}/cancel`, await client(), {
        reason: 'Empêchement',
      });
      expect(cancelled.body).toMatchObject({ status: 'cancelled', statusLabel: 'Annulée' });
      const accept = await post(`/missions/${missionId}/accept`, await provider(dear));
      expect(accept.body).toMatchObject({
        status: 409,
        code: 'MISSION_TERMINAL',
        currentStatus: 'cancelled',
      });
    });
  });

  it('answers 404 MISSION_NOT_FOUND to anyone outside the mission, as for an unknown id', async () => {
    const { missionId } = (await publish()).body;
    const stranger = randomUUID();
    for (const [url, token, body] of [
      [`/missions/${missionId}/accept`, await provider(outsider), {}],
      [`/missions/${missionId}/refuse`, await provider(outsider), { reason: 'skills' }],
      [`/missions/${missionId}/messages`, await as(stranger, 'client'), { text: 'Bonjour' }],
      [`/missions/${missionId}/cancel`, await as(stranger, 'client'), {}],
      [`/missions/${missionId}/change`, await as(stranger, 'client'), { details: 'x' }],
      [`/missions/${randomUUID()}/validate`, await client(), {}],
    ] as const) {
      const res = await post(url, token, body);
      expect({ url, status: res.status, code: res.body.code }).toEqual({
        url,
        status: 404,
        code: 'MISSION_NOT_FOUND',
      });
    }
    const posted = await post(`/missions/${missionId}/messages`, await provider(cheap), {
      text: 'Faut-il apporter les produits ?',
    });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ status: 'pending', messageId: expect.any(String) });
  });

  it("attaches the author's own uploads to a message; the other party reads them, an outsider cannot", async () => {
    const { missionId } = (await publish()).body;
    const fileId = await uploadFile(t, await client(), 'message_attachment');
    const posted = await post(`/missions/${missionId}/messages`, await client(), {
      text: 'Voici le plan d’accès.',
      fileIds: [fileId],
    });
    expect(posted.status).toBe(201);
    const link = async (token: string) =>
      (await t.request('GET', `/files/${fileId}/link`, { token })).status;
    expect(await link(await provider(cheap))).toBe(200);
    expect(await link(await provider(outsider))).toBe(404);
    const notHers = await post(`/missions/${missionId}/messages`, await provider(cheap), {
      text: 'Et celui-ci ?',
      fileIds: [fileId],
    });
    expect(notHers.body).toMatchObject({ status: 422, code: 'FILE_NOT_FOUND' });
  });

  it('gives the first answer back to a repeated Idempotency-Key and reserves once', async () => {
    const key = randomUUID();
    const first = await publish({}, key);
    const again = await publish({}, key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const events = await missionEvents(t, first.body.missionId);
    expect(events.filter((e) => e.type === 'MissionRequested')).toHaveLength(1);
    const { rows } = await t.db.pool.query(
      `SELECT operation FROM simulated_gateway_operations WHERE request ->> 'missionId' = $1 AND operation = 'mission_authorise'`,
      [first.body.missionId],
    );
    expect(rows).toHaveLength(1);
  });

  it('changes a pending request freely: sent again with the new terms', async () => {
    const { missionId } = (await publish()).body;
    await post(`/missions/${missionId}/refuse`, await provider(cheap), { reason: 'location' });
    const changed = await post(`/missions/${missionId}/change`, await client(), {
      startsAt: CHANGED_TO,
      details: 'Plutôt jeudi.',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ status: 'pending' });
    // The refusal no longer counts: the cheaper provider may now accept.
    const accepted = await post(`/missions/${missionId}/accept`, await provider(cheap));
    expect(accepted.body).toMatchObject({ status: 'confirmed' });
  });

  it('addresses a request to the provider named by their reference only', async () => {
    const registered = await t.request('POST', '/auth/register', {
      body: {
        email: `m${randomUUID().slice(0, 8)}@example.fr`,
        password: 'S3cure!pass-w0rd',
        displayName: 'Camille M.',
        roles: ['provider'],
      },
    });
    expect(registered.status).toBe(201);
    const { accountId, providerReference } = registered.body;
    await seedOfferingProvider(t, cleaning, 2_500, accountId);
    await t.settle();
    const direct = await publish({ providerReference: providerReference.toLowerCase() });
    expect(direct.body).toMatchObject({ targeting: 'direct', candidates: 1, reservedCents: 5_000 });
    const other = await post(`/missions/${direct.body.missionId}/accept`, await provider(cheap));
    expect(other.body).toMatchObject({ status: 404, code: 'MISSION_NOT_FOUND' });
    const accepted = await post(
      `/missions/${direct.body.missionId}/accept`,
      await provider(accountId),
    );
    expect(accepted.body).toMatchObject({ status: 'confirmed' });
    const notOffered = await publish({
      providerReference,
      serviceTypeId: await seedServiceType(t, 'Plomberie'),
    });
    expect(notOffered.body).toMatchObject({ status: 422 });
  });

  it('authorises the card again when a change before confirmation raises the reservation', async () => {
    const { missionId } = (await publish()).body;
    const changed = await post(`/missions/${missionId}/change`, await client(), {
      durationMinutes: 240,
    });
    expect(changed.body).toMatchObject({ status: 'pending' });
    const events = await missionEvents(t, missionId);
    expect(events.at(-1)).toMatchObject({
      type: 'MissionRequestChanged',
      data: { reservedCents: 18_000, previousReservedCents: 9_000 },
    });
    await t.settle();
    const authorised = (await missionEvents(t, missionId))
      .filter((e) => e.type === 'MissionPaymentAuthorised')
      .map((e) => (e.data as { amountCents: number }).amountCents);
    expect(authorised.at(-1)).toBe(18_000);
  });

  it('saves the card and authorises later for a mission more than the authorisation window away', async () => {
    const res = await publish({ startsAt: tenOClock(clock.now(), 10) });
    expect(res.body).toMatchObject({ paymentPlan: 'authorise_later', reservedCents: 9_000 });
    const authoriseAt = Date.parse(res.body.authoriseAt);
    expect(Date.parse(res.body.autoValidateAt) - authoriseAt).toBe(144 * HOUR);
    const { rows } = await t.db.pool.query(
      `SELECT operation FROM simulated_gateway_operations WHERE request ->> 'missionId' = $1`,
      [res.body.missionId],
    );
    expect(rows.map((r) => r.operation)).toEqual(['mission_save_method']);
  });

  it.each([
    ['an unknown service type', { serviceTypeId: randomUUID() }, 'SERVICE_TYPE_NOT_FOUND'],
    [
      'an unknown postal code',
      { place: { address: '1 rue X', postalCode: '00000' } },
      'POSTAL_CODE_UNKNOWN',
    ],
    ['a declined card', { paymentMethod: 'pm_card_declined' }, 'PAYMENT_DECLINED'],
    [
      'an unknown provider reference',
      { providerReference: 'PR-2345Z' },
      'PROVIDER_REFERENCE_UNKNOWN',
    ],
  ])('refuses a request with %s (422) and writes nothing', async (_name, over, code) => {
    const key = randomUUID();
    const res = await publish(over, key);
    expect(res.body).toMatchObject({ status: 422, code });
    const missionId = deterministicId('mission', clientId, key);
    await expect(missionEvents(t, missionId)).rejects.toThrow();
    const { rows } = await t.db.pool.query(
      `SELECT operation FROM simulated_gateway_operations WHERE request ->> 'missionId' = $1`,
      [missionId],
    );
    expect(rows).toEqual([]);
  });

  it('refuses a request no provider can take', async () => {
    const gardening = await seedServiceType(t, 'Repassage');
    await t.settle();
    const res = await publish({ serviceTypeId: gardening });
    expect(res.body).toMatchObject({ status: 422, code: 'MISSION_NO_AVAILABLE_PROVIDER' });
  });

  it('expires a request no one accepted by respondBy, once, whatever the job repeats', async () => {
    const published = (await publish()).body;
    const job = t.app.get(MissionResponseExpiry);
    const run = () =>
      job.run({
        jobId: randomUUID(),
        payload: {
          kind: 'mission.response-expiry',
          missionId: published.missionId,
          respondBy: published.respondBy,
          dueAt: published.respondBy,
          causationId: randomUUID(),
          correlationId: randomUUID(),
        },
      });
    expect(await run()).toEqual({ result: 'not_due', dueAt: published.respondBy });
    clock.set(published.respondBy);
    expect(await run()).toMatchObject({ result: 'done', detail: 'MissionExpired' });
    expect(await run()).toMatchObject({ result: 'done', detail: 'already applied' });
    const events = await missionEvents(t, published.missionId);
    expect(events.filter((e) => e.type === 'MissionExpired')).toHaveLength(1);
    clock.set(new Date());
  });
});
