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

describe('platform: reactors for finance and operations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('lists every reactor with its position and the dead letters, newest first', async () => {
    await t.db.pool.query(
      `INSERT INTO reactor_dead_letters
         (reactor, event_id, event_type, stream_name, position_commit, position_prepare, error_code, error_message, recorded_at)
       VALUES ('payouts.wallet-crediting', '0b9c3a52-7c1e-4f43-9a8e-2f5d1f0e6a11', 'EscrowReleased', 'escrow-1', '41', 7,
               'WALLET_CLOSED', 'The wallet is closed', '2026-11-20T10:00:00Z'),
              ('escrow.gateway', '1c9c3a52-7c1e-4f43-9a8e-2f5d1f0e6a12', 'EscrowRefunded', 'escrow-2', '52', 9,
               'REFUND_EXCEEDS_FUNDED', 'Nothing left to refund', '2026-11-21T10:00:00Z')`,
    );
    const res = await t.request('GET', '/admin/reactors', {
      token: await t.tokenFor({ roles: ['finance'] }),
    });

    expect(res.status).toBe(200);
    const names = res.body.reactors.map((r: { name: string }) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'orders.escrow-settlement',
        'escrow.gateway',
        'payouts.wallet-crediting',
      ]),
    );
    for (const reactor of res.body.reactors)
      expect(reactor).toMatchObject({
        lastError: null,
        failingSince: null,
        attempts: 0,
        deadLettered: 0,
      });
    expect(res.body.deadLetters.map((d: { eventType: string }) => d.eventType)).toEqual([
      'EscrowRefunded',
      'EscrowReleased',
    ]);
    expect(res.body.deadLetters[1]).toEqual({
      reactor: 'payouts.wallet-crediting',
      eventId: '0b9c3a52-7c1e-4f43-9a8e-2f5d1f0e6a11',
      eventType: 'EscrowReleased',
      streamName: 'escrow-1',
      position: { commit: '41', prepare: '7' },
      errorCode: 'WALLET_CLOSED',
      errorMessage: 'The wallet is closed',
      recordedAt: '2026-11-20T10:00:00.000Z',
    });
  });

  it('reports the reactors on /health: up while none has been stuck on a failure', async () => {
    const res = await t.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body.info.reactors.status).toBe('up');
    expect(res.body.info.reactors.reactors).toContainEqual(
      expect.objectContaining({ name: 'payouts.wallet-crediting', deadLettered: 0 }),
    );
  });
});
