import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '../../application/shared/event-store.port';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { applyEvents, inTransaction } from '../runner/batch';
import { schemaName } from '../runner/generations';
import { PlansProjection } from './plans.projection';
import { activePlans, planById } from './plans.queries';

const AT = '2026-12-01T09:00:00.000Z';
let db: TestDatabase;
const projection = new PlansProjection();
const schema = schemaName(projection, 1);
const revisions = new Map<string, bigint>();
let position = 0n;

function recorded(planId: string, type: string, data: object): RecordedEvent {
  const streamName = `plan-${planId}`;
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
    data: { planId, ...data },
    metadata: { occurredAt: AT },
    recordedAt: new Date(AT),
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

const NONE = { consultation: 0, offer: 0, direct_contact: 0 };
const defined = (planId: string, kind: string, priceTtcCents: number, extra: object = {}) =>
  recorded(planId, 'PlanDefined', {
    kind,
    name: planId,
    description: '',
    version: 1,
    terms: {
      priceTtcCents,
      period: kind === 'hour_pack' ? null : 'month',
      benefits: ['Avantage'],
      credits: kind === 'credits' ? { ...NONE, offer: 3 } : NONE,
      hourPack:
        kind === 'hour_pack' ? { serviceTypeId: 'st-1', minutes: 600, validityMonths: 12 } : null,
      ...extra,
    },
    definedBy: 'a',
    definedAt: AT,
  });

beforeAll(async () => {
  db = await createTestDatabase('mk_plans');
});

afterAll(async () => {
  await db.drop();
});

describe('the plans read model', () => {
  it('lists the active plans, Pro first, then credits, then hour packs, each by price', async () => {
    const first = [
      defined('pack-b', 'hour_pack', 30_000),
      defined('credits-b', 'credits', 7_900),
      defined('pro', 'pro', 1_990),
      defined('credits-a', 'credits', 2_900),
      defined('old', 'credits', 1_000),
    ];
    const repriced = recorded('credits-b', 'PlanRevised', {
      version: 2,
      name: 'credits-b',
      description: 'moins cher',
      terms: {
        priceTtcCents: 2_000,
        period: 'quarter',
        benefits: [],
        credits: { ...NONE, offer: 3 },
        hourPack: null,
      },
      revisedBy: 'a',
      revisedAt: '2026-12-02T00:00:00.000Z',
    });
    await given(
      ...first,
      repriced,
      recorded('old', 'PlanRetired', { retiredBy: 'a', retiredAt: AT }),
    );
    const items = await activePlans(db.pool);
    expect(items.map((i) => [i.kind, i.planId, i.priceTtcCents])).toEqual([
      ['pro', 'pro', 1_990],
      ['credits', 'credits-b', 2_000],
      ['credits', 'credits-a', 2_900],
      ['hour_pack', 'pack-b', 30_000],
    ]);
    expect((await activePlans(db.pool, 'hour_pack')).map((i) => i.hourPack)).toEqual([
      { serviceTypeId: 'st-1', minutes: 600, validityMonths: 12 },
    ]);
    expect(await planById(db.pool, 'credits-b')).toMatchObject({
      version: 2,
      period: 'quarter',
      versions: [
        { version: 1, priceTtcCents: 7_900, period: 'month', effectiveFrom: AT },
        {
          version: 2,
          priceTtcCents: 2_000,
          period: 'quarter',
          effectiveFrom: '2026-12-02T00:00:00.000Z',
        },
      ],
    });
    expect(await planById(db.pool, 'old')).toMatchObject({ status: 'retired', retiredAt: AT });
    expect(await planById(db.pool, 'nothing')).toBeNull();

    // Delivered twice: nothing changes (rows keep the stream revision they applied).
    await given(repriced, first[0]);
    expect(await activePlans(db.pool)).toEqual(items);
  });
});
