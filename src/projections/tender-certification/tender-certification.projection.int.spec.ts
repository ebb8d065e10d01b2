import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '../../application/shared/event-store.port';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import * as f from '../../domain/tenders/certification.fixtures.spec';
import type { DomainEvent } from '../../domain/shared';
import { applyEvents, inTransaction } from '../runner/batch';
import { schemaName } from '../runner/generations';
import { TenderCertificationProjection } from './tender-certification.projection';
import {
  profileCertification,
  providerProjectReviews,
  referenceByTokenHash,
  staffReferences,
} from './tender-certification.queries';

const projection = new TenderCertificationProjection();
let db: TestDatabase;
let position = 0n;

/** The certification fixtures as stored events of one stream, in order from revision 0. */
const recorded = (stream: string, events: DomainEvent[], from = 0n): RecordedEvent[] =>
  events.map((e, i) => {
    position += 1n;
    return {
      id: randomUUID(),
      streamName: stream,
      revision: from + BigInt(i),
      position: { commit: position, prepare: position },
      type: e.type,
      schemaVersion: 1,
      data: e.data,
      metadata: { occurredAt: f.LATER },
      recordedAt: new Date(f.LATER),
    };
  });

async function given(events: RecordedEvent[]): Promise<void> {
  const client = await db.pool.connect();
  try {
    await inTransaction(client, () =>
      applyEvents(client, projection, schemaName(projection, 1), events),
    );
  } finally {
    client.release();
  }
}

beforeAll(async () => {
  db = await createTestDatabase('mk_tender_cert');
});
afterAll(async () => db?.drop());

describe('tender_certification read model', () => {
  const stream = `certification-${f.PROVIDER_ID}`;
  const history = recorded(stream, [
    ...f.threeConfirmed(),
    f.approved('ref-1'),
    f.approved('ref-2'),
    f.approved('ref-3'),
    f.certifiedByReferences(),
  ]);

  it('finds a reference by its link, lists the SCP’s queue and shows the badge', async () => {
    await given(history.slice(0, 6));
    expect(await referenceByTokenHash(db.pool, 'hash-ref-2')).toEqual({
      referenceId: 'ref-2',
      providerId: f.PROVIDER_ID,
    });
    const queue = await staffReferences(db.pool, { limit: 10, offset: 0 });
    expect(queue.total).toBe(3);
    expect(queue.items[0]).toMatchObject({ status: 'confirmed', email: 'ref-1@client.fr' });
    await given(history.slice(6));
    expect((await staffReferences(db.pool, { limit: 10, offset: 0 })).total).toBe(0);
    expect((await profileCertification(db.pool, f.PROVIDER_ID)).certified).toBe(true);
    expect((await profileCertification(db.pool, 'someone')).certified).toBe(false);
  });

  it('changes nothing when the events are delivered twice', async () => {
    const before = await db.pool.query(
      'SELECT * FROM rm_tender_certification_references ORDER BY reference_id',
    );
    await given(history);
    const after = await db.pool.query(
      'SELECT * FROM rm_tender_certification_references ORDER BY reference_id',
    );
    expect(after.rows).toEqual(before.rows);
    expect((await profileCertification(db.pool, f.PROVIDER_ID)).certified).toBe(true);
  });

  it('takes the badge away on a withdrawal', async () => {
    await given(recorded(stream, [f.withdrawn], BigInt(history.length)));
    expect(await profileCertification(db.pool, f.PROVIDER_ID)).toMatchObject({
      known: true,
      certified: false,
      certifiedLabel: null,
    });
  });

  it('averages the clients’ project reviews only, each kept once', async () => {
    const review = (projectId: string, author: 'client' | 'provider', rating: number) => ({
      type: 'ProjectReviewGiven',
      data: {
        projectId,
        author,
        authorId: author === 'client' ? 'client-1' : 'prov-9',
        subjectId: author === 'client' ? 'prov-9' : 'client-1',
        rating,
        comment: null,
        reviewedAt: f.LATER,
      },
    });
    const events = [
      ...recorded('project_review-p1', [review('p1', 'client', 5), review('p1', 'provider', 1)]),
      ...recorded('project_review-p2', [review('p2', 'client', 4)]),
    ];
    await given(events);
    await given(events);
    expect(await providerProjectReviews(db.pool, 'prov-9', { limit: 10, offset: 0 })).toMatchObject(
      { count: 2, average: 4.5 },
    );
  });
});
