import { randomUUID } from 'node:crypto';
import { disputeEffectIds } from '../../../src/application/disputes/deterministic-id';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { caseReplayCommand } from '../../../src/interfaces/cli/case-replay.command';
import { startTestApp, TestApp } from '../../support/test-app';
import { account, Account } from './dispute-fixtures';

const HOUR = 3_600_000;
const PRICE = 9_000;
const COMMISSION_BP = 1_500;

interface Mission {
  missionId: string;
  escrowId: string;
}

/**
 * A mission written straight to the log as the missions context would, the money process of the
 * app doing the rest: requested by `client` (card `pm_card_visa`), authorised at the simulated
 * gateway and held in the mission's escrow by the money reactor, then confirmed by `provider`.
 * `stage` stops earlier for the refusal cases; `authorise_later` leaves the card unauthorised.
 */
async function mission(
  t: TestApp,
  client: Account,
  provider: Account,
  stage: 'pending' | 'confirmed_not_authorised' | 'confirmed' = 'confirmed',
): Promise<Mission> {
  const store = t.app.get<EventStore>(EVENT_STORE);
  const missionId = randomUUID();
  const escrowId = randomUUID();
  const now = Date.now();
  const at = (ms: number) => new Date(now + ms).toISOString();
  const later = stage === 'confirmed_not_authorised';
  const meta = (actorId: string, actorRole: string) => ({
    actorId,
    actorRole,
    correlationId: missionId,
    occurredAt: at(0),
  });
  const append = (type: string, data: unknown, by: ReturnType<typeof meta>) =>
    store.appendToStream(`mission-${missionId}`, [{ id: randomUUID(), type, data, metadata: by }]);

  await append(
    'MissionRequested',
    {
      missionId,
      escrowId,
      clientId: client.id,
      serviceTypeId: 'service-menage',
      serviceTypeLabel: 'Ménage',
      place: {
        address: '12 rue des Lilas',
        postalCode: '69003',
        city: 'Lyon',
        lat: 45.76,
        lng: 4.84,
      },
      targeting: 'direct',
      candidates: [
        { providerId: provider.id, rank: 1, pricing: { kind: 'fixed' }, priceCents: PRICE },
      ],
      reservedCents: PRICE,
      commissionRateBp: COMMISSION_BP,
      paymentPlan: later ? 'authorise_later' : 'authorise_now',
      authoriseAt: later ? at(20 * 24 * HOUR) : at(0),
      paymentMethodRef: 'pm_card_visa',
      respondBy: at(24 * HOUR),
      autoValidateAt: later ? at(23 * 24 * HOUR) : at(100 * HOUR),
      requestedAt: at(0),
      startsAt: later ? at(21 * 24 * HOUR) : at(48 * HOUR),
      durationMinutes: 120,
      details: 'Deux chambres et la cuisine.',
    },
    meta(client.id, 'client'),
  );
  // The money reactor authorises the card and the mission records it.
  await t.settle();
  if (stage !== 'pending') {
    await append(
      'MissionConfirmed',
      {
        missionId,
        clientId: client.id,
        providerId: provider.id,
        priceCents: PRICE,
        commissionCents: 1_350,
        providerNetCents: 7_650,
        releasedReservationCents: 0,
        confirmedAt: at(0),
      },
      meta(provider.id, 'provider'),
    );
    // With a provider to pay, the money reactor opens the escrow with the authorisation.
    await t.settle();
    if (!later) expect(await escrowBalance(t, escrowId)).toMatchObject({ held: PRICE });
  }
  return { missionId, escrowId };
}

async function types(t: TestApp, stream: string): Promise<string[]> {
  const events = await t.app
    .get<EventStore>(EVENT_STORE)
    .readStream(stream)
    .catch(() => []);
  return events.map((e) => e.type);
}

async function escrowBalance(t: TestApp, escrowId: string) {
  const events = await t.app
    .get<EventStore>(EVENT_STORE)
    .readStream(`escrow-${escrowId}`)
    .catch(() => []);
  const sum = (type: string) =>
    events
      .filter((e) => e.type === type)
      .reduce((s, e) => s + (e.data as { amountCents: number }).amountCents, 0);
  const funded = sum('EscrowFunded');
  const released = sum('EscrowReleased');
  const refunded = sum('EscrowRefunded');
  return { funded, released, refunded, held: funded - released - refunded };
}

