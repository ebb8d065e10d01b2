import { buildOpenApi } from '../../../src/bootstrap';
import { startTestApp, TestApp, TestResponse } from '../../support/test-app';

function expectProblem(res: TestResponse, status: number, code: string) {
  expect({
    status: res.status,
    type: String(res.headers['content-type']).split(';')[0],
    code: res.body?.code,
  }).toEqual({
    status,
    type: 'application/problem+json',
    code,
  });
}

const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('platform: bad input answers 4xx problem+json, never a 500', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const events = async () =>
    Number((await t.db.pool.query('SELECT count(*) AS n FROM es_events')).rows[0].n);
  const json = { 'content-type': 'application/json' };

  it('refuses a deeply nested JSON body at the parser with 400 JSON_TOO_DEEP, on any route', async () => {
    const client = await t.tokenFor({ roles: ['client'] });
    const before = await events();
    expectProblem(
      await t.request('POST', '/auth/register', { headers: json, body: deepObject(3_000) }),
      400,
      'JSON_TOO_DEEP',
    );
    expectProblem(
      await t.request('POST', '/auth/register', { headers: json, body: deepArray(10_000) }),
      400,
      'JSON_TOO_DEEP',
    );
    expectProblem(
      await t.request('POST', '/orders', {
        token: client,
        idempotencyKey: 'deep-1',
        headers: json,
        body: deepObject(3_000),
      }),
      400,
      'JSON_TOO_DEEP',
    );
    expectProblem(
      await t.request('POST', '/custom-requests', {
        token: client,
        headers: json,
        body: `{"title":${deepArray(65)}}`,
      }),
      400,
      'JSON_TOO_DEEP',
    );
    expect(await events()).toBe(before);
  });

  it('parses a body nested up to 64 levels, with brackets inside strings not counted', async () => {
    const within = await t.request('POST', '/auth/login', {
      headers: json,
      body: `{"email":${'['.repeat(63)}"[[[{{{"${']'.repeat(63)}}`,
    });
    expectProblem(within, 400, 'VALIDATION_FAILED');
  });

  it('answers a malformed id in a path with 400 INVALID_ID naming the parameter', async () => {
    const client = await t.tokenFor({ roles: ['client'] });
    const provider = await t.tokenFor({ roles: ['provider'] });
    const before = await events();
    const orders = await t.request('GET', '/orders/%00', { token: client });
    expectProblem(orders, 400, 'INVALID_ID');
    expect(orders.body.parameter).toBe('orderId');
    const publish = await t.request('POST', '/gigs/%00/publish', {
      token: provider,
      idempotencyKey: 'pub-1',
    });
    expectProblem(publish, 400, 'INVALID_ID');
    expect(publish.body.parameter).toBe('gigId');
    const profile = await t.request('GET', '/profiles/%00');
    expectProblem(profile, 400, 'INVALID_ID');
    expect(profile.body.parameter).toBe('provider');
    expectProblem(
      await t.request('GET', '/disputes/not-a-uuid', { token: client }),
      400,
      'INVALID_ID',
    );
    expectProblem(
      await t.request('GET', '/payouts/not-a-uuid', {
        token: await t.tokenFor({ roles: ['finance'] }),
      }),
      400,
      'INVALID_ID',
    );
    expectProblem(await t.request('GET', '/profiles/PR-ZZZZZ'), 404, 'PROFILE_NOT_FOUND');
    expect(await events()).toBe(before);
  });

  it('documents every id path parameter as a UUID (or, for plans and solidarity types, a bounded slug) in the OpenAPI document', () => {
    const doc = JSON.parse(JSON.stringify(buildOpenApi(t.app)));
    const ids = Object.values(doc.paths as Record<string, Record<string, any>>)
      .flatMap((ops) => Object.values(ops))
      .flatMap((op) =>
        (op.parameters ?? []).filter((p: any) => p.in === 'path' && /Id$/.test(p.name)),
      );
    expect(ids.length).toBeGreaterThan(40);
    // Plan and solidarity type ids read as words in URLs (`/plans/pro`): a slug, documented with its pattern and bound.
    const slug = (p: any) =>
      ['planId', 'solidarityTypeId'].includes(p.name) &&
      p.schema?.pattern === '^[a-z0-9]+(-[a-z0-9]+)*$' &&
      p.schema?.maxLength;
    expect(
      ids.filter((p: any) => p.schema?.format !== 'uuid' && !slug(p)).map((p: any) => p.name),
    ).toEqual([]);
  });

  it('refuses a custom request without a deadline with 400 VALIDATION_FAILED and appends nothing', async () => {
    const client = await t.tokenFor({ roles: ['client'] });
    const before = await events();
    const res = await t.request('POST', '/custom-requests', {
      token: client,
      idempotencyKey: 'no-deadline',
      body: {
        title: 'Audit',
        description: 'Grilles à revoir',
        category: 'ressources-humaines',
        proposedPriceCents: 80_000,
      },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('deadline');
    expectProblem(
      await t.request('POST', '/custom-requests', {
        token: client,
        body: {
          title: 'Audit',
          description: 'x',
          category: 'rh',
          proposedPriceCents: 80_000,
          deadline: 'tomorrow',
        },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(await events()).toBe(before);
  });

  it("answers Fastify's own refusals as problem+json with stable codes", async () => {
    const client = await t.tokenFor({ roles: ['client'] });
    expectProblem(
      await t.request('GET', `/orders/${'a'.repeat(200)}`, { token: client }),
      414,
      'URI_TOO_LONG',
    );
    expectProblem(
      await t.request('GET', '/orders/%E0%A4%A', { token: client }),
      400,
      'MALFORMED_URL',
    );
    expectProblem(await t.request('GET', '/no-such-route'), 404, 'ROUTE_NOT_FOUND');
    expectProblem(await t.request('DELETE', '/orders', { token: client }), 404, 'ROUTE_NOT_FOUND');
    expectProblem(
      await t.request('POST', '/auth/login', { headers: json, body: '{' }),
      400,
      'MALFORMED_JSON',
    );
    expectProblem(
      await t.request('POST', '/auth/login', { headers: json, body: 'x'.repeat(1_100_000) }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    expectProblem(
      await t.request('POST', '/auth/login', {
        headers: { 'content-type': 'text/csv' },
        body: 'a',
      }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectProblem(
      await t.request('POST', '/auth/login', { headers: { 'content-type': ';;;' }, body: 'a' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it("answers the queue dashboard's session errors as problem+json with stable codes", async () => {
    const admin = await t.tokenFor({ roles: ['admin'] });
    const session = (options: Parameters<TestApp['request']>[2]) =>
      t.request('POST', '/admin/queues/session', options);
    expectProblem(await session({}), 401, 'UNAUTHENTICATED');
    expectProblem(
      await session({ headers: { cookie: 'mk_queues_token=%E0%A4%A' } }),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(
      await session({ token: await t.tokenFor({ roles: ['client'] }) }),
      403,
      'ROLE_REQUIRED',
    );
    expectProblem(await session({ token: admin, headers: json, body: '{' }), 400, 'MALFORMED_JSON');
    expectProblem(
      await session({ token: admin, headers: json, body: deepObject(3_000) }),
      400,
      'JSON_TOO_DEEP',
    );
    expectProblem(
      await session({ token: admin, headers: { 'content-type': 'text/csv' }, body: 'a' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectProblem(
      await t.request('GET', `/admin/queues/api/queues/${'a'.repeat(200)}`, { token: admin }),
      414,
      'URI_TOO_LONG',
    );
    expect((await session({ token: admin })).status).toBe(204);
  });
});
