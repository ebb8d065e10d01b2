import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '../../application/shared/event-store.port';
import { CandidateQuery } from '../../application/missions/mission-candidates.port';
import { ManualClock } from '../../application/shared/clock';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { applyEvents, inTransaction } from '../runner/batch';
import { schemaName } from '../runner/generations';
import { earthCube, zoneBox } from './dispatch.evolve';
import { DispatchProjection } from './dispatch.projection';
import { ReadModelMissionCandidates } from './mission-candidates.reader';

const NOW = '2026-12-01T09:00:00.000Z';
const CLEANING = 'st-cleaning';
const GARDEN = 'st-garden';
/** Paris, place de la République; Monday 7 December 2026, 10:00 Paris (09:00 UTC). */
const PLACE = { lat: 48.8674, lng: 2.3636 };
const MONDAY_10H = '2026-12-07T09:00:00.000Z';
const REQUIRED = ['kbis_or_cfe', 'rib', 'urssaf_vigilance', 'tax_compliance', 'rc_pro'];

let db: TestDatabase;
let candidates: ReadModelMissionCandidates;
const projection = new DispatchProjection();
const schema = schemaName(projection, 1);
const revisions = new Map<string, bigint>();
let position = 0n;

/** Records events as the log would hand them, each stream numbered from 0. */
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

function verified(providerId: string, expiresAt: string | null = null): RecordedEvent[] {
  return REQUIRED.flatMap((kind) => {
    const documentId = `${providerId}-${kind}`;
    const stream = `verification-${providerId}`;
    return [
      recorded(stream, 'DocumentSubmitted', {
        providerId,
        documentId,
        kind,
        uploadRef: 'u',
        submittedAt: NOW,
      }),
      recorded(stream, 'DocumentApproved', {
        providerId,
        documentId,
        kind,
        reviewedBy: 'staff',
        approvedAt: NOW,
        expiresAt: kind === 'rc_pro' ? expiresAt : null,
      }),
    ];
  });
}

function offer(
  providerId: string,
  o: {
    serviceTypeId?: string;
    hourlyRateCents?: number;
    fixedPriceCents?: number;
    at?: { lat: number; lng: number };
    radiusKm?: number;
    slots?: { weekday: number; from: string; to: string }[];
  } = {},
): RecordedEvent[] {
  const stream = `provider-offer-${providerId}`;
  const pricing =
    o.fixedPriceCents !== undefined
      ? { kind: 'fixed', fixedPriceCents: o.fixedPriceCents }
      : { kind: 'hourly', hourlyRateCents: o.hourlyRateCents ?? 2_500 };
  const at = o.at ?? PLACE;
  return [
    recorded(stream, 'ProviderServiceOffered', {
      providerId,
      serviceTypeId: o.serviceTypeId ?? CLEANING,
      pricing,
      offeredAt: NOW,
    }),
    recorded(stream, 'ProviderZoneSet', {
      providerId,
      zone: { postalCode: '75011', city: 'Paris', ...at, radiusKm: o.radiusKm ?? 10 },
      setAt: NOW,
    }),
    recorded(stream, 'ProviderWeeklyHoursSet', {
      providerId,
      slots: o.slots ?? [{ weekday: 1, from: '08:00', to: '18:00' }],
      setAt: NOW,
    }),
  ];
}

function query(over: Partial<CandidateQuery> = {}): CandidateQuery {
  return {
    serviceTypeId: CLEANING,
    place: PLACE,
    startsAt: MONDAY_10H,
    durationMinutes: 90,
    limit: 20,
    ...over,
  };
}

const ids = async (q: CandidateQuery = query()) =>
  (await candidates.available(q)).map((c) => c.providerId);

beforeAll(async () => {
  db = await createTestDatabase('mk_dispatch');
  candidates = new ReadModelMissionCandidates(db.pool, new ManualClock(NOW));
  await given(
    recorded('service-type-st-cleaning', 'ServiceTypeCreated', {
      serviceTypeId: CLEANING,
      label: 'Ménage',
      description: 'Ménage à domicile',
      category: 'home',
      createdBy: 'staff',
      createdAt: NOW,
    }),
    recorded('service-type-st-garden', 'ServiceTypeCreated', {
      serviceTypeId: GARDEN,
      label: 'Jardinage',
      description: 'Tonte, taille, désherbage',
      category: 'garden',
      createdBy: 'staff',
      createdAt: NOW,
    }),
  );
});

