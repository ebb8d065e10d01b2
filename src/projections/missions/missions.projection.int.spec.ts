import { Pool } from 'pg';
import { PostgresEventStore } from '../../infrastructure/event-store/postgres/postgres-event-store';
import { snapshotProjections } from '../../../test/e2e/read-models/support/harness';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { ProfilesProjection } from '../profiles/profiles.projection';
import { providerProfile } from '../profiles/profile.queries';
import { Projection } from '../runner/projection';
import { ProjectionRunner } from '../runner/projection-runner';
import { rebuildProjections } from '../runner/rebuild';
import { MissionScript } from './missions.fixtures.spec';
import { MissionsProjection } from './missions.projection';
import {
  clientHistory,
  clientPending,
  clientUpcoming,
  HISTORY_DELAY_MS,
  interventionSheet,
  missionMessages,
  missionView,
  providerAgenda,
  providerHistory,
  providerRequests,
  staffMissions,
} from './missions.queries';

const PAGE = { limit: 50, offset: 0 };
const STAFF = { accountId: 'staff', staff: true };
const as = (accountId: string) => ({ accountId, staff: false });

describe('missions read model, on real events', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let runner: ProjectionRunner;
  const projections = (): Projection[] => [new MissionsProjection(), new ProfilesProjection()];
  const s = new MissionScript('missions-int');
  const catchUp = async () => {
    await s.appendTo(store);
    await runner.caughtUp();
  };

  const client = s.account('client', 'Claire Martin', undefined, {
    line1: '3 place Bellecour',
    postalCode: '69002',
    city: 'Lyon',
  });
  const other = s.account('client', 'Paul Durand');
  const ana = s.account('provider', 'Ana Ménage');
  const bob = s.account('provider', 'Bob Services');
  const outsider = s.account('provider', 'Zoé Extérieure');
  // Starts 2026-12-10 14:00Z, 150 minutes: ends 16:30Z, in the history from 2026-12-11 16:30Z.
  const startsAt = '2026-12-10T14:00:00.000Z';
  const endsAt = Date.parse('2026-12-10T16:30:00.000Z');
  let booked: string;
  let waiting: string;

  beforeAll(async () => {
    db = await createTestDatabase('mk_missions');
    pool = new Pool({ connectionString: db.url, max: 4 });
    store = new PostgresEventStore(pool, { connectionString: db.url, pollIntervalMs: 50 });
    runner = new ProjectionRunner(store, pool, projections(), { batchSize: 7 });
    runner.start();
  });
  afterAll(async () => {
    await runner.stop();
    await store.close();
    await pool.end();
    await db.drop();
  });

  it('shows a pending request to the client and to each candidate who has not refused', async () => {
    const m = s.request({ clientId: client, candidates: [ana, bob], startsAt });
    booked = m.missionId;
    const w = s.request({
      clientId: client,
      candidates: [bob],
      startsAt: '2026-12-20T09:00:00.000Z',
      label: 'Jardinage',
    });
    waiting = w.missionId;
    s.mission(
      'MissionRefusedByProvider',
      {
        missionId: waiting,
        providerId: bob,
        reason: 'availability',
        refusedAt: '2026-12-01T09:00:00.000Z',
      },
      '2026-12-01T09:00:00.000Z',
      bob,
    );
    await catchUp();

    const pending = await clientPending(pool, client, PAGE);
    expect(pending.total).toBe(2);
    expect(pending.items.map((i) => [i.serviceTypeLabel, i.statusLabel, i.priceCents])).toEqual([
      ['Ménage', 'En attente de réponse', 8_500],
      ['Jardinage', 'En attente de réponse', 7_500],
    ]);
    // A direct request names the provider chosen; a dispatched one has nobody yet.
    expect(pending.items[0].provider).toBeNull();
    expect(pending.items[1].provider).toMatchObject({
      accountId: bob,
      displayName: 'Bob Services',
    });
    expect(pending.items[0].interventionSheetUrl).toBe(`/missions/${booked}/intervention-sheet`);

    const forAna = await providerRequests(pool, ana, PAGE);
    expect(forAna.items.map((i) => [i.missionId, i.priceCents, i.rank])).toEqual([
      [booked, 7_500, 1],
    ]);
    // Bob refused the direct request: only the dispatched one is left to answer, at his own price.
    const forBob = await providerRequests(pool, bob, PAGE);
    expect(forBob.items.map((i) => [i.missionId, i.priceCents, i.rank])).toEqual([
      [booked, 8_500, 2],
    ]);
    expect((await providerRequests(pool, outsider, PAGE)).total).toBe(0);

    expect(await missionView(pool, booked, as(ana))).toMatchObject({ status: 'pending' });
    expect(await missionView(pool, waiting, as(bob))).toBeNull();
    expect(await missionView(pool, booked, as(outsider))).toBeNull();
    expect(await missionView(pool, booked, as(other))).toBeNull();
  });

  it('moves an accepted request to the upcoming appointments and the provider’s agenda', async () => {
    const published = await missionView(pool, booked, as(client));
    const [first] = published!.candidates;
    s.confirm(
      booked,
      client,
      { ...first, pricing: { kind: 'hourly', hourlyRateCents: 3_000 } },
      8_500,
      '2026-12-02T10:00:00.000Z',
    );
    s.mission(
      'MissionPaymentAuthorised',
      {
        missionId: booked,
        escrowId: 'e',
        paymentRef: 'pi_1',
        amountCents: 7_500,
        authorisedAt: '2026-12-02T10:00:01.000Z',
      },
      '2026-12-02T10:00:01.000Z',
    );
    s.mission(
      'MissionMessagePosted',
      {
        missionId: booked,
        messageId: s.id('msg'),
        authorId: client,
        text: 'Le code de la porte est 1234B.',
        fileRefs: [],
        postedAt: '2026-12-02T11:00:00.000Z',
      },
      '2026-12-02T11:00:00.000Z',
      client,
    );
    s.mission(
      'MissionChangeProposed',
      {
        missionId: booked,
        proposalId: s.id('proposal'),
        proposedBy: client,
        proposed: { startsAt, durationMinutes: 180, details: 'Et les vitres.' },
        priceCents: 9_000,
        proposedAt: '2026-12-03T10:00:00.000Z',
      },
      '2026-12-03T10:00:00.000Z',
      client,
    );
    await catchUp();

    expect((await clientPending(pool, client, PAGE)).items.map((i) => i.missionId)).toEqual([
      waiting,
    ]);
    const now = new Date('2026-12-05T00:00:00.000Z');
    const upcoming = await clientUpcoming(pool, client, { ...PAGE, now });
    expect(upcoming.items).toEqual([
      expect.objectContaining({
        missionId: booked,
        statusLabel: 'Rendez-vous confirmé',
        provider: expect.objectContaining({ accountId: ana, displayName: 'Ana Ménage' }),
        priceCents: 7_500,
        startsAt,
      }),
    ]);
    expect(
      (await providerAgenda(pool, ana, { ...PAGE, now })).items.map((i) => i.missionId),
    ).toEqual([booked]);
    // The other candidate no longer sees it, nor its requests list.
    expect((await providerRequests(pool, bob, PAGE)).total).toBe(0);
    expect(await missionView(pool, booked, as(bob))).toBeNull();

    const view = await missionView(pool, booked, as(ana));
    expect(view).toMatchObject({
      status: 'confirmed',
      priceCents: 7_500,
      commissionCents: 1_500,
      providerNetCents: 6_000,
      payment: { plan: 'authorise_now', authorised: true, authorisedCents: 7_500 },
      pendingChange: { durationMinutes: 180, priceCents: 9_000 },
      cancellation: null,
    });
    expect(view!.candidates.map((c) => c.providerId)).toEqual([ana]);
    expect((await missionMessages(pool, booked, as(ana), PAGE))!.items.map((m) => m.text)).toEqual([
      'Le code de la porte est 1234B.',
    ]);
    expect(await missionMessages(pool, booked, as(bob), PAGE)).toBeNull();
  });

  it('puts an intervention in the history 24 h after it ended, by the clock the caller passes', async () => {
    s.mission(
      'MissionValidated',
      {
        missionId: booked,
        clientId: client,
        providerId: ana,
        validatedBy: 'client',
        priceCents: 7_500,
        commissionCents: 1_500,
        providerNetCents: 6_000,
        validatedAt: '2026-12-10T17:00:00.000Z',
      },
      '2026-12-10T17:00:00.000Z',
      client,
    );
    s.mission(
      'MissionAppreciated',
      {
        missionId: booked,
        clientId: client,
        providerId: ana,
        appreciation: 2,
        comment: 'Travail soigné.',
        appreciatedAt: '2026-12-10T18:00:00.000Z',
      },
      '2026-12-10T18:00:00.000Z',
      client,
    );
    s.mission(
      'MissionRecommended',
      {
        missionId: booked,
        clientId: client,
        providerId: ana,
        text: 'Je recommande.',
        recommendedAt: '2026-12-10T18:01:00.000Z',
      },
      '2026-12-10T18:01:00.000Z',
      client,
    );
    await catchUp();

    const justBefore = new Date(endsAt + HISTORY_DELAY_MS - 1);
    const at = new Date(endsAt + HISTORY_DELAY_MS);
    expect((await clientHistory(pool, client, { ...PAGE, now: justBefore })).total).toBe(0);
    expect(
      (await clientUpcoming(pool, client, { ...PAGE, now: justBefore })).items.map(
        (i) => i.missionId,
      ),
    ).toEqual([booked]);
    const history = await clientHistory(pool, client, { ...PAGE, now: at });
    expect(history.items).toEqual([
      expect.objectContaining({
        missionId: booked,
        summary: 'Ménage — 2 h 30 — 75,00 € — Mission terminée',
        validatedAt: '2026-12-10T17:00:00.000Z',
        appreciation: expect.objectContaining({
          value: 2,
          label: 'Très satisfait',
          comment: 'Travail soigné.',
        }),
        recommendation: expect.objectContaining({ text: 'Je recommande.' }),
        interventionSheetUrl: `/missions/${booked}/intervention-sheet`,
      }),
    ]);
    expect((await clientUpcoming(pool, client, { ...PAGE, now: at })).total).toBe(0);
    expect(
      (await providerHistory(pool, ana, { ...PAGE, now: at })).items.map((i) => i.missionId),
    ).toEqual([booked]);
    expect((await providerAgenda(pool, ana, { ...PAGE, now: at })).total).toBe(0);
  });

  it('records every cancellation, who cancelled and whether it was late, on the provider’s profile', async () => {
    const late = s.request({
      clientId: other,
      candidates: [bob],
      startsAt: '2026-12-15T08:00:00.000Z',
    });
    s.confirm(late.missionId, other, late.candidates[0], 7_500, '2026-12-02T12:00:00.000Z');
    s.mission(
      'MissionCancelled',
      {
        missionId: late.missionId,
        cancelledBy: 'client',
        actorId: other,
        from: 'confirmed',
        late: true,
        feeCents: 0,
        refundCents: 7_500,
        cancelledAt: '2026-12-15T06:00:00.000Z',
      },
      '2026-12-15T06:00:00.000Z',
      other,
    );
    const byProvider = s.request({
      clientId: other,
      candidates: [bob],
      startsAt: '2026-12-16T08:00:00.000Z',
    });
    s.confirm(
      byProvider.missionId,
      other,
      byProvider.candidates[0],
      7_500,
      '2026-12-02T12:00:00.000Z',
    );
    s.mission(
      'MissionCancelled',
      {
        missionId: byProvider.missionId,
        cancelledBy: 'provider',
        actorId: bob,
        from: 'confirmed',
        late: false,
        feeCents: 0,
        refundCents: 7_500,
        cancelledAt: '2026-12-03T06:00:00.000Z',
      },
      '2026-12-03T06:00:00.000Z',
      bob,
    );
    await catchUp();

    expect(await missionView(pool, late.missionId, as(other))).toMatchObject({
      status: 'cancelled',
      statusLabel: 'Annulée',
      cancellation: { cancelledBy: 'client', late: true, refundCents: 7_500 },
    });
    const profile = await providerProfile(pool, bob);
    expect(profile!.missionCancellations).toEqual({
      count: 2,
      recent: [
        expect.objectContaining({
          missionId: late.missionId,
          cancelledBy: 'client',
          byThisAccount: false,
          late: true,
          from: 'confirmed',
        }),
        expect.objectContaining({
          missionId: byProvider.missionId,
          cancelledBy: 'provider',
          byThisAccount: true,
          late: false,
        }),
      ],
    });
    const anaProfile = await providerProfile(pool, ana);
    expect(anaProfile!.missionAppreciations).toEqual({
      count: 1,
      average: 2,
      recommendations: 1,
      recent: [
        expect.objectContaining({
          missionId: booked,
          value: 2,
          label: 'Très satisfait',
          comment: 'Travail soigné.',
          recommendation: 'Je recommande.',
        }),
      ],
    });
    const staff = await staffMissions(pool, { ...PAGE, status: 'cancelled' });
    expect(staff.total).toBe(2);
    const december15 = await staffMissions(pool, {
      ...PAGE,
      from: new Date('2026-12-15T00:00:00Z'),
      to: new Date('2026-12-16T00:00:00Z'),
    });
    expect(december15.items.map((i) => i.missionId)).toEqual([late.missionId]);
  });

  it('prints the employer’s details on the sheet, and forgets them when the client is erased', async () => {
    const sheet = await interventionSheet(pool, booked, as(ana), new Date('2026-12-04T00:00:00Z'));
    expect(sheet).toMatchObject({
      requestNumber: `M-${booked.replace(/-/g, '').slice(0, 8).toUpperCase()}`,
      employer: {
        displayName: 'Claire Martin',
        address: expect.objectContaining({ line1: '3 place Bellecour' }),
      },
      provider: { displayName: 'Ana Ménage', providerReference: expect.stringMatching(/^PR-/) },
      place: { address: '12 rue des Lilas', postalCode: '69003', city: 'Lyon' },
    });
    expect(await interventionSheet(pool, booked, as(outsider), new Date())).toBeNull();

    s.erase(client, '2026-12-20T00:00:00.000Z');
    await catchUp();
    const erased = await interventionSheet(pool, booked, STAFF, new Date());
    expect(erased).toMatchObject({
      employer: { displayName: null, address: null },
      place: { address: null, city: 'Lyon' },
      details: null,
      priceCents: 7_500,
    });
    const view = await missionView(pool, booked, STAFF);
    expect(view).toMatchObject({
      client: { erased: true, displayName: null },
      appreciation: { value: 2, comment: '' },
    });
    expect((await missionMessages(pool, booked, STAFF, PAGE))!.items[0].text).toBeNull();
  });

  it('sends a changed request to its new candidates only', async () => {
    const m = s.request({
      clientId: other,
      candidates: [ana, outsider],
      startsAt: '2026-12-28T09:00:00.000Z',
    });
    s.mission(
      'MissionRefusedByProvider',
      {
        missionId: m.missionId,
        providerId: outsider,
        reason: 'location',
        refusedAt: '2026-12-01T09:00:00.000Z',
      },
      '2026-12-01T09:00:00.000Z',
      outsider,
    );
    s.mission(
      'MissionRequestChanged',
      {
        missionId: m.missionId,
        startsAt: '2026-12-29T09:00:00.000Z',
        durationMinutes: 60,
        details: 'Un seul passage.',
        place: {
          address: '1 rue Neuve',
          postalCode: '69001',
          city: 'Lyon',
          lat: 45.767,
          lng: 4.834,
        },
        candidates: [
          { providerId: bob, rank: 1, pricing: { kind: 'fixed' }, priceCents: 4_000 },
          { providerId: outsider, rank: 2, pricing: { kind: 'fixed' }, priceCents: 4_500 },
        ],
        reservedCents: 4_500,
        previousReservedCents: 7_500,
        paymentPlan: 'authorise_now',
        authoriseAt: '2026-12-01T10:00:00.000Z',
        respondBy: '2026-12-02T10:00:00.000Z',
        autoValidateAt: '2027-01-05T09:00:00.000Z',
        changedAt: '2026-12-01T10:00:00.000Z',
      },
      '2026-12-01T10:00:00.000Z',
      other,
    );
    await catchUp();
    // Ana is no longer asked; the refusal before the change no longer counts for the outsider.
    expect((await providerRequests(pool, ana, PAGE)).items.map((i) => i.missionId)).not.toContain(
      m.missionId,
    );
    expect(await missionView(pool, m.missionId, as(ana))).toBeNull();
    expect(
      (await providerRequests(pool, bob, PAGE)).items.map((i) => [i.missionId, i.priceCents]),
    ).toContainEqual([m.missionId, 4_000]);
    expect((await providerRequests(pool, outsider, PAGE)).items.map((i) => i.missionId)).toEqual([
      m.missionId,
    ]);
    expect(await missionView(pool, m.missionId, as(other))).toMatchObject({
      startsAt: '2026-12-29T09:00:00.000Z',
      durationMinutes: 60,
      priceCents: 4_500,
      reservation: { reservedCents: 4_500 },
      place: { address: '1 rue Neuve', postalCode: '69001' },
    });
  });

  it('gives the same rows when rebuilt from position 0', async () => {
    const live = projections();
    const before = await snapshotProjections(pool, live);
    expect(before['missions.mission_views']).toHaveLength(5);
    await runner.stop();
    await rebuildProjections(store, pool, live, { batchSize: 3 });
    expect(await snapshotProjections(pool, live)).toEqual(before);
    runner = new ProjectionRunner(store, pool, projections(), { batchSize: 7 });
    runner.start();
  });

  it('ignores a redelivered log: rows stay as they were', async () => {
    const live = projections();
    const before = await snapshotProjections(pool, live);
    const events = await store.readAll({ maxCount: 10_000 });
    const tx = await pool.connect();
    try {
      await tx.query('BEGIN');
      for (const p of live) {
        const { rows } = await tx.query(
          'SELECT schema_name FROM public.projection_checkpoints WHERE name = $1',
          [p.name],
        );
        await tx.query(`SELECT set_config('search_path', $1, true)`, [rows[0].schema_name]);
        await p.handle(
          events.filter((e) => p.handles.includes(e.type)),
          tx,
        );
      }
      await tx.query('COMMIT');
    } finally {
      tx.release();
    }
    expect(await snapshotProjections(pool, live)).toEqual(before);
  });
});
