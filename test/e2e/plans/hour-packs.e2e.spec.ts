import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { definePlan } from '../../support/plan-events';
import { startTestApp, TestApp, TestResponse } from '../../support/test-app';
import {
  PLACE,
  seedOfferingProvider,
  seedServiceType,
  tenOClock,
} from '../missions/mission-request-fixtures';
import { eventually } from '../workers/support/helpers';

jest.setTimeout(180_000);

const HOUR = 3_600_000;

/**
 * Issue 15, point 5, on the test clock with the real workers: a pack bought, a mission paid from
 * it (minutes reserved at confirmation, consumed at validation, the provider paid out as for a
 * card), a second one cancelled (minutes back), the withdrawal refused once used, then the expiry
 * refunding the rest pro rata.
 */
describe('hour packs: bought, paying missions, refunded at expiry (test clock)', () => {
  let t: TestApp;
  let admin: string;
  let cleaning: string;
  let gardening: string;
  let provider: string;
  let clientId: string;
  let client: string;
  let other: string;
  let planId: string;
  let packId: string;

  const post = (url: string, token: string, body: object = {}, key = randomUUID()) =>
    t.request('POST', url, { token, body, idempotencyKey: key });
  const get = (url: string, token: string) => t.request('GET', url, { token });
  const ok = <T extends TestResponse>(res: T, status = 200): T => {
    if (res.status !== status)
      throw new Error(`expected ${status}, got ${res.status}: ${res.text}`);
    return res;
  };
  const pack = async (id = packId) => ok(await get(`/me/hour-packs/${id}`, client)).body;
  const platformNow = async () => new Date(ok(await get('/admin/test-clock', admin)).body.now);
  const advanceTo = async (to: string) =>
    ok(await post('/admin/test-clock/advance', admin, { to: new Date(to).toISOString() }));
  const missionOps = async (missionId: string) =>
    (
      await t.db.pool.query<{ operation: string; request: Record<string, unknown> }>(
        `SELECT operation, request FROM simulated_gateway_operations
          WHERE request ->> 'missionId' = $1 ORDER BY created_at, idempotency_key`,
        [missionId],
      )
    ).rows;
  const packOps = async (id: string) =>
    (
      await t.db.pool.query<{ operation: string; request: Record<string, unknown> }>(
        `SELECT operation, request FROM simulated_gateway_operations
          WHERE idempotency_key LIKE $1 ORDER BY created_at, idempotency_key`,
        [`hour-pack-${id}-%`],
      )
    ).rows;
  const missionTypes = async (missionId: string) =>
    (await t.app.get<EventStore>(EVENT_STORE).readStream(`mission-${missionId}`)).map(
      (e) => e.type,
    );
  const publish = (startsAt: string, durationMinutes: number, pay: object) =>
    post('/missions', client, {
      serviceTypeId: cleaning,
      place: PLACE,
      startsAt,
      durationMinutes,
      details: 'Digicode 4521.',
      ...pay,
    });

  beforeAll(async () => {
    t = await startTestApp({ TEST_CLOCK_ENABLED: 'true' });
    admin = await t.tokenFor({ roles: ['admin'] });
    cleaning = await seedServiceType(t);
    gardening = await seedServiceType(t, 'Jardinage');
    provider = await seedOfferingProvider(t, cleaning, 3_000);
    clientId = randomUUID();
    client = await t.tokenFor({ accountId: clientId, roles: ['client'] });
    other = await t.tokenFor({ roles: ['client'] });
    // 10 hours of cleaning for 250,00 € (instead of 300,00 € at the provider's rate), 6 months.
    planId = (
      await definePlan(t, {
        kind: 'hour_pack',
        name: 'Pack Ménage 10 h',
        priceTtcCents: 25_000,
        hourPack: { serviceTypeId: cleaning, minutes: 600, validityMonths: 6 },
      })
    ).planId;
    await t.settle();
  });
  afterAll(async () => t?.close());

  it('a declined card buys nothing (422 PAYMENT_DECLINED); a subscription plan is not a pack', async () => {
    const declined = await post('/me/hour-packs', client, {
      planId,
      paymentMethod: 'pm_card_declined',
    });
    expect([declined.status, declined.body.code]).toEqual([422, 'PAYMENT_DECLINED']);
    const sub = await definePlan(t, { kind: 'pro' });
    const notPack = await post('/me/hour-packs', client, {
      planId: sub.planId,
      paymentMethod: 'pm_card_visa',
    });
    expect([notPack.status, notPack.body.code]).toEqual([422, 'HOUR_PACK_PLAN_NOT_FOUND']);
    await t.settle();
    expect(ok(await get('/me/hour-packs', client)).body.items).toEqual([]);
  });

  it('buys a pack: charged at once, valid 6 months; a retry charges nothing more; another client gets 404', async () => {
    const now = await platformNow();
    const key = randomUUID();
    const bought = ok(
      await post('/me/hour-packs', client, { planId, paymentMethod: 'pm_card_visa' }, key),
      201,
    );
    packId = bought.body.packId;
    expect(bought.body).toMatchObject({
      status: 'active',
      planName: 'Pack Ménage 10 h',
      serviceTypeId: cleaning,
      priceTtcCents: 25_000,
      minutes: 600,
      availableMinutes: 600,
      missions: [],
    });
    const expiresAt = new Date(bought.body.expiresAt);
    expect(expiresAt.getUTCMonth()).toBe((now.getUTCMonth() + 6) % 12);
    const again = ok(
      await post('/me/hour-packs', client, { planId, paymentMethod: 'pm_card_visa' }, key),
      201,
    );
    expect(again.body.packId).toBe(packId);
    expect((await packOps(packId)).map((o) => o.operation).sort()).toEqual([
      'charge_saved',
      'save_method',
    ]);
    expect(
      (await packOps(packId)).find((o) => o.operation === 'charge_saved')!.request,
    ).toMatchObject({
      amountCents: 25_000,
      metadata: { packId, planId },
    });
    const seen = await get(`/me/hour-packs/${packId}`, other);
    expect([seen.status, seen.body.code]).toEqual([404, 'HOUR_PACK_NOT_FOUND']);
    const withdrawOther = await post(`/me/hour-packs/${packId}/withdraw`, other);
    expect([withdrawOther.status, withdrawOther.body.code]).toEqual([404, 'HOUR_PACK_NOT_FOUND']);
    await t.settle();
    expect(
      ok(await get('/me/hour-packs', client)).body.items.map((p: { packId: string }) => p.packId),
    ).toEqual([packId]);
  });

  it('a mission request pays with exactly one of a card and a pack, and the pack must cover it', async () => {
    const startsAt = tenOClock(await platformNow(), 2);
    const both = await publish(startsAt, 120, {
      hourPackId: packId,
      paymentMethod: 'pm_card_visa',
    });
    expect([both.status, both.body.code]).toEqual([422, 'MISSION_PAYMENT_SOURCE_REQUIRED']);
    const neither = await publish(startsAt, 120, {});
    expect([neither.status, neither.body.code]).toEqual([422, 'MISSION_PAYMENT_SOURCE_REQUIRED']);
    const tooLong = await publish(startsAt, 660, { hourPackId: packId });
    expect([tooLong.status, tooLong.body.code]).toEqual([422, 'HOUR_PACK_INSUFFICIENT_HOURS']);
    const notMine = await post('/missions', other, {
      serviceTypeId: cleaning,
      place: PLACE,
      startsAt,
      durationMinutes: 60,
      hourPackId: packId,
    });
    expect([notMine.status, notMine.body.code]).toEqual([422, 'HOUR_PACK_NOT_FOUND']);
    const wrongType = await post('/missions', client, {
      serviceTypeId: gardening,
      place: PLACE,
      startsAt,
      durationMinutes: 60,
      hourPackId: packId,
    });
    // No gardener around: the dispatch refuses first, or the pack does; either way nothing is written.
    expect(wrongType.status).toBe(422);
    const afterExpiry = await publish(
      tenOClock(new Date(Date.parse((await pack()).expiresAt)), 1),
      60,
      { hourPackId: packId },
    );
    expect([afterExpiry.status, afterExpiry.body.code]).toEqual([422, 'HOUR_PACK_EXPIRED']);
  });

  let first: string;
  let second: string;
  let startsAt: string;

  it('a mission paid from the pack: no card; its minutes are reserved at confirmation', async () => {
    startsAt = tenOClock(await platformNow(), 2);
    const published = ok(await publish(startsAt, 120, { hourPackId: packId }), 201);
    expect(published.body).toMatchObject({ status: 'pending', paymentPlan: 'hour_pack' });
    first = published.body.missionId;
    await t.settle();
    expect(await missionOps(first)).toEqual([]);
    expect(await pack()).toMatchObject({ reservedMinutes: 0, availableMinutes: 600 });

    ok(
      await post(
        `/missions/${first}/accept`,
        await t.tokenFor({ accountId: provider, roles: ['provider'] }),
      ),
    );
    await t.settle();
    expect(await pack()).toMatchObject({
      reservedMinutes: 120,
      availableMinutes: 480,
      missions: [{ missionId: first, minutes: 120, use: 'reserved', valueCents: 0 }],
    });
    // The platform funded the mission's escrow from the pack: the provider's price is held.
    const escrow = await t.db.pool.query(
      `SELECT kind FROM journal_entries WHERE escrow_id LIKE 'hourpack_%' AND stream_name LIKE 'escrow-%'`,
    );
    expect(escrow.rows.map((r) => r.kind)).toContain('hour_pack_mission_funded');
  });

  it('a second mission from the pack, confirmed then cancelled by the client: its minutes come back', async () => {
    const published = ok(
      await publish(tenOClock(await platformNow(), 3), 60, { hourPackId: packId }),
      201,
    );
    second = published.body.missionId;
    ok(
      await post(
        `/missions/${second}/accept`,
        await t.tokenFor({ accountId: provider, roles: ['provider'] }),
      ),
    );
    await t.settle();
    expect(await pack()).toMatchObject({ reservedMinutes: 180, availableMinutes: 420 });
    const cancelled = ok(
      await post(`/missions/${second}/cancel`, client, { reason: 'Empêchement.' }),
    );
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    await t.settle();
    expect(await pack()).toMatchObject({ reservedMinutes: 120, availableMinutes: 480 });
    expect((await pack()).missions).toContainEqual({
      missionId: second,
      minutes: 60,
      use: 'released',
      valueCents: 0,
    });
    // Nothing ever went through a card for it, and no late fee is taken from a pack.
    expect(await missionOps(second)).toEqual([]);
  });

  it('validated: the minutes are consumed at their share of the price and the provider is paid out as for a card', async () => {
    await advanceTo(new Date(Date.parse(startsAt) + 3 * HOUR).toISOString());
    ok(await post(`/missions/${first}/validate`, client));
    const ops = await eventually(
      async () => {
        await t.settle();
        const all = await missionOps(first);
        return all.some((o) => o.operation === 'mission_instant_payout') && all;
      },
      20_000,
      'the instant payout',
    );
    // 2 h at 30,00 € = 60,00 €, less the missions commission; no capture: there is no card.
    expect(ops.map((o) => o.operation)).toEqual(['mission_instant_payout']);
    const validated = (
      await t.app.get<EventStore>(EVENT_STORE).readStream(`mission-${first}`)
    ).find((e) => e.type === 'MissionValidated')!.data as {
      priceCents: number;
      providerNetCents: number;
    };
    expect(validated.priceCents).toBe(6_000);
    expect(ops[0].request).toMatchObject({
      providerId: provider,
      amountCents: validated.providerNetCents,
    });
    expect(await pack()).toMatchObject({
      reservedMinutes: 0,
      consumedMinutes: 120,
      consumedCents: 5_000,
      availableMinutes: 480,
    });
    // The client was invoiced for the pack: no service invoice for the mission; the commission one stays.
    await t.settle();
    const invoices = await t.db.pool.query(`SELECT subject FROM invoices WHERE order_id = $1`, [
      first,
    ]);
    expect(invoices.rows.map((r) => r.subject)).toEqual(['commission']);
    const kinds = await t.db.pool.query(`SELECT kind FROM journal_entries WHERE stream_name = $1`, [
      `hourpack-${packId}`,
    ]);
    // The pack was revenue when sold; using its minutes moves no money.
    expect(kinds.rows.map((r) => r.kind)).toEqual(['hour_pack_sold']);
  });

  it('once used, the withdrawal is closed (409 HOUR_PACK_WITHDRAWAL_CLOSED)', async () => {
    const refused = await post(`/me/hour-packs/${packId}/withdraw`, client);
    expect([refused.status, refused.body.code]).toEqual([409, 'HOUR_PACK_WITHDRAWAL_CLOSED']);
  });

  it('at expiresAt the unused minutes are refunded pro rata and the pack expires', async () => {
    const { expiresAt } = await pack();
    await advanceTo(expiresAt);
    const expired = await eventually(
      async () => {
        const p = await pack();
        return p.status === 'expired' && p;
      },
      20_000,
      'the expiry job',
    );
    // 480 of 600 minutes: 250,00 € − 50,00 € consumed = 200,00 € back; together exactly the price.
    expect(expired).toMatchObject({
      refundedMinutes: 480,
      refundedCents: 20_000,
      availableMinutes: 0,
    });
    expect(expired.consumedCents + expired.refundedCents).toBe(25_000);
    const refunds = (await packOps(packId)).filter((o) => o.operation === 'refund_charge');
    expect(refunds.map((r) => r.request.amountCents)).toEqual([20_000]);
    expect(await missionTypes(first)).toContain('MissionValidated');
  });
});