afterAll(async () => {
  await db.drop();
});

function mission(missionId: string, terms = { startsAt: MONDAY_10H, durationMinutes: 120 }) {
  const stream = `mission-${missionId}`;
  return {
    requested: () =>
      recorded(stream, 'MissionRequested', { missionId, ...terms, details: '', requestedAt: NOW }),
    confirmed: (providerId: string) =>
      recorded(stream, 'MissionConfirmed', { missionId, providerId, confirmedAt: NOW }),
    changeAccepted: (startsAt: string, durationMinutes: number) =>
      recorded(stream, 'MissionChangeAccepted', {
        missionId,
        startsAt,
        durationMinutes,
        details: '',
        acceptedAt: NOW,
      }),
    cancelled: () =>
      recorded(stream, 'MissionCancelled', { missionId, cancelledBy: 'client', cancelledAt: NOW }),
    validated: () => recorded(stream, 'MissionValidated', { missionId, validatedAt: NOW }),
    disputeClosed: (outcome: 'withdrawn' | 'decided') =>
      recorded(stream, 'MissionDisputeClosed', { missionId, outcome, closedAt: NOW }),
  };
}

/** A provider verified with an hourly cleaning offer around PLACE, Mondays 08:00-18:00. */
async function provider(o: Parameters<typeof offer>[1] = {}): Promise<string> {
  const p = `p-${randomUUID()}`;
  await given(...verified(p), ...offer(p, o));
  return p;
}

/** A place far from everything else, so a test's providers are the only ones around it. */
let lane = 0;
function isolatedPlace(): { lat: number; lng: number } {
  lane += 1;
  return { lat: 43 + lane * 0.5, lng: -1.5 };
}

describe('the dispatch index: who receives a request', () => {
  it('lists a verified provider offering the type, covering the place and free, with the price of the duration', async () => {
    const p = await provider({ hourlyRateCents: 2_333 });
    const found = (await candidates.available(query())).find((c) => c.providerId === p);
    // 23.33 € × 1.5 h = 34.995 € → 35.00 € (half-even on the cent).
    expect(found).toEqual({
      providerId: p,
      rank: expect.any(Number),
      pricing: { kind: 'hourly', hourlyRateCents: 2_333 },
      priceCents: 3_500,
    });
  });

  it('prices a fixed offer at its price whatever the duration', async () => {
    const p = await provider({ fixedPriceCents: 8_000 });
    const found = (await candidates.available(query({ durationMinutes: 240 }))).find(
      (c) => c.providerId === p,
    );
    expect(found).toMatchObject({ pricing: { kind: 'fixed' }, priceCents: 8_000 });
  });

  it('leaves out a provider who is not verified, and one whose verification lapsed', async () => {
    const place = isolatedPlace();
    const unverified = `p-${randomUUID()}`;
    await given(...offer(unverified, { at: place }));
    const lapsed = `p-${randomUUID()}`;
    await given(...verified(lapsed, '2026-11-30T00:00:00.000Z'), ...offer(lapsed, { at: place }));
    const valid = `p-${randomUUID()}`;
    await given(...verified(valid, '2027-06-01T00:00:00.000Z'), ...offer(valid, { at: place }));
    expect(await ids(query({ place }))).toEqual([valid]);
  });

  it('stops listing a provider once a required document expires', async () => {
    const place = isolatedPlace();
    const p = await provider({ at: place });
    expect(await ids(query({ place }))).toEqual([p]);
    await given(
      recorded(`verification-${p}`, 'DocumentExpired', {
        providerId: p,
        documentId: `${p}-urssaf_vigilance`,
        kind: 'urssaf_vigilance',
        expiredAt: NOW,
      }),
    );
    expect(await ids(query({ place }))).toEqual([]);
    expect(await candidates.direct(p, query({ place }))).toBeNull();
  });

  it('leaves out offers of another type and providers whose radius does not reach the place', async () => {
    const place = isolatedPlace();
    const gardener = await provider({ at: place, serviceTypeId: GARDEN });
    // ~11 km north of the place: a 10 km radius does not reach it, a 15 km one does.
    const north = { lat: place.lat + 0.1, lng: place.lng };
    await provider({ at: north, radiusKm: 10 });
    const far = await provider({ at: north, radiusKm: 15 });
    expect(await ids(query({ place }))).toEqual([far]);
    expect(await ids(query({ place, serviceTypeId: GARDEN }))).toEqual([gardener]);
  });

  it('follows withdrawn offers, moved zones and closed accounts', async () => {
    const place = isolatedPlace();
    const p = await provider({ at: place });
    const q = query({ place });
    await given(
      recorded(`provider-offer-${p}`, 'ProviderServiceWithdrawn', {
        providerId: p,
        serviceTypeId: CLEANING,
        withdrawnAt: NOW,
      }),
    );
    expect(await ids(q)).toEqual([]);
    const other = await provider({ at: { lat: place.lat + 1, lng: place.lng } });
    expect(await ids(q)).toEqual([]);
    await given(
      recorded(`provider-offer-${other}`, 'ProviderZoneSet', {
        providerId: other,
        zone: { postalCode: '00000', city: 'x', ...place, radiusKm: 5 },
        setAt: NOW,
      }),
    );
    expect(await ids(q)).toEqual([other]);
    await given(recorded(`account-${other}`, 'AccountClosed', { accountId: other, closedAt: NOW }));
    expect(await ids(q)).toEqual([]);
    expect(await candidates.direct(other, q)).toBeNull();
  });
});

