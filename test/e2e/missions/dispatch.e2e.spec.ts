import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { GEOCODER, Geocoder } from '../../../src/application/missions/geocoder.port';
import {
  CandidateQuery,
  MISSION_CANDIDATES,
  MissionCandidates,
} from '../../../src/application/missions/mission-candidates.port';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { PG_POOL } from '../../../src/infrastructure/database/database.tokens';
import { contextProjections } from '../../../src/projections/all-projections';
import { rebuildProjections } from '../../../src/projections/runner/rebuild';
import { startTestApp, TestApp } from '../../support/test-app';

const AT = '2026-12-01T09:00:00.000Z';
const REQUIRED = ['kbis_or_cfe', 'rib', 'urssaf_vigilance', 'tax_compliance', 'rc_pro'];
/** Monday 14 December 2026, 10:00 in Paris. */
const MONDAY_10H = '2026-12-14T09:00:00.000Z';

describe('missions dispatch through the application', () => {
  let t: TestApp;
  let store: EventStore;
  let candidates: MissionCandidates;
  let geocoder: Geocoder;

  const append = (stream: string, ...events: { type: string; data: object }[]) =>
    store.appendToStream(
      stream,
      events.map((e) => ({ id: randomUUID(), ...e, metadata: { occurredAt: AT } })),
    );

  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get(EVENT_STORE);
    candidates = t.app.get(MISSION_CANDIDATES);
    geocoder = t.app.get(GEOCODER);
  });
  afterAll(async () => t?.close());

  async function verifiedProvider(postalCode: string, hourlyRateCents: number): Promise<string> {
    const providerId = randomUUID();
    for (const kind of REQUIRED) {
      const documentId = randomUUID();
      await append(
        `verification-${providerId}`,
        {
          type: 'DocumentSubmitted',
          data: {
            providerId,
            documentId,
            kind,
            uploadRef: `upload-${documentId}`,
            submittedAt: AT,
          },
        },
        {
          type: 'DocumentApproved',
          data: {
            providerId,
            documentId,
            kind,
            reviewedBy: 'staff',
            approvedAt: AT,
            expiresAt: null,
          },
        },
      );
    }
    const base = await geocoder.locate(postalCode);
    await append(
      `provider-offer-${providerId}`,
      {
        type: 'ProviderServiceOffered',
        data: {
          providerId,
          serviceTypeId: 'cleaning',
          pricing: { kind: 'hourly', hourlyRateCents },
          offeredAt: AT,
        },
      },
      { type: 'ProviderZoneSet', data: { providerId, zone: { ...base, radiusKm: 8 }, setAt: AT } },
      {
        type: 'ProviderWeeklyHoursSet',
        data: { providerId, slots: [{ weekday: 1, from: '08:00', to: '19:00' }], setAt: AT },
      },
    );
    return providerId;
  }

  it('sends a request to the providers around its postal code, ranked, and not to one booked at that time; a rebuild answers the same', async () => {
    await append('service-type-cleaning', {
      type: 'ServiceTypeCreated',
      data: {
        serviceTypeId: 'cleaning',
        label: 'Ménage',
        description: 'Ménage et repassage',
        category: 'home',
        createdBy: 'staff',
        createdAt: AT,
      },
    });
    const nation = await verifiedProvider('75011', 2_600);
    const bastille = await verifiedProvider('75012', 2_400);
    const lyon = await verifiedProvider('69003', 2_000);
    await t.settle();

    const place = await geocoder.locate('75011', 'Paris');
    expect(place).toMatchObject({ city: 'Paris' });
    const query: CandidateQuery = {
      serviceTypeId: 'cleaning',
      place: place!,
      startsAt: MONDAY_10H,
      durationMinutes: 120,
      limit: 10,
    };
    const found = await candidates.available(query);
    expect(found.map((c) => c.providerId)).toEqual([nation, bastille]);
    expect(found[0]).toEqual({
      providerId: nation,
      rank: 1,
      pricing: { kind: 'hourly', hourlyRateCents: 2_600 },
      priceCents: 5_200,
    });
    expect(await candidates.direct(lyon, query)).toMatchObject({
      providerId: lyon,
      priceCents: 4_000,
    });
    expect(await candidates.serviceTypeLabel('cleaning')).toBe('Ménage');

    const missionId = randomUUID();
    const clientId = randomUUID();
    const pricing = { kind: 'hourly', hourlyRateCents: 2_600 } as const;
    await append(
      `mission-${missionId}`,
      {
        type: 'MissionRequested',
        data: {
          missionId,
          escrowId: randomUUID(),
          clientId,
          serviceTypeId: 'cleaning',
          serviceTypeLabel: 'Ménage',
          place: { address: '1 rue Oberkampf', ...place! },
          targeting: 'direct',
          candidates: [{ providerId: nation, rank: 1, pricing, priceCents: 2_600 }],
          reservedCents: 2_600,
          commissionRateBp: 1_500,
          paymentPlan: 'authorise_later',
          authoriseAt: '2026-12-08T10:00:00.000Z',
          paymentMethodRef: 'pm_card_visa',
          respondBy: '2026-12-02T09:00:00.000Z',
          autoValidateAt: '2026-12-16T11:00:00.000Z',
          startsAt: '2026-12-14T10:00:00.000Z',
          durationMinutes: 60,
          details: '',
          requestedAt: AT,
        },
      },
      {
        type: 'MissionConfirmed',
        data: {
          missionId,
          clientId,
          providerId: nation,
          priceCents: 2_600,
          commissionCents: 390,
          providerNetCents: 2_210,
          releasedReservationCents: 0,
          confirmedAt: AT,
        },
      },
    );
    await t.settle();
    const afterBooking = (await candidates.available(query)).map((c) => c.providerId);
    expect(afterBooking).toEqual([bastille]);
    expect((await candidates.available({ ...query, ignoreMissionId: missionId })).length).toBe(2);

    const pool = t.app.get<Pool>(PG_POOL);
    const [result] = await rebuildProjections(
      store,
      pool,
      contextProjections('missions').filter((p) => p.name === 'mission_dispatch'),
    );
    expect(result.generation).toBe(2);
    expect((await candidates.available(query)).map((c) => c.providerId)).toEqual(afterBooking);
  });
});
