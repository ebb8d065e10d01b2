import { randomUUID } from 'node:crypto';
import { EventStore, RecordedEvent } from '../../application/shared/event-store.port';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { applyEvents, inTransaction } from '../runner/batch';
import { schemaName } from '../runner/generations';
import { TenderDigestProjection } from './tender-digest.projection';
import { hiddenProjects, ReadModelTenderDigestReader } from './tender-digest.queries';

const FROM = '2026-03-01T06:00:00.000Z';
const AT = '2026-03-01T12:00:00.000Z';
const TO = '2026-03-02T06:00:00.000Z';

let db: TestDatabase;
const projection = new TenderDigestProjection();
const schema = schemaName(projection, 1);
const revisions = new Map<string, bigint>();
let position = 0n;

function recorded(streamName: string, type: string, data: object): RecordedEvent {
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

const project = (projectId: string, type: string, data: object = {}) =>
  recorded(`project-${projectId}`, type, { projectId, ...data });
const posted = (projectId: string, over: object = {}) =>
  project(projectId, 'ProjectPosted', {
    clientId: 'client-1',
    title: `Projet ${projectId}`,
    description: 'Un site sous WordPress',
    category: 'web-development',
    budgetMinCents: 50_000,
    budgetMaxCents: 150_000,
    wishedDeadline: '2026-06-30',
    attachmentFileIds: [],
    postedAt: AT,
    ...over,
  });
const prefs = (providerId: string, type: string, data: object) =>
  recorded(`tender_prefs-${providerId}`, type, { providerId, ...data });
const preferencesSet = (providerId: string, over: object = {}) =>
  prefs(providerId, 'TenderPreferencesSet', {
    categories: [],
    words: [],
    minBudgetCents: null,
    digest: true,
    setAt: AT,
    ...over,
  });

let reader: ReadModelTenderDigestReader;
const matches = async () =>
  Object.fromEntries(
    (
      await reader.recipients({ from: FROM, to: TO }, { after: null, limit: 100, maxProjects: 50 })
    ).map((r) => [r.providerId, r.projects.map((p) => p.projectId)]),
  );

beforeAll(async () => {
  db = await createTestDatabase('mk_tender_digest');
  reader = new ReadModelTenderDigestReader(db.pool, {} as EventStore);
});
afterAll(async () => db.drop());

describe('the tender_digest read model', () => {
  it('matches each provider’s categories, minimum budget and words, open projects of the window only', async () => {
    await given(
      posted('a'),
      posted('b', { category: 'design', budgetMaxCents: 400_000, description: 'Une identité' }),
      posted('c', { postedAt: FROM }),
      posted('d'),
      project('d', 'ProjectProviderSelected', { providerId: 'w' }),
      posted('e'),
      project('e', 'ProjectProviderSelected', { providerId: 'w' }),
      project('e', 'ProjectTermsDeclined', { providerId: 'w' }),
      posted('f'),
      project('f', 'ProjectWithdrawn', {}),
      preferencesSet('any'),
      preferencesSet('web', { categories: ['web-development'] }),
      preferencesSet('rich', { minBudgetCents: 200_000 }),
      preferencesSet('words', { words: ['wordpress', 'logo'] }),
      preferencesSet('off', { digest: false }),
      preferencesSet('nothing', { categories: ['building'] }),
    );
    expect(await matches()).toEqual({
      any: ['a', 'b', 'e'],
      web: ['a', 'e'],
      rich: ['b'],
      words: ['a', 'e'],
    });
  });

  it('leaves hidden projects out and lists them for their provider; shown again, they come back', async () => {
    await given(
      prefs('any', 'ProjectHiddenByProvider', { projectId: 'a', hiddenAt: AT }),
      prefs('any', 'ProjectHiddenByProvider', { projectId: 'b', hiddenAt: AT }),
      prefs('any', 'ProjectShownAgainByProvider', { projectId: 'b', shownAt: AT }),
      prefs('web', 'TenderDigestUnsubscribed', { via: 'link', unsubscribedAt: AT }),
    );
    expect(await matches()).toMatchObject({ any: ['b', 'e'] });
    expect((await matches()).web).toBeUndefined();
    expect(await hiddenProjects(db.pool, 'any', { limit: 10, offset: 0 })).toEqual({
      total: 1,
      items: [
        {
          projectId: 'a',
          title: 'Projet a',
          category: 'web-development',
          categoryLabel: 'Développement web',
          open: true,
          hiddenAt: AT,
        },
      ],
    });
  });

  it('changes nothing when events are delivered twice', async () => {
    const before = await matches();
    const stream = 'tender_prefs-any';
    const shown = revisions.get(stream)!;
    // Replays of already-applied revisions: an older hide and an older selection.
    await given({
      ...recorded('x', 'ProjectHiddenByProvider', {
        providerId: 'any',
        projectId: 'b',
        hiddenAt: AT,
      }),
      streamName: stream,
      revision: shown - 1n,
    });
    await given({
      ...recorded('x', 'ProjectProviderSelected', { projectId: 'e', providerId: 'w' }),
      streamName: 'project-e',
      revision: 1n,
    });
    expect(await matches()).toEqual(before);
  });

  it('pages providers by id', async () => {
    const first = await reader.recipients(
      { from: FROM, to: TO },
      { after: null, limit: 2, maxProjects: 50 },
    );
    const rest = await reader.recipients(
      { from: FROM, to: TO },
      { after: first[first.length - 1].providerId, limit: 100, maxProjects: 50 },
    );
    expect([...first, ...rest].map((r) => r.providerId)).toEqual(['any', 'rich', 'words']);
  });

  it('sends over the first projects of each provider only and counts them all', async () => {
    const [any] = await reader.recipients(
      { from: FROM, to: TO },
      { after: null, limit: 1, maxProjects: 1 },
    );
    expect(any).toMatchObject({ providerId: 'any', total: 2 });
    expect(any.projects.map((p) => p.projectId)).toEqual(['b']);
  });
});