describe('the dispatch index: availability in Paris time', () => {
  it('needs weekly hours covering the whole slot, in Paris local time', async () => {
    const place = isolatedPlace();
    const p = await provider({ at: place, slots: [{ weekday: 1, from: '09:00', to: '12:00' }] });
    // Monday 10:00-11:30 Paris is inside; 11:00-12:30 runs past the slot; Tuesday is not covered.
    expect(await ids(query({ place }))).toEqual([p]);
    expect(await ids(query({ place, startsAt: '2026-12-07T10:00:00.000Z' }))).toEqual([]);
    expect(await ids(query({ place, startsAt: '2026-12-08T09:00:00.000Z' }))).toEqual([]);
    // In summer Paris is UTC+2: Monday 6 July 2026 10:00 Paris is 08:00 UTC.
    expect(await ids(query({ place, startsAt: '2026-07-06T08:00:00.000Z' }))).toEqual([p]);
    expect(await ids(query({ place, startsAt: '2026-07-06T06:30:00.000Z' }))).toEqual([]);
  });

  it('joins adjacent slots, and a slot until midnight with the next day from midnight', async () => {
    const place = isolatedPlace();
    const p = await provider({
      at: place,
      slots: [
        { weekday: 1, from: '09:00', to: '12:00' },
        { weekday: 1, from: '12:00', to: '14:00' },
        { weekday: 5, from: '20:00', to: '23:59' },
        { weekday: 6, from: '00:00', to: '02:00' },
      ],
    });
    expect(
      await ids(query({ place, startsAt: '2026-12-07T10:00:00.000Z', durationMinutes: 120 })),
    ).toEqual([p]);
    // Friday 11 December 2026, 23:00 Paris, for two hours.
    expect(
      await ids(query({ place, startsAt: '2026-12-11T22:00:00.000Z', durationMinutes: 120 })),
    ).toEqual([p]);
    expect(
      await ids(query({ place, startsAt: '2026-12-11T22:00:00.000Z', durationMinutes: 240 })),
    ).toEqual([]);
  });

  it('an unavailable exception over the slot removes the provider; an available one covering it adds them', async () => {
    const place = isolatedPlace();
    const p = await provider({ at: place });
    const stream = `provider-offer-${p}`;
    await given(
      recorded(stream, 'ProviderAvailabilityExceptionAdded', {
        providerId: p,
        exceptionId: 'holidays',
        kind: 'unavailable',
        from: '2026-12-07T09:30:00.000Z',
        to: '2026-12-08T00:00:00.000Z',
      }),
      recorded(stream, 'ProviderAvailabilityExceptionAdded', {
        providerId: p,
        exceptionId: 'saturday',
        kind: 'available',
        from: '2026-12-12T08:00:00.000Z',
        to: '2026-12-12T12:00:00.000Z',
      }),
    );
    expect(await ids(query({ place }))).toEqual([]);
    expect(await ids(query({ place, startsAt: '2026-12-12T09:00:00.000Z' }))).toEqual([p]);
    expect(await ids(query({ place, startsAt: '2026-12-12T11:00:00.000Z' }))).toEqual([]);
    await given(
      recorded(stream, 'ProviderAvailabilityExceptionRemoved', {
        providerId: p,
        exceptionId: 'holidays',
        removedAt: NOW,
      }),
    );
    expect(await ids(query({ place }))).toEqual([p]);
  });
});