describe('Signaler un problème: a dispute on a mission', () => {
  let t: TestApp;
  let client: Account;
  let provider: Account;
  let mediator: Account;
  let stranger: Account;

  beforeAll(async () => {
    t = await startTestApp();
    [client, provider, mediator, stranger] = await Promise.all([
      account(t, 'client'),
      account(t, 'provider'),
      account(t, 'mediator'),
      account(t, 'client'),
    ]);
  });
  afterAll(async () => t.close());

  const report = (missionId: string, who: Account, body: Record<string, unknown> = {}) =>
    t.request('POST', `/missions/${missionId}/problem-reports`, {
      token: who.token,
      body: { statement: 'L’intervenant est reparti au bout d’une heure.', ...body },
      idempotencyKey: randomUUID(),
    });

  it('freezes what is held, and a mediator’s split bounded by it resolves the mission', async () => {
    const { missionId, escrowId } = await mission(t, client, provider);
    const opened = await report(missionId, client, { reason: 'poor_quality' });
    expect(opened).toMatchObject({
      status: 201,
      body: {
        status: 'open',
        orderId: null,
        subject: { kind: 'mission', id: missionId },
        mission: { status: 'disputed', statusLabel: 'Problème signalé' },
        escrow: { status: 'frozen', heldCents: PRICE },
        effects: 'done',
      },
    });
    const disputeId = opened.body.disputeId as string;
    expect(await types(t, `mission-${missionId}`)).toContain('MissionProblemReported');

    const view = await t.request('GET', `/disputes/${disputeId}`, { token: provider.token });
    expect(view).toMatchObject({
      status: 200,
      body: {
        access: 'party',
        reasonLabel: 'Prestation mal réalisée',
        mission: { status: 'disputed' },
      },
    });

    await t.settle();
    const queue = await t.request('GET', '/mediation/queue?subject=mission', {
      token: mediator.token,
    });
    expect(queue.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          disputeId,
          subject: { kind: 'mission', id: missionId },
          heldCents: PRICE,
          reasonLabel: 'Prestation mal réalisée',
        }),
      ]),
    );
    const orders = await t.request('GET', '/mediation/queue?subject=order', {
      token: mediator.token,
    });
    expect(orders.body.items.map((i: { disputeId: string }) => i.disputeId)).not.toContain(
      disputeId,
    );

    await t.request('POST', `/disputes/${disputeId}/assign`, { token: mediator.token, body: {} });
    const above = await t.request('POST', `/disputes/${disputeId}/decision`, {
      token: mediator.token,
      body: {
        outcome: 'split',
        refundCents: 5_000,
        releaseCents: 5_000,
        reasoning: 'Moitié-moitié.',
      },
    });
    expect(above).toMatchObject({
      status: 422,
      body: { code: 'DECISION_EXCEEDS_HELD', heldCents: PRICE },
    });

    const decided = await t.request('POST', `/disputes/${disputeId}/decision`, {
      token: mediator.token,
      body: {
        outcome: 'split',
        refundCents: 3_000,
        releaseCents: 6_000,
        reasoning: 'Deux heures prévues, une seule effectuée correctement.',
      },
    });
    expect(decided).toMatchObject({
      status: 200,
      body: {
        status: 'resolved',
        mission: { status: 'resolved' },
        escrow: { status: 'closed', heldCents: 0 },
        effects: 'done',
      },
    });
    await t.settle();

    const closed = (await t.app.get<EventStore>(EVENT_STORE).readStream(`mission-${missionId}`))
      .filter((e) => e.type === 'MissionDisputeClosed')
      .map((e) => e.data);
    expect(closed).toEqual([
      expect.objectContaining({
        disputeId,
        outcome: 'decided',
        releasedToProviderCents: 6_000,
        refundedToClientCents: 3_000,
      }),
    ]);
    expect(await escrowBalance(t, escrowId)).toEqual({
      funded: PRICE,
      released: 6_000,
      refunded: 3_000,
      held: 0,
    });
    // The money process charges the card for the provider's share only, and pays them out at once.
    const money = await t.app.get<EventStore>(EVENT_STORE).readStream(`missionmoney-${missionId}`);
    expect(money.filter((e) => e.type === 'MissionPaymentCaptured').map((e) => e.data)).toEqual([
      expect.objectContaining({ capturedCents: 6_000, releasedCents: 3_000 }),
    ]);
    expect(money.filter((e) => e.type === 'MissionProviderPaidOut').map((e) => e.data)).toEqual([
      expect.objectContaining({ providerId: provider.id, amountCents: 6_000 - 900 }),
    ]);

    // The case replays from the mission id and from the dispute id alike.
    const history = await t.request('GET', `/cases/${missionId}/history`, {
      token: mediator.token,
    });
    expect(history).toMatchObject({
      status: 200,
      body: { subject: { kind: 'mission', id: missionId }, orderId: null, disputeIds: [disputeId] },
    });
    const lines = history.body.timeline.map(
      (e: { actor: { caseRole: string }; description: string }) =>
        `${e.actor.caseRole}: ${e.description}`,
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        'client: Client reported a problem; the mission is frozen until the dispute ends',
        'client: Client opened a dispute: poor quality',
        'mediator: Mediator decided: split (€30.00 refunded to the client, €60.00 released to the provider)',
        'mediator: Mission resolved: €30.00 refunded to the client, €60.00 released to the provider',
      ]),
    );
    const viaDispute = await t.request('GET', `/cases/${disputeId}/history`, {
      token: client.token,
    });
    expect(viaDispute).toMatchObject({
      status: 200,
      body: { subject: { kind: 'mission', id: missionId }, access: 'party' },
    });
    expect(
      (await t.request('GET', `/cases/${missionId}/history`, { token: stranger.token })).status,
    ).toBe(404);

    const out: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    try {
      expect(await caseReplayCommand.run([missionId], {}, t.config)).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(out.join('')).toContain(`Case of mission ${missionId}`);
    expect(out.join('')).toContain('Mission resolved: €30.00 refunded to the client');
  });

  it('answers 404 MISSION_NOT_FOUND to someone who is not a party, and writes nothing', async () => {
    const { missionId } = await mission(t, client, provider);
    const before = await types(t, `mission-${missionId}`);
    expect(await report(missionId, stranger)).toMatchObject({
      status: 404,
      body: { code: 'MISSION_NOT_FOUND' },
    });
    expect(await report(randomUUID(), client)).toMatchObject({
      status: 404,
      body: { code: 'MISSION_NOT_FOUND' },
    });
    expect(await types(t, `mission-${missionId}`)).toEqual(before);
  });

  it('refuses a report on a pending mission with the mission’s code, and writes nothing', async () => {
    const { missionId, escrowId } = await mission(t, client, provider, 'pending');
    const before = await types(t, `mission-${missionId}`);
    const escrowBefore = await types(t, `escrow-${escrowId}`);
    expect(await report(missionId, client)).toMatchObject({
      status: 409,
      body: { code: 'MISSION_NOT_CONFIRMED', currentStatus: 'pending' },
    });
    await t.settle();
    expect(await types(t, `mission-${missionId}`)).toEqual(before);
    expect(await types(t, `escrow-${escrowId}`)).toEqual(escrowBefore);
    const { rows } = await t.db.pool.query(
      `SELECT count(*)::int AS n FROM es_events WHERE category = 'dispute' AND data -> 'subject' ->> 'id' = $1`,
      [missionId],
    );
    expect(rows[0].n).toBe(0);
  });

  it('refuses a confirmed mission whose card is not authorised yet (nothing held)', async () => {
    const { missionId } = await mission(t, client, provider, 'confirmed_not_authorised');
    const before = await types(t, `mission-${missionId}`);
    expect(await report(missionId, provider)).toMatchObject({
      status: 409,
      body: {
        code: 'MISSION_NOT_AUTHORISED',
        currentStatus: 'confirmed',
        paymentPlan: 'authorise_later',
      },
    });
    expect(await types(t, `mission-${missionId}`)).toEqual(before);
  });

  it('puts the mission back to confirmed when its reporter withdraws, the escrow unfrozen', async () => {
    const { missionId, escrowId } = await mission(t, client, provider);
    const opened = await report(missionId, provider, { reason: 'other' });
    expect(opened).toMatchObject({ status: 201, body: { escrow: { status: 'frozen' } } });
    const disputeId = opened.body.disputeId as string;
    expect(await report(missionId, client)).toMatchObject({
      status: 409,
      body: { code: 'DISPUTE_ALREADY_OPENED', currentStatus: 'disputed', disputeId },
    });

    const withdrawn = await t.request('POST', `/disputes/${disputeId}/withdraw`, {
      token: provider.token,
    });
    expect(withdrawn).toMatchObject({
      status: 200,
      body: {
        status: 'withdrawn',
        mission: { status: 'confirmed', statusLabel: 'Rendez-vous confirmé' },
        escrow: { status: 'held', heldCents: PRICE },
        effects: 'done',
      },
    });
    await t.settle();
    const closed = (await t.app.get<EventStore>(EVENT_STORE).readStream(`mission-${missionId}`))
      .filter((e) => e.type === 'MissionDisputeClosed')
      .map((e) => e.data);
    expect(closed).toEqual([
      expect.objectContaining({
        disputeId,
        outcome: 'withdrawn',
        releasedToProviderCents: 0,
        refundedToClientCents: 0,
      }),
    ]);
    expect(await escrowBalance(t, escrowId)).toMatchObject({ held: PRICE });

    // A second problem on the same mission is a new dispute.
    const again = await report(missionId, client);
    expect(again).toMatchObject({ status: 201, body: { mission: { status: 'disputed' } } });
    expect(again.body.disputeId).not.toBe(disputeId);

    // Settled by agreement: the whole authorisation goes back to the client, nothing is charged.
    const second = again.body.disputeId as string;
    await t.request('POST', `/disputes/${second}/assign`, { token: mediator.token, body: {} });
    const proposed = await t.request('POST', `/disputes/${second}/settlements`, {
      token: mediator.token,
      body: { refundCents: PRICE, releaseCents: 0 },
    });
    expect(proposed).toMatchObject({ status: 201, body: { status: 'settlement_proposed' } });
    const settlement = `/disputes/${second}/settlements/${proposed.body.settlementId}`;
    await t.request('POST', `${settlement}/accept`, { token: provider.token });
    const settled = await t.request('POST', `${settlement}/accept`, { token: client.token });
    expect(settled).toMatchObject({
      status: 200,
      body: { status: 'resolved', mission: { status: 'resolved' }, escrow: { heldCents: 0 } },
    });
    await t.settle();
    expect(await escrowBalance(t, escrowId)).toEqual({
      funded: PRICE,
      released: 0,
      refunded: PRICE,
      held: 0,
    });
    const money = await t.app
      .get<EventStore>(EVENT_STORE)
      .readStream(`missionmoney-${missionId}`)
      .catch(() => []);
    expect(money.map((e) => e.type)).not.toContain('MissionPaymentCaptured');
  });

  it('finishes an opening whose process stopped after the mission took the report', async () => {
    const { missionId, escrowId } = await mission(t, client, provider);
    const disputeId = disputeEffectIds.missionDispute(missionId, 0);
    // What a crash between the mission's answer and the dispute's opening leaves behind.
    await t.app.get<EventStore>(EVENT_STORE).appendToStream(`mission-${missionId}`, [
      {
        id: randomUUID(),
        type: 'MissionProblemReported',
        data: {
          missionId,
          disputeId,
          reportedBy: client.id,
          reporterRole: 'client',
          statement: 'Personne n’est venu.',
          statusAtReport: 'confirmed',
          reportedAt: new Date().toISOString(),
        },
        metadata: { actorId: client.id, actorRole: 'client', correlationId: missionId },
      },
    ]);
    expect(await report(missionId, provider)).toMatchObject({
      status: 409,
      body: { code: 'DISPUTE_ALREADY_OPENED', disputeId },
    });
    const resumed = await report(missionId, client, { reason: 'no_show' });
    expect(resumed).toMatchObject({
      status: 201,
      body: { disputeId, mission: { status: 'disputed' }, escrow: { status: 'frozen' } },
    });
    expect(
      (await types(t, `mission-${missionId}`)).filter((x) => x === 'MissionProblemReported'),
    ).toHaveLength(1);
    expect(await types(t, `escrow-${escrowId}`)).toContain('EscrowFrozen');
  });
});
