import { randomUUID } from 'node:crypto';
import { party, Party, publishedGig } from '../orders/marketplace-fixtures';
import { startTestApp, TestApp } from '../../support/test-app';
import { projectUpTo } from './certification-fixtures';

describe('tenders: reviews both ways on a finished project', () => {
  let t: TestApp;
  let client: Party;
  let provider: Party;
  let projectId: string;

  beforeAll(async () => {
    t = await startTestApp();
    client = await party(t, 'client');
    provider = await party(t, 'provider');
    await publishedGig(t, provider);
    projectId = await projectUpTo(t, client.id, provider.id);
  });
  afterAll(async () => t?.close());

  const review = (who: Party, id: string, body: object) =>
    t.request('POST', `/projects/${id}/reviews`, {
      token: who.token,
      body,
      idempotencyKey: randomUUID(),
    });

  it('refuses a review before the project is finished (409) and from outsiders (404)', async () => {
    const signed = await projectUpTo(t, client.id, provider.id, 'signed');
    const early = await review(client, signed, { rating: 5 });
    expect({ status: early.status, code: early.body.code }).toEqual({
      status: 409,
      code: 'PROJECT_NOT_FINISHED',
    });
    const stranger = await party(t, 'client');
    const outsider = await review(stranger, projectId, { rating: 1 });
    expect({ status: outsider.status, code: outsider.body.code }).toEqual({
      status: 404,
      code: 'PROJECT_NOT_FOUND',
    });
    const unknown = await review(client, randomUUID(), { rating: 5 });
    expect(unknown.status).toBe(404);
    const read = await t.request('GET', `/projects/${projectId}/reviews`, {
      token: stranger.token,
    });
    expect(read.status).toBe(404);
  });

  it('refuses a rating outside 1 to 5 stars and a comment over 2000 characters', async () => {
    const six = await review(client, projectId, { rating: 6 });
    expect({ status: six.status, code: six.body.code }).toEqual({
      status: 400,
      code: 'PROJECT_REVIEW_INVALID_RATING',
    });
    const long = await review(client, projectId, { rating: 4, comment: 'x'.repeat(2001) });
    expect(long.body.code).toBe('PROJECT_REVIEW_COMMENT_TOO_LONG');
  });

  it('takes the client’s review of the provider once, never edited', async () => {
    const given = await review(client, projectId, { rating: 4, comment: 'Travail soigné' });
    expect(given.status).toBe(201);
    expect(given.body).toMatchObject({
      projectId,
      status: 'open',
      reviews: [
        {
          author: 'client',
          authorId: client.id,
          subjectId: provider.id,
          rating: 4,
          comment: 'Travail soigné',
        },
      ],
    });
    const again = await review(client, projectId, { rating: 1 });
    expect({ status: again.status, code: again.body.code }).toEqual({
      status: 409,
      code: 'PROJECT_ALREADY_REVIEWED',
    });
  });

  it('takes the provider’s review of the client; both show on the project', async () => {
    const given = await review(provider, projectId, { rating: 5, comment: 'Client réactif' });
    expect(given.status).toBe(201);
    const read = await t.request('GET', `/projects/${projectId}/reviews`, { token: client.token });
    expect(read.status).toBe(200);
    expect(read.body.status).toBe('complete');
    expect(
      read.body.reviews.map((r: { author: string; rating: number }) => [r.author, r.rating]),
    ).toEqual([
      ['client', 4],
      ['provider', 5],
    ]);
  });

  it('lists the provider’s client reviews with their average, also on the public profile', async () => {
    const second = await projectUpTo(t, client.id, provider.id);
    expect((await review(client, second, { rating: 5 })).status).toBe(201);
    await t.settle();
    const list = await t.request('GET', `/providers/${provider.id}/project-reviews`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ providerId: provider.id, count: 2, average: 4.5 });
    expect(list.body.items.map((i: { projectId: string }) => i.projectId).sort()).toEqual(
      [projectId, second].sort(),
    );
    const profile = await t.request('GET', `/profiles/${provider.id}`);
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({
      projectReviews: { count: 2, average: 4.5 },
      certified: false,
      certifiedLabel: null,
    });
    // The provider's review of the client is not the provider's reputation.
    const clientSide = await t.request('GET', `/providers/${client.id}/project-reviews`);
    expect(clientSide.body).toMatchObject({ count: 0, average: null, items: [] });
  });
});