describe('the dispatch index: bookings', () => {
  it('a confirmed mission holds the slot; the mission being changed does not count against itself', async () => {
    const place = isolatedPlace();
    const p = await provider({ at: place });
    const missionId = `m-${randomUUID()}`;
    const m = mission(missionId);
    await given(m.requested(), m.confirmed(p));
    // 10:00-12:00 is booked: 11:00 overlaps, 12:00 (half-open) does not.
    expect(await ids(query({ place }))).toEqual([]);
    expect(await ids(query({ place, startsAt: '2026-12-07T10:00:00.000Z' }))).toEqual([]);
    expect(await ids(query({ place, startsAt: '2026-12-07T11:00:00.000Z' }))).toEqual([p]);
    expect(await ids(query({ place, ignoreMissionId: missionId }))).toEqual([p]);
  });

  it('a pending request holds nothing; an accepted change moves the slot; validation keeps it', async () => {
    const place = isolatedPlace();
    const p = await provider({ at: place });
    const m = mission(`m-${randomUUID()}`);
    await given(m.requested());
    expect(await ids(query({ place }))).toEqual([p]);
    await given(m.confirmed(p), m.changeAccepted('2026-12-07T13:00:00.000Z', 60));
    expect(await ids(query({ place }))).toEqual([p]);
    expect(
      await ids(query({ place, startsAt: '2026-12-07T13:30:00.000Z', durationMinutes: 30 })),
    ).toEqual([]);
    await given(m.validated());
    expect(
      await ids(query({ place, startsAt: '2026-12-07T13:30:00.000Z', durationMinutes: 30 })),
    ).toEqual([]);
  });

  it('a cancellation frees the slot, and so does a decided dispute (not a withdrawn one)', async () => {
    const place = isolatedPlace();
    const p = await provider({ at: place });
    const a = mission(`m-${randomUUID()}`);
    await given(a.requested(), a.confirmed(p));
    expect(await ids(query({ place }))).toEqual([]);
    await given(a.cancelled());
    expect(await ids(query({ place }))).toEqual([p]);
    const b = mission(`m-${randomUUID()}`);
    await given(b.requested(), b.confirmed(p), b.disputeClosed('withdrawn'));
    expect(await ids(query({ place }))).toEqual([]);
    await given(b.disputeClosed('decided'));
    expect(await ids(query({ place }))).toEqual([p]);
  });
});

