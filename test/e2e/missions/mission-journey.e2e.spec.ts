import { randomBytes, randomUUID } from 'node:crypto';
import { MissionMoneyEffects } from '../../../src/application/missions/mission-money.effects';
import { uploadFile } from '../../support/files';
import { pdfText } from '../../support/pdf-text';
import { startTestApp, TestApp, TestResponse } from '../../support/test-app';
import { eventually } from '../workers/support/helpers';
import { missionEvents, PLACE, tenOClock } from './mission-request-fixtures';

jest.setTimeout(180_000);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const REQUIRED_DOCUMENTS = ['kbis_or_cfe', 'rib', 'urssaf_vigilance', 'tax_compliance', 'rc_pro'];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

interface Account {
  id: string;
  token: string;
  name: string;
}

/**
 * Issue 14, "Done when": the two end-to-end journeys, driven only through the public routes
 * (staff, providers and a client), with platform time moved by the admin test clock so that
 * the real workers run the deadlines.
 */
describe('missions: the end-to-end journeys (HTTP only, test clock)', () => {
  let t: TestApp;
  let admin: string;
  let mediator: string;
  let finance: string;
  let client: Account;
  let cleaning: string;
  /** Near, offering the type, free every day: the three that take the request. */
  let ana: Account;
  let bob: Account;
  let chloe: Account;
  /** Offers the type but covers Lyon. */
  let far: Account;
  /** Near, but only works evenings. */
  let evenings: Account;

  const post = (url: string, token: string, body: object = {}) =>
    t.request('POST', url, { token, body, idempotencyKey: randomUUID() });
  const put = (url: string, token: string, body: object) =>
    t.request('PUT', url, { token, body, idempotencyKey: randomUUID() });
  const get = (url: string, token: string) => t.request('GET', url, { token });
  const ok = <T extends TestResponse>(res: T, status = 200): T => {
    if (res.status !== status)
      throw new Error(`expected ${status}, got ${res.status}: ${res.text}`);
    return res;
  };

  const platformNow = async (): Promise<Date> =>
    new Date(ok(await get('/admin/test-clock', admin)).body.now);
  const advanceTo = async (to: Date | string) => {
    const moved = ok(
      await post('/admin/test-clock/advance', admin, { to: new Date(to).toISOString() }),
    );
    return moved.body as { now: string; jobsMadeDue: number };
  };

  const operations = async (missionId: string) =>
    (
      await t.db.pool.query<{ operation: string; request: Record<string, unknown> }>(
        `SELECT operation, request FROM simulated_gateway_operations
          WHERE request ->> 'missionId' = $1 ORDER BY created_at, idempotency_key`,
        [missionId],
      )
    ).rows;
  const opNames = async (missionId: string) =>
    (await operations(missionId)).map((o) => o.operation);

  async function register(role: 'client' | 'provider', name: string): Promise<Account> {
    const res = ok(
      await t.request('POST', '/auth/register', {
        body: {
          email: `j.${randomBytes(5).toString('hex')}@example.fr`,
          password: 'S3cure!pass-w0rd',
          displayName: name,
          roles: [role],
        },
      }),
      201,
    );
    const id = res.body.accountId as string;
    return { id, name, token: await t.tokenFor({ accountId: id, roles: [role] }) };
  }

  /** A provider files the five documents; a mediator approves each (the staff verification routes). */
  async function verifiedProvider(name: string): Promise<Account> {
    const provider = await register('provider', name);
    for (const kind of REQUIRED_DOCUMENTS) {
      const uploadRef = await uploadFile(
        t,
        provider.token,
        'verification_document',
        undefined,
        `${kind}.pdf`,
      );
      const filed = ok(
        await post('/me/verification/documents', provider.token, { kind, uploadRef }),
        201,
      );
      ok(
        await post(
          `/admin/verifications/${provider.id}/documents/${filed.body.documentId}/approve`,
          mediator,
        ),
      );
    }
    expect(ok(await get('/me/verification', provider.token)).body).toMatchObject({
      verified: true,
      missing: [],
    });
    return provider;
  }

  /** The provider's offer through /me/provider-offer: the service at an hourly rate, a zone by postal code only, weekly hours. */
  async function declareOffer(
    provider: Account,
    hourlyRateCents: number,
    postalCode: string,
    hours: { from: string; to: string },
  ) {
    ok(
      await put(`/me/provider-offer/services/${cleaning}`, provider.token, {
        kind: 'hourly',
        hourlyRateCents,
      }),
    );
    const zone = ok(
      await put('/me/provider-offer/zone', provider.token, { postalCode, radiusKm: 10 }),
    );
    // Geocoded from the postal code.
    expect(zone.body.zone).toMatchObject({ postalCode, radiusKm: 10 });
    expect(typeof zone.body.zone.lat).toBe('number');
    const week = ok(
      await put('/me/provider-offer/weekly-hours', provider.token, {
        slots: EVERY_DAY.map((weekday) => ({ weekday, ...hours })),
      }),
    );
    expect(week.body).toMatchObject({ verified: true, services: [expect.anything()] });
  }

  const mission = async (missionId: string, token = client.token) =>
    ok(await get(`/missions/${missionId}`, token)).body;
  const requestsOf = async (provider: Account) =>
    ok(await get('/me/provider/missions/requests', provider.token)).body.items as {
      missionId: string;
      rank: number;
      priceCents: number;
    }[];

  const publish = (startsAt: string, paymentMethod = 'pm_card_visa') =>
    post('/missions', client.token, {
      serviceTypeId: cleaning,
      // No coordinates: derived from the postal code.
      place: PLACE,
      startsAt,
      durationMinutes: 120,
      details: 'Digicode 4521, 3e étage.',
      paymentMethod,
    });

  beforeAll(async () => {
    t = await startTestApp({ TEST_CLOCK_ENABLED: 'true' });
    admin = await t.tokenFor({ roles: ['admin'] });
    mediator = await t.tokenFor({ roles: ['mediator'] });
    finance = await t.tokenFor({ roles: ['finance'] });

    const created = ok(
      await post('/admin/service-types', admin, {
        label: 'Ménage',
        description: 'Ménage et repassage à domicile.',
        category: 'home',
      }),
      201,
    );
    cleaning = created.body.serviceTypeId;

    ana = await verifiedProvider('Ana Ménage');
    bob = await verifiedProvider('Bob Services');
    chloe = await verifiedProvider('Chloé Net');
    far = await verifiedProvider('Léo Lyon');
    evenings = await verifiedProvider('Eva Soir');
    const day = { from: '06:00', to: '22:00' };
    // Same postal code as the place: all at distance 0, so ranked by price.
    await declareOffer(bob, 2_800, '75011', day);
    await declareOffer(ana, 3_000, '75011', day);
    await declareOffer(chloe, 3_500, '75011', day);
    await declareOffer(far, 2_000, '69003', day);
    await declareOffer(evenings, 2_000, '75011', { from: '18:00', to: '22:00' });

    client = await register('client', 'Claire Martin');
    await t.settle();
  });
  afterAll(async () => t?.close());

  describe('journey 1: publish → dispatch → accept → change → intervention → validation → capture and instant payout → rating', () => {
    let missionId: string;
    let startsAt: string;

    it('publishes a request by postal code within the authorisation window: the card is authorised once', async () => {
      // 11:00 in Paris, two days ahead: inside the evening provider's day off hours.
      startsAt = tenOClock(await platformNow(), 2);
      const published = ok(await publish(startsAt), 201);
      expect(published.body).toMatchObject({
        status: 'pending',
        paymentPlan: 'authorise_now',
        targeting: 'dispatch',
        candidates: 3,
        // The dearest candidate's price for 2 h: whoever accepts, it is covered.
        reservedCents: 7_000,
      });
      missionId = published.body.missionId;
      await t.settle();
      expect(await opNames(missionId)).toEqual(['mission_authorise']);
      const view = await mission(missionId);
      expect(view).toMatchObject({
        status: 'pending',
        place: { postalCode: '75011' },
        payment: { plan: 'authorise_now', authorised: true },
      });
      expect(view.place.lat).toBeCloseTo(48.86, 1);
      expect(view.place.lng).toBeCloseTo(2.37, 1);
    });

    it('dispatches it to the matching providers, ranked; the far one and the unavailable one never see it', async () => {
      const ranks: Record<string, number> = {};
      for (const [who, provider, price] of [
        ['bob', bob, 5_600],
        ['ana', ana, 6_000],
        ['chloe', chloe, 7_000],
      ] as const) {
        const item = (await requestsOf(provider)).find((i) => i.missionId === missionId);
        expect({ who, priceCents: item?.priceCents }).toEqual({ who, priceCents: price });
        ranks[who] = item!.rank;
      }
      expect(ranks).toEqual({ bob: 1, ana: 2, chloe: 3 });
      for (const provider of [far, evenings]) {
        expect((await requestsOf(provider)).map((i) => i.missionId)).not.toContain(missionId);
        const seen = await get(`/missions/${missionId}`, provider.token);
        expect([seen.status, seen.body.code]).toEqual([404, 'MISSION_NOT_FOUND']);
      }
      const pending = ok(await get('/me/missions/pending', client.token)).body;
      expect(pending.items.map((i: { missionId: string }) => i.missionId)).toContain(missionId);
    });

    it('one refuses, one accepts and confirms it; the third can no longer accept (409)', async () => {
      const refused = ok(
        await post(`/missions/${missionId}/refuse`, bob.token, {
          reason: 'availability',
          comment: 'Déjà pris ce jour-là.',
        }),
      );
      expect(refused.body).toMatchObject({ status: 'pending' });
      const accepted = ok(await post(`/missions/${missionId}/accept`, ana.token));
      expect(accepted.body).toMatchObject({
        status: 'confirmed',
        statusLabel: 'Rendez-vous confirmé',
      });
      const late = await post(`/missions/${missionId}/accept`, chloe.token);
      expect(late.body).toMatchObject({
        status: 409,
        code: 'MISSION_ALREADY_CONFIRMED',
        currentStatus: 'confirmed',
      });
      await t.settle();
      expect(await mission(missionId)).toMatchObject({
        status: 'confirmed',
        provider: { accountId: ana.id, displayName: 'Ana Ménage' },
        priceCents: 6_000,
      });
      const upcoming = ok(await get('/me/missions/upcoming', client.token)).body;
      expect(upcoming.items.map((i: { missionId: string }) => i.missionId)).toEqual([missionId]);
      const agenda = ok(await get('/me/provider/missions/agenda', ana.token)).body;
      expect(agenda.items.map((i: { missionId: string }) => i.missionId)).toEqual([missionId]);
    });

    it('the client proposes a longer intervention; nothing changes until the provider accepts it', async () => {
      const proposed = ok(
        await post(`/missions/${missionId}/change-proposals`, client.token, {
          durationMinutes: 180,
        }),
        201,
      );
      expect(proposed.body).toMatchObject({ status: 'confirmed', priceCents: 9_000 });
      await t.settle();
      expect(await mission(missionId)).toMatchObject({
        durationMinutes: 120,
        priceCents: 6_000,
        pendingChange: { durationMinutes: 180, priceCents: 9_000 },
      });
      ok(
        await post(
          `/missions/${missionId}/change-proposals/${proposed.body.proposalId}/accept`,
          ana.token,
        ),
      );
      await t.settle();
      expect(await mission(missionId)).toMatchObject({
        durationMinutes: 180,
        priceCents: 9_000,
        pendingChange: null,
      });
      // Still nothing charged.
      expect(await opNames(missionId)).not.toContain('mission_capture');
    });

    it('the intervention takes place; the client validates; the card is captured once for the new price and the provider paid at once', async () => {
      const early = await post(`/missions/${missionId}/validate`, client.token);
      expect(early.body).toMatchObject({ status: 409, code: 'MISSION_NOT_STARTED' });

      await advanceTo(new Date(Date.parse(startsAt) + 3 * HOUR));
      await t.settle();
      expect(await opNames(missionId)).not.toContain('mission_capture');
      const validated = ok(await post(`/missions/${missionId}/validate`, client.token));
      expect(validated.body).toMatchObject({
        status: 'validated',
        statusLabel: 'Mission terminée',
      });

      const ops = await eventually(
        async () => {
          await t.settle();
          const all = await operations(missionId);
          return all.some((o) => o.operation === 'mission_instant_payout') && all;
        },
        20_000,
        'the capture and the instant payout',
      );
      // Reserved at publication for the dearest candidate (2 h × 35 €); the accepted change
      // raised the price, so the new price was authorised and the first hold given back; only
      // validation captured, once, then paid the provider at once.
      expect(ops.map((o) => [o.operation, o.request.amountCents])).toEqual([
        ['mission_authorise', 7_000],
        ['mission_authorise_saved', 9_000],
        ['mission_cancel', undefined],
        ['mission_capture', 9_000],
        ['mission_instant_payout', 7_650],
      ]);
      const captures = ops.filter((o) => o.operation === 'mission_capture');
      expect(captures.map((o) => o.request.amountCents)).toEqual([9_000]);
      const payouts = ops.filter((o) => o.operation === 'mission_instant_payout');
      expect(payouts).toHaveLength(1);
      // 15 % commission (MISSION_COMMISSION_BP), no instant-payout fee by default.
      expect(payouts[0].request).toMatchObject({ providerId: ana.id, amountCents: 7_650 });

      // The escrow is closed and balanced: everything held went out, nothing left.
      const [requested] = await missionEvents(t, missionId);
      const escrowId = (requested.data as { escrowId: string }).escrowId;
      const escrow = await t.app.get(MissionMoneyEffects).escrow(escrowId);
      expect(escrow).toMatchObject({
        status: 'closed',
        heldCents: 0,
        releasedCents: 9_000,
        refundedCents: 0,
      });
      const balance = ok(await get('/finance/trial-balance', finance)).body;
      expect(balance).toMatchObject({
        balanced: true,
        totals: { balanceCents: 0 },
        unbalancedEntries: 0,
      });
      // Validating again moves no money.
      const again = await post(`/missions/${missionId}/validate`, client.token);
      expect(again.body).toMatchObject({
        status: 409,
        code: 'MISSION_ALREADY_VALIDATED',
        currentStatus: 'validated',
      });
      await t.settle();
      expect((await opNames(missionId)).filter((o) => o === 'mission_capture')).toHaveLength(1);
    });

    it('the client appreciates and recommends; the provider’s public profile shows it', async () => {
      ok(
        await post(`/missions/${missionId}/appreciation`, client.token, {
          value: 2,
          comment: 'Travail soigné, très ponctuelle.',
        }),
        201,
      );
      ok(
        await post(`/missions/${missionId}/recommendation`, client.token, {
          text: 'Je recommande vivement.',
        }),
        201,
      );
      await t.settle();
      const profile = ok(await t.request('GET', `/profiles/${ana.id}`)).body;
      expect(profile.missionAppreciations).toMatchObject({
        count: 1,
        recommendations: 1,
        recent: [
          expect.objectContaining({
            missionId,
            value: 2,
            comment: 'Travail soigné, très ponctuelle.',
            recommendation: 'Je recommande vivement.',
          }),
        ],
      });
    });

    it('the mission enters the client’s history 24 h after it took place; the intervention sheet downloads', async () => {
      const endsAt = Date.parse(startsAt) + 3 * HOUR;
      const history = async () =>
        ok(await get('/me/missions/history', client.token)).body.items as {
          missionId: string;
        }[];
      await advanceTo(new Date(endsAt + 24 * HOUR - MINUTE));
      expect((await history()).map((i) => i.missionId)).not.toContain(missionId);
      await advanceTo(new Date(endsAt + 24 * HOUR));
      expect(await history()).toEqual([
        expect.objectContaining({
          missionId,
          appreciation: expect.objectContaining({ value: 2 }),
          recommendation: expect.objectContaining({ text: 'Je recommande vivement.' }),
          interventionSheetUrl: `/missions/${missionId}/intervention-sheet`,
        }),
      ]);

      const sheet = await get(`/missions/${missionId}/intervention-sheet`, client.token);
      expect(sheet.status).toBe(200);
      expect(sheet.headers['content-type']).toBe('application/pdf');
      const raw = await t.app.inject({
        method: 'GET',
        url: `/missions/${missionId}/intervention-sheet`,
        headers: { authorization: `Bearer ${client.token}` },
      });
      const text = pdfText(raw.rawPayload).replace(/\s+/g, ' ');
      expect(text).toContain('PARTIE EMPLOYEUR');
      expect(text).toContain('Claire Martin');
      expect(text).toContain('Ana Ménage');
      expect(text).toContain(`M-${missionId.slice(0, 8).toUpperCase()}`);
      expect(text).toContain('Type de service : Ménage');

      // The provider's mirror: the mission left the agenda for the history.
      const agenda = ok(await get('/me/provider/missions/agenda', ana.token)).body;
      expect(agenda.items.map((i: { missionId: string }) => i.missionId)).not.toContain(missionId);
      const done = ok(await get('/me/provider/missions/history', ana.token)).body;
      expect(done.items.map((i: { missionId: string }) => i.missionId)).toContain(missionId);
    });
  });

  describe('journey 2: a mission more than 7 days away is authorised later, never charged early', () => {
    let startsAt: string;
    let saved: string;
    let failing: string;
    let authoriseAt: number;

    it('at publication the card is only saved; the client sees when it will be authorised', async () => {
      startsAt = tenOClock(await platformNow(), 10);
      const first = ok(await publish(startsAt), 201);
      const second = ok(await publish(startsAt, 'pm_card_chargeCustomerFail'), 201);
      for (const res of [first, second])
        expect(res.body).toMatchObject({ status: 'pending', paymentPlan: 'authorise_later' });
      saved = first.body.missionId;
      failing = second.body.missionId;
      authoriseAt = Date.parse(first.body.authoriseAt);
      expect(Date.parse(second.body.authoriseAt)).toBe(authoriseAt);
      // Within the card's ~7 days before the automatic validation, and after now.
      expect(authoriseAt).toBeGreaterThan((await platformNow()).getTime() + 3 * 24 * HOUR);
      await t.settle();
      for (const id of [saved, failing]) {
        expect(await opNames(id)).toEqual(['mission_save_method']);
        expect((await mission(id)).payment).toMatchObject({
          plan: 'authorise_later',
          authoriseAt: new Date(authoriseAt).toISOString(),
          authorised: false,
          failedAttempts: 0,
          lastFailure: null,
        });
      }
      // Two providers take one each.
      ok(await post(`/missions/${saved}/accept`, ana.token));
      ok(await post(`/missions/${failing}/accept`, bob.token));
      await t.settle();
    });

    it('just before authoriseAt nothing is authorised', async () => {
      await advanceTo(new Date(authoriseAt - MINUTE));
      await t.settle();
      for (const id of [saved, failing]) {
        expect(await opNames(id)).toEqual(['mission_save_method']);
        expect((await mission(id)).payment.authorised).toBe(false);
      }
    });

    it('past authoriseAt the saved card is authorised once, by the worker the test clock woke', async () => {
      const moved = await advanceTo(new Date(authoriseAt + MINUTE));
      expect(moved.jobsMadeDue).toBeGreaterThanOrEqual(1);
      const payment = await eventually(
        async () => {
          await t.settle();
          const view = await mission(saved);
          return view.payment.authorised && view.payment;
        },
        20_000,
        'the later authorisation',
      );
      expect(payment).toMatchObject({ authorised: true, authorisedCents: 6_000 });
      expect(await opNames(saved)).toEqual(['mission_save_method', 'mission_authorise_saved']);
    });

    it('a failed later authorisation: the client is told and replaces the card, which is then authorised', async () => {
      const payment = await eventually(
        async () => {
          await t.settle();
          const view = await mission(failing);
          return view.payment.failedAttempts > 0 && view.payment;
        },
        20_000,
        'the failed authorisation',
      );
      expect(payment).toMatchObject({ authorised: false, failedAttempts: 1 });
      expect(payment.lastFailure).not.toBeNull();
      const told = ok(
        await get(
          `/admin/notifications?template=missions.authorisation_failed&accountId=${client.id}`,
          mediator,
        ),
      ).body.items;
      expect(told).toHaveLength(1);

      const replaced = ok(
        await post(`/missions/${failing}/payment-method`, client.token, {
          paymentMethod: 'pm_card_visa',
        }),
      );
      expect(replaced.body).toMatchObject({ status: 'confirmed' });
      const after = await eventually(
        async () => {
          await t.settle();
          const view = await mission(failing);
          return view.payment.authorised && view.payment;
        },
        20_000,
        'the authorisation of the new card',
      );
      expect(after).toMatchObject({ authorised: true, authorisedCents: 5_600 });
      // The declined attempt left nothing at the gateway; the new card is saved, then authorised.
      expect(await opNames(failing)).toEqual([
        'mission_save_method',
        'mission_save_method',
        'mission_authorise_saved',
      ]);
    });

    it('never captured before the client validates; validation captures once', async () => {
      await advanceTo(new Date(Date.parse(startsAt) + 2 * HOUR + MINUTE));
      await t.settle();
      for (const id of [saved, failing]) {
        const names = await opNames(id);
        expect(names).not.toContain('mission_capture');
        // The retry planned 6 h after the failure found the mission authorised: nothing more.
        expect(names.filter((o) => o === 'mission_authorise_saved')).toHaveLength(1);
      }
      const told = ok(
        await get(
          `/admin/notifications?template=missions.authorisation_failed&accountId=${client.id}`,
          mediator,
        ),
      ).body.items;
      expect(told).toHaveLength(1);

      for (const [id, price] of [
        [saved, 6_000],
        [failing, 5_600],
      ] as const) {
        ok(await post(`/missions/${id}/validate`, client.token));
        const ops = await eventually(
          async () => {
            await t.settle();
            const all = await operations(id);
            return all.some((o) => o.operation === 'mission_instant_payout') && all;
          },
          20_000,
          'the capture at validation',
        );
        const captures = ops.filter((o) => o.operation === 'mission_capture');
        expect(captures.map((o) => o.request.amountCents)).toEqual([price]);
      }
      const balance = ok(await get('/finance/trial-balance', finance)).body;
      expect(balance).toMatchObject({ balanced: true, totals: { balanceCents: 0 } });
    });
  });
});
