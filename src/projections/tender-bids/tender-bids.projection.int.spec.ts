import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '../../application/shared/event-store.port';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { applyEvents, inTransaction } from '../runner/batch';
import { schemaName } from '../runner/generations';
import { TenderBidsProjection } from './tender-bids.projection';
import { ReadModelBidsReader } from './tender-bids.queries';

const NOW = '2026-12-01T09:00:00.000Z';
const LATER = '2026-12-02T09:00:00.000Z';
const PROJECT = 'p-1';

let db: TestDatabase;
let reader: ReadModelBidsReader;
const projection = new TenderBidsProjection();
const schema = schemaName(projection, 1);
const revisions = new Map<string, bigint>();
let position = 0n;

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

const terms = { amountCents: 250_000, delayDays: 21, message: 'Offre complète, recette comprise.' };
const offer = (providerId: string, type: string, data: object = {}, at = NOW) =>
  recorded(
    `project_offer-o-${providerId}`,
    type,
    {
      offerId: `o-${providerId}`,
      projectId: PROJECT,
      providerId,
      ...data,
    },
    at,
  );

beforeAll(async () => {
  db = await createTestDatabase('mk_tender_bids');
  reader = new ReadModelBidsReader(db.pool);
});
afterAll(async () => db.drop());

describe('the tender_bids read model', () => {
  it('lists offers with their read receipts, the report messages and a provider’s offers with the project status', async () => {
    const posted = recorded(`project-${PROJECT}`, 'ProjectPosted', {
      projectId: PROJECT,
      clientId: 'c-1',
      title: 'Site vitrine',
    });
    const made = offer('a', 'ProjectOfferMade', { ...terms, madeAt: NOW });
    await given(
      posted,
      made,
      offer('b', 'ProjectOfferMade', { ...terms, madeAt: LATER }, LATER),
      offer('a', 'ProjectOfferRead', { readBy: 'c-1', readAt: LATER }),
      offer('a', 'ProjectOfferEdited', { ...terms, amountCents: 200_000, editedAt: LATER }),
      recorded(`project_report-${PROJECT}`, 'ProjectMessagePosted', {
        messageId: 'm-1',
        projectId: PROJECT,
        authorId: 'a',
        authorRole: 'provider',
        kind: 'question',
        text: 'Une question ?',
        fileIds: ['f-1'],
        postedAt: NOW,
      }),
      recorded(`project-${PROJECT}`, 'ProjectProviderSelected', {
        projectId: PROJECT,
        clientId: 'c-1',
        providerId: 'b',
        offerId: 'o-b',
        selectedAt: LATER,
      }),
    );
    const offers = await reader.offersOf(PROJECT);
    expect(offers.map((o) => [o.providerId, o.amountCents, o.readByClient])).toEqual([
      ['a', 200_000, false],
      ['b', 250_000, false],
    ]);
    expect(offers[0].readAt).toBe(LATER);
    expect(await reader.messagesOf(PROJECT)).toEqual([
      expect.objectContaining({ messageId: 'm-1', kind: 'question', fileIds: ['f-1'] }),
    ]);
    const mine = await reader.offersOfProvider('b', { limit: 10, offset: 0 });
    expect(mine.total).toBe(1);
    expect(mine.items[0]).toMatchObject({ projectStatus: 'selected', selected: true });

    // Delivered twice: nothing changes (rows keep the revision they applied).
    await given(made, posted);
    expect((await reader.offersOf(PROJECT)).map((o) => o.amountCents)).toEqual([200_000, 250_000]);
  });
});