describe('the dispatch index: ranking', () => {
  it('ranks by distance in whole kilometres, then price, and honours the limit', async () => {
    const place = isolatedPlace();
    const near = (km: number) => ({ lat: place.lat + km / 111.2, lng: place.lng });
    const farCheap = await provider({ at: near(3.5), hourlyRateCents: 1_000 });
    const closeDear = await provider({ at: near(0.2), hourlyRateCents: 4_000 });
    const closeCheap = await provider({ at: near(0.6), hourlyRateCents: 2_000 });
    const all = await candidates.available(query({ place }));
    expect(all.map((c) => [c.providerId, c.rank])).toEqual([
      [closeCheap, 1],
      [closeDear, 2],
      [farCheap, 3],
    ]);
    expect(await ids(query({ place, limit: 2 }))).toEqual([closeCheap, closeDear]);
  });

  it('a rank boost takes at most 5 km off the distance', async () => {
    const place = isolatedPlace();
    const near = (km: number) => ({ lat: place.lat + km / 111.2, lng: place.lng });
    const first = await provider({ at: near(1.2) });
    const boostedNear = await provider({ at: near(4.5) });
    const boostedFar = await provider({ at: near(9.5), radiusKm: 20 });
    expect(await ids(query({ place }))).toEqual([first, boostedNear, boostedFar]);
    await db.pool.query(
      `UPDATE rm_dispatch_offers SET rank_boost = 100 WHERE provider_id = ANY($1::text[])`,
      [[boostedNear, boostedFar]],
    );
    // 4 km less 5 km counts as -1 km, ahead of 1 km; 9 km less 5 km = 4 km, still behind it.
    expect(await ids(query({ place }))).toEqual([boostedNear, first, boostedFar]);
  });
});

describe('the dispatch index: direct requests and labels', () => {
  it('answers the chosen provider’s offer whatever the zone and hours, and null without an offer of the type', async () => {
    const p = await provider({ at: isolatedPlace(), hourlyRateCents: 3_000, slots: [] });
    expect(await candidates.direct(p, query({ durationMinutes: 45 }))).toEqual({
      providerId: p,
      rank: 1,
      pricing: { kind: 'hourly', hourlyRateCents: 3_000 },
      priceCents: 2_250,
    });
    expect(await candidates.direct(p, query({ serviceTypeId: GARDEN }))).toBeNull();
    expect(await candidates.direct('nobody', query())).toBeNull();
  });

  it('finds nobody for a malformed slot rather than failing', async () => {
    await provider();
    expect(await candidates.available(query({ durationMinutes: 90.5 }))).toEqual([]);
    expect(await candidates.available(query({ startsAt: 'tomorrow' }))).toEqual([]);
    expect(await candidates.available(query({ limit: 0 }))).toEqual([]);
  });

  it('sends nothing for a retired type, directly or not', async () => {
    const place = isolatedPlace();
    const id = 'st-windows';
    const stream = `service-type-${id}`;
    await given(
      recorded(stream, 'ServiceTypeCreated', {
        serviceTypeId: id,
        label: 'Lavage de vitres',
        description: '',
        category: 'home',
        createdBy: 'staff',
        createdAt: NOW,
      }),
    );
    const p = await provider({ at: place, serviceTypeId: id });
    const q = query({ place, serviceTypeId: id });
    expect(await ids(q)).toEqual([p]);
    await given(
      recorded(stream, 'ServiceTypeRetired', {
        serviceTypeId: id,
        retiredBy: 'staff',
        retiredAt: NOW,
      }),
    );
    expect(await ids(q)).toEqual([]);
    expect(await candidates.direct(p, q)).toBeNull();
  });

  it('gives a service type’s current label, and null once it is retired or when unknown', async () => {
    const stream = 'service-type-st-ironing';
    await given(
      recorded(stream, 'ServiceTypeCreated', {
        serviceTypeId: 'st-ironing',
        label: 'Repassage',
        description: '',
        category: 'home',
        createdBy: 'staff',
        createdAt: NOW,
      }),
      recorded(stream, 'ServiceTypeUpdated', {
        serviceTypeId: 'st-ironing',
        label: 'Repassage à domicile',
        description: '',
        category: 'home',
        updatedBy: 'staff',
        updatedAt: NOW,
      }),
    );
    expect(await candidates.serviceTypeLabel('st-ironing')).toBe('Repassage à domicile');
    expect(await candidates.serviceTypeLabel(CLEANING)).toBe('Ménage');
    await given(
      recorded(stream, 'ServiceTypeRetired', {
        serviceTypeId: 'st-ironing',
        retiredBy: 'staff',
        retiredAt: NOW,
      }),
    );
    expect(await candidates.serviceTypeLabel('st-ironing')).toBeNull();
    expect(await candidates.serviceTypeLabel('st-unknown')).toBeNull();
  });
});

