import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { dropRedisPrefix } from '../../support/redis';
import { startTestApp, TestApp } from '../../support/test-app';
import { insertGigCreated } from './support/log-rows';

/** One request on a connection of its own: the status, or the socket error's code. */
function get(port: number, path: string, token: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        agent: false,
        headers: { authorization: `Bearer ${token}` },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a graceful stop while a projection waits out a failure', () => {
  let t: TestApp;
  afterAll(async () => {
    await t.db.drop();
    await dropRedisPrefix(t.config.REDIS_URL, t.config.REDIS_PREFIX);
  });

  it('stops taking requests first and finishes within a couple of seconds', async () => {
    t = await startTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const admin = await t.tokenFor({ roles: ['admin'] });
    expect(await get(port, '/admin/projections', admin)).toBe(200);

    // Every write to the catalog's gigs fails as a serialization failure: transient, so retried with backoff.
    const { rows } = await t.db.pool.query<{ schema_name: string }>(
      `SELECT schema_name FROM projection_checkpoints WHERE name = 'catalog'`,
    );
    const schema = rows[0].schema_name;
    await t.db.pool.query(`
      CREATE FUNCTION ${schema}.refuse_for_now() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'injected serialization failure' USING ERRCODE = '40001'; END $$;
      CREATE TRIGGER refuse_for_now BEFORE INSERT OR UPDATE ON ${schema}.gigs
        FOR EACH ROW EXECUTE FUNCTION ${schema}.refuse_for_now()`);
    await insertGigCreated(t, [{ gigId: randomUUID(), createdAt: '2024-11-20T10:00:00.000Z' }]);
    let state = '';
    for (let i = 0; i < 100 && state !== 'retrying'; i++) {
      await sleep(100);
      const res = await t.request('GET', '/admin/projections', { token: admin });
      state = res.body.projections.find((p: { name: string }) => p.name === 'catalog').state;
    }
    expect(state).toBe('retrying');
    // Backoff doubles from 100 ms: by now the runner is in a wait of about 3 s.
    await sleep(3_300);

    const started = Date.now();
    const closing = t.app.close();
    await sleep(50);
    const during = await get(port, '/admin/projections', admin);
    await closing;
    const tookMs = Date.now() - started;

    // Refused outright, or answered 503: never served as if nothing were happening.
    expect(during === 503 || during === 'ECONNREFUSED' || during === 'ECONNRESET').toBe(true);
    expect(tookMs).toBeLessThan(2_000);
  }, 60_000);
});