describe('hour packs: withdrawal and a race for the last hours', () => {
  let t: TestApp;
  let cleaning: string;
  let provider: string;
  let client: string;
  let planId: string;

  const post = (url: string, token: string, body: object = {}) =>
    t.request('POST', url, { token, body, idempotencyKey: randomUUID() });

  beforeAll(async () => {
    t = await startTestApp({});
    cleaning = await seedServiceType(t);
    provider = await seedOfferingProvider(t, cleaning, 3_000);
    client = await t.tokenFor({ roles: ['client'] });
    planId = (
      await definePlan(t, {
        kind: 'hour_pack',
        priceTtcCents: 9_900,
        hourPack: { serviceTypeId: cleaning, minutes: 300, validityMonths: 3 },
      })
    ).planId;
    await t.settle();
  });
  afterAll(async () => t?.close());

  it('within 14 days and unused: the whole price goes back to the card', async () => {
    const bought = await post('/me/hour-packs', client, { planId, paymentMethod: 'pm_card_visa' });
    expect(bought.status).toBe(201);
    const withdrawn = await post(`/me/hour-packs/${bought.body.packId}/withdraw`, client);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({
      status: 'withdrawn',
      refundedCents: 9_900,
      refundedMinutes: 300,
      availableMinutes: 0,
    });
    const again = await post(`/me/hour-packs/${bought.body.packId}/withdraw`, client);
    expect(again.body).toMatchObject({ status: 'withdrawn', refundedCents: 9_900 });
    const refunds = await t.db.pool.query(
      `SELECT request FROM simulated_gateway_operations WHERE operation = 'refund_charge' AND idempotency_key LIKE $1`,
      [`hour-pack-${bought.body.packId}-%`],
    );
    expect(refunds.rows.map((r) => r.request.amountCents)).toEqual([9_900]);
  });

  it('two missions published on the same 5 hours: the second confirmed is cancelled by the system', async () => {
    const packId = (await post('/me/hour-packs', client, { planId, paymentMethod: 'pm_card_visa' }))
      .body.packId;
    const startsAt = tenOClock(new Date(), 2);
    const ask = (hours: number, day: number) =>
      post('/missions', client, {
        serviceTypeId: cleaning,
        place: PLACE,
        startsAt: tenOClock(new Date(), day),
        durationMinutes: hours * 60,
        hourPackId: packId,
      });
    const a = await ask(4, 2);
    const b = await ask(3, 3);
    expect([a.status, b.status, startsAt.length > 0]).toEqual([201, 201, true]);
    const providerToken = await t.tokenFor({ accountId: provider, roles: ['provider'] });
    expect((await post(`/missions/${a.body.missionId}/accept`, providerToken)).status).toBe(200);
    await t.settle();
    expect((await post(`/missions/${b.body.missionId}/accept`, providerToken)).status).toBe(200);
    await t.settle();
    const events = await t.app
      .get<EventStore>(EVENT_STORE)
      .readStream(`mission-${b.body.missionId}`);
    const cancelled = events.find((e) => e.type === 'MissionCancelled');
    expect(cancelled?.data).toMatchObject({ cancelledBy: 'system', feeCents: 0, refundCents: 0 });
    const view = await t.request('GET', `/me/hour-packs/${packId}`, { token: client });
    expect(view.body).toMatchObject({ reservedMinutes: 240, availableMinutes: 60 });
  });
  it('a dispute on a pack mission: the escrow freezes, a decision refunding the client gives the minutes back', async () => {
    const packId = (await post('/me/hour-packs', client, { planId, paymentMethod: 'pm_card_visa' }))
      .body.packId;
    const published = await post('/missions', client, {
      serviceTypeId: cleaning,
      place: PLACE,
      // A day the provider is still free (the missions above hold days 2 and 3).
      startsAt: tenOClock(new Date(), 5),
      durationMinutes: 60,
      hourPackId: packId,
    });
    expect(published.status).toBe(201);
    const missionId = published.body.missionId as string;
    const providerToken = await t.tokenFor({ accountId: provider, roles: ['provider'] });
    expect((await post(`/missions/${missionId}/accept`, providerToken)).status).toBe(200);
    await t.settle();
    const opened = await post(`/missions/${missionId}/problem-reports`, client, {
      statement: 'L’intervenant n’est resté que vingt minutes.',
      reason: 'poor_quality',
    });
    expect(opened.body).toMatchObject({ escrow: { status: 'frozen', heldCents: 3_000 } });
    const mediator = await t.tokenFor({ roles: ['mediator'] });
    const disputeId = opened.body.disputeId as string;
    const assigned = await post(`/disputes/${disputeId}/assign`, mediator);
    expect(assigned.status).toBeLessThan(300);
    const decided = await post(`/disputes/${disputeId}/decision`, mediator, {
      outcome: 'split',
      refundCents: 1_000,
      releaseCents: 2_000,
      reasoning: 'Un tiers de l’heure seulement.',
    });
    // The mission closes its dispute in the background (`effects: pending` until then).
    expect(decided.body).toMatchObject({ status: 'resolved', escrow: { status: 'closed' } });
    await eventually(
      async () => {
        await t.settle();
        const view = await t.request('GET', `/me/hour-packs/${packId}`, { token: client });
        return view.body.availableMinutes === 300 && view.body;
      },
      20_000,
      'the minutes given back',
    );
    // The provider is paid out what the decision released (less the commission), from the escrow.
    const money = await t.app.get<EventStore>(EVENT_STORE).readStream(`missionmoney-${missionId}`);
    const paid = money.filter((e) => e.type === 'MissionProviderPaidOut').map((e) => e.data);
    expect(paid).toEqual([expect.objectContaining({ providerId: provider })]);
    expect(money.map((e) => e.type)).not.toContain('MissionPaymentCaptured');
  });
});