describe('the dispatch index: the earth point', () => {
  it('is the point earthdistance’s ll_to_earth gives', async () => {
    const { rows } = await db.pool.query(
      `SELECT cube_distance($1::cube, ll_to_earth(48.8674, 2.3636)) AS m,
              cube_distance($2::cube, ll_to_earth(-20.88, 55.45)) AS n`,
      [earthCube(48.8674, 2.3636), earthCube(-20.88, 55.45)],
    );
    expect(rows[0].m).toBeLessThan(0.001);
    expect(rows[0].n).toBeLessThan(0.001);
  });

  it('the zone box is the one earth_box gives around it', async () => {
    const { rows } = await db.pool.query(
      `SELECT max(greatest(abs(cube_ll_coord(a, n) - cube_ll_coord(b, n)),
                           abs(cube_ur_coord(a, n) - cube_ur_coord(b, n)))) AS off
         FROM (SELECT $1::cube AS a, earth_box(ll_to_earth(45.76, 4.85), 12500)::cube AS b) x,
              generate_series(1, 3) n`,
      [zoneBox(45.76, 4.85, 12.5)],
    );
    expect(rows[0].off).toBeLessThan(0.001);
  });
});

describe('the dispatch index: redelivery', () => {
  it('an event delivered twice changes nothing', async () => {
    const place = isolatedPlace();
    const p = `p-${randomUUID()}`;
    const events = [...verified(p), ...offer(p, { at: place })];
    await given(...events);
    const m = mission(`m-${randomUUID()}`, {
      startsAt: '2026-12-07T13:00:00.000Z',
      durationMinutes: 60,
    });
    const booking = [m.requested(), m.confirmed(p)];
    const cancel = m.cancelled();
    await given(...booking, cancel);
    const snapshot = async () =>
      (
        await db.pool.query(
          `SELECT o.*, b.* FROM rm_dispatch_offers o LEFT JOIN rm_dispatch_bookings b ON b.provider_id = o.provider_id
            WHERE o.provider_id = $1`,
          [p],
        )
      ).rows;
    const before = await snapshot();
    // Older events again (a redelivery): the rows keep what the newer ones made of them.
    await given(...events, ...booking);
    expect(await snapshot()).toEqual(before);
    expect(await ids(query({ place, startsAt: '2026-12-07T13:00:00.000Z' }))).toEqual([p]);
  });
});

