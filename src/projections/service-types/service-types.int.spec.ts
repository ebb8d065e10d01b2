import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '../../application/shared/event-store.port';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { applyEvents, inTransaction } from '../runner/batch';
import { schemaName } from '../runner/generations';
import { ServiceTypesProjection } from './service-types.projection';
import { activeServiceTypes, serviceTypeById, serviceTypeWithSlug } from './service-types.queries';

const AT = '2026-12-01T09:00:00.000Z';
let db: TestDatabase;
const projection = new ServiceTypesProjection();
const schema = schemaName(projection, 1);
const revisions = new Map<string, bigint>();
let position = 0n;

function recorded(serviceTypeId: string, type: string, data: object): RecordedEvent {
  const streamName = `service-type-${serviceTypeId}`;
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
    data: { serviceTypeId, ...data },
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

const created = (id: string, label: string, category = 'home') =>
  recorded(id, 'ServiceTypeCreated', {
    label,
    description: '',
    category,
    createdBy: 'a',
    createdAt: AT,
  });

beforeAll(async () => {
  db = await createTestDatabase('mk_service_types');
});

afterAll(async () => {
  await db.drop();
});

describe('the service-types read model', () => {
  it('lists the active types by category then label, with the current label of a renamed one', async () => {
    const first = [
      created('st-1', 'Repassage'),
      created('st-2', 'Jardinage', 'garden'),
      created('st-3', 'Ménage'),
      created('st-4', 'Plomberie', 'repairs'),
    ];
    const renamed = recorded('st-2', 'ServiceTypeUpdated', {
      label: 'Jardinage et potager',
      description: 'Haies.',
      category: 'garden',
      updatedBy: 'a',
      updatedAt: AT,
    });
    await given(
      ...first,
      renamed,
      recorded('st-4', 'ServiceTypeRetired', { retiredBy: 'a', retiredAt: AT }),
    );
    const { items } = await activeServiceTypes(db.pool);
    expect(items.map((i) => [i.category, i.label])).toEqual([
      ['garden', 'Jardinage et potager'],
      ['home', 'Ménage'],
      ['home', 'Repassage'],
    ]);
    expect((await activeServiceTypes(db.pool, 'garden')).items).toHaveLength(1);
    expect(await serviceTypeById(db.pool, 'st-4')).toMatchObject({
      status: 'retired',
      retiredAt: AT,
    });
    expect(await serviceTypeWithSlug(db.pool, 'jardinage-et-potager', 'st-9')).toBe('st-2');
    expect(await serviceTypeWithSlug(db.pool, 'jardinage-et-potager', 'st-2')).toBeNull();
    expect(await serviceTypeWithSlug(db.pool, 'jardinage', 'st-9')).toBeNull();

    // Delivered twice: nothing changes (rows keep the stream revision they applied).
    await given(renamed, {
      ...first[0],
      data: { ...(first[0].data as object), label: 'Autre chose' },
    });
    expect((await activeServiceTypes(db.pool)).items).toEqual(items);
  });
});
