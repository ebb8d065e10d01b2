import { startTestApp, TestApp } from '../support/test-app';

describe('platform: health, errors, idempotency, authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('reports Postgres, Redis and the event store on /health', async () => {
    const res = await t.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body.info).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' }, eventStore: { status: 'up' } });
  });

  it('answers an unknown route with problem+json and a stable code', async () => {
    const res = await t.request('GET', '/no-such-route');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND', instance: '/no-such-route' });
  });

  it('echoes a caller-supplied correlation id', async () => {
    const res = await t.request('GET', '/health', { headers: { 'x-correlation-id': 'abc-123' } });
    expect(res.headers['x-correlation-id']).toBe('abc-123');
  });
});

describe('platform: malformed requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('answers malformed JSON with 400 MALFORMED_JSON, never a 500', async () => {
    const res = await t.request('POST', '/auth/login', {
      headers: { 'content-type': 'application/json' },
      body: '{"email": "a@b.c", ',
    });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('MALFORMED_JSON');
  });

  it('answers an unsupported content type with 415 problem+json', async () => {
    const res = await t.request('POST', '/auth/login', { headers: { 'content-type': 'text/csv' }, body: 'a,b' });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses an Idempotency-Key that is too long', async () => {
    const token = await t.tokenFor({ roles: ['client'] });
    const res = await t.request('POST', '/me/closure', { token, idempotencyKey: 'k'.repeat(300) });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_IDEMPOTENCY_KEY');
  });
});