describe('the dispatch index: a running Pro subscription ranks its provider ahead (docs/plans-pro.md)', () => {
  /** A subscription of the provider to a `pro` (or `credits`) plan, event by event. */
  function subscription(accountId: string, planKind: 'pro' | 'credits' = 'pro') {
    const subscriptionId = `sub-${randomUUID()}`;
    const stream = `subscription-${subscriptionId}`;
    const period = (n: number) => ({
      period: n,
      planVersion: 1,
      priceTtcCents: 2_990,
      periodStartsAt: NOW,
      periodEndsAt: '2027-01-01T09:00:00.000Z',
      credits: { consultation: 0, offer: 0, direct_contact: 0 },
      chargeRef: `ch-${n}`,
    });
    return {
      started: () =>
        recorded(stream, 'SubscriptionStarted', {
          ...period(1),
          subscriptionId,
          accountId,
          planId: 'plan-pro',
          planKind,
          planName: 'Pro',
          billingPeriod: 'month',
          paymentMethodRef: 'pm_card_visa',
          startedAt: NOW,
        }),
      renewed: () =>
        recorded(stream, 'SubscriptionRenewed', {
          ...period(2),
          subscriptionId,
          accountId,
          planId: 'plan-pro',
          renewedAt: NOW,
        }),
      suspended: () =>
        recorded(stream, 'SubscriptionSuspended', {
          subscriptionId,
          accountId,
          period: 2,
          reason: 'payment_incident',
          suspendedAt: NOW,
        }),
      reinstated: () =>
        recorded(stream, 'SubscriptionReinstated', {
          ...period(2),
          subscriptionId,
          accountId,
          planId: 'plan-pro',
          reinstatedAt: NOW,
        }),
      cancelled: () =>
        recorded(stream, 'SubscriptionCancelled', {
          subscriptionId,
          accountId,
          planKind,
          reason: 'owner_request',
          cancelledBy: accountId,
          endsAt: NOW,
          cancelledAt: NOW,
        }),
    };
  }

  /** Two providers at the same price around a place of their own: `other` a little nearer. */
  async function pair(proKm: number, otherKm: number) {
    const place = isolatedPlace();
    const near = (km: number) => ({ lat: place.lat + km / 111.2, lng: place.lng });
    const other = await provider({ at: near(otherKm), hourlyRateCents: 2_500 });
    const pro = await provider({ at: near(proKm), hourlyRateCents: 2_500 });
    return { place, pro, other, subscription: subscription(pro) };
  }

  it('between providers at the same distance band and price, the Pro comes first', async () => {
    const { place, pro, other, subscription: s } = await pair(0.4, 0.2);
    expect(await ids(query({ place }))).toEqual([other, pro]);
    await given(s.started());
    expect(await ids(query({ place }))).toEqual([pro, other]);
    await given(s.renewed());
    expect(await ids(query({ place }))).toEqual([pro, other]);
  });

  it('passes a provider up to about 2 km nearer, never one 6 km nearer: distance still decides', async () => {
    const close = await pair(2.5, 1.2);
    await given(close.subscription.started());
    expect(await ids(query({ place: close.place }))).toEqual([close.pro, close.other]);
    const far = await pair(6.5, 0.5);
    await given(far.subscription.started());
    expect(await ids(query({ place: far.place }))).toEqual([far.other, far.pro]);
  });

  it('the boost is gone at once on an (immediate) cancellation, for good', async () => {
    const { place, pro, other, subscription: s } = await pair(0.4, 0.2);
    await given(s.started());
    expect(await ids(query({ place }))).toEqual([pro, other]);
    await given(s.cancelled());
    expect(await ids(query({ place }))).toEqual([other, pro]);
  });

  it('a suspension (payment incident) takes the boost away; a reinstatement restores it', async () => {
    const { place, pro, other, subscription: s } = await pair(0.4, 0.2);
    await given(s.started(), s.suspended());
    expect(await ids(query({ place }))).toEqual([other, pro]);
    await given(s.reinstated());
    expect(await ids(query({ place }))).toEqual([pro, other]);
  });

  it('a credits plan subscription gives no boost', async () => {
    const { place, pro, other } = await pair(0.4, 0.2);
    await given(subscription(pro, 'credits').started());
    expect(await ids(query({ place }))).toEqual([other, pro]);
  });

  it('the boost follows MISSION_PRO_RANK_BOOST_KM, capped at 5 km; 0 turns it off', async () => {
    const close = await pair(2.5, 1.2);
    await given(close.subscription.started());
    const withBoost = (km: number) =>
      new ReadModelMissionCandidates(db.pool, new ManualClock(NOW), km)
        .available(query({ place: close.place }))
        .then((found) => found.map((c) => c.providerId));
    expect(await withBoost(0)).toEqual([close.other, close.pro]);
    const far = await pair(8.5, 0.5);
    await given(far.subscription.started());
    const farBoost = (km: number) =>
      new ReadModelMissionCandidates(db.pool, new ManualClock(NOW), km)
        .available(query({ place: far.place }))
        .then((found) => found.map((c) => c.providerId));
    // 8 km less 5 km is 3 km, still behind 0 km: a boost of 100 km counts as 5.
    expect(await farBoost(100)).toEqual([far.other, far.pro]);
  });

  it('a subscription event delivered twice changes nothing', async () => {
    const { place, pro, other, subscription: s } = await pair(0.4, 0.2);
    const started = s.started();
    const cancelled = s.cancelled();
    await given(started, cancelled);
    await given(started);
    expect(await ids(query({ place }))).toEqual([other, pro]);
  });
});
