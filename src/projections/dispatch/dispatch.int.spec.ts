import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '../../application/shared/event-store.port';
import { CandidateQuery } from '../../application/missions/mission-candidates.port';
import { ManualClock } from '../../application/shared/clock';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { applyEvents, inTransaction } from '../runner/batch';
import { schemaName } from '../runner/generations';
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
  );
});

afterAll(async () => {
  await db.drop();
});

describe('the dispatch index', () => {
  it('lists a verified provider offering the type, covering the place and free, with the price of the duration', async () => {
    const p = `p-${randomUUID()}`;
    await given(...verified(p), ...offer(p, { hourlyRateCents: 2_333 }));
    const found = (await candidates.available(query())).find((c) => c.providerId === p);
    // 23.33 € × 1.5 h = 34.995 € → 35.00 € (half-even on the cent).
    expect(found).toEqual({
      providerId: p,
      rank: expect.any(Number),
      pricing: { kind: 'hourly', hourlyRateCents: 2_333 },
      priceCents: 3_500,
    });
  });
});
