import { ConfigError, loadConfig } from './config';

describe('configuration from the environment', () => {
  it('starts on local defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.EVENT_STORE).toBe('postgres');
    expect(c.PROCESS_ROLES).toEqual(['api', 'projectors', 'workers']);
    expect([c.FILE_STORAGE, c.FILE_STORAGE_DIR, c.FILE_LINK_TTL_SECONDS, c.VIRUS_SCANNER]).toEqual([
      'local',
      './var/files',
      300,
      'none',
    ]);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ EVENT_STORE: 'eventstoredb' }, 'EVENTSTORE_CONNECTION_STRING'],
    [{ EVENT_STORE: 'kafka' }, 'EVENT_STORE'],
    [{ PROCESS_ROLES: 'api,cron' }, 'PROCESS_ROLES'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production', TEST_CLOCK_ENABLED: 'true' }, 'TEST_CLOCK_ENABLED'],
    [{ TEST_CLOCK_ENABLED: 'yes' }, 'TEST_CLOCK_ENABLED'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ WORKER_LOCK_DURATION_MS: 'soon' }, 'WORKER_LOCK_DURATION_MS'],
    [{ WORKER_CONCURRENCY: '0' }, 'WORKER_CONCURRENCY'],
    [{ IDEMPOTENCY_CLAIM_LEASE_SECONDS: '-5' }, 'IDEMPOTENCY_CLAIM_LEASE_SECONDS'],
    [{ JOB_ENQUEUE_HORIZON_MS: '60000', JOB_RECONCILE_INTERVAL_MS: '60000' }, 'JOB_ENQUEUE_HORIZON_MS'],
    [{ PAYPAL_CLIENT_ID: 'id', PAYPAL_BASE_URL: 'https://api-m.sandbox.paypal.com' }, 'PAYPAL_CLIENT_SECRET'],
    [{ PAYPAL_WEBHOOK_ID: 'WH-1' }, 'PAYPAL_CLIENT_ID'],
    [{ PAYPAL_CLIENT_ID: 'id', PAYPAL_CLIENT_SECRET: 's', PAYPAL_BASE_URL: 'sandbox' }, 'PAYPAL_BASE_URL'],
    [{ FILE_STORAGE: 's3' }, 'S3_BUCKET'],
    [{ FILE_STORAGE: 'ftp' }, 'FILE_STORAGE'],
    [{ FILE_LINK_SECRET: 'short' }, 'FILE_LINK_SECRET'],
    [{ VIRUS_SCANNER: 'clamav' }, 'VIRUS_SCANNER'],
    [
      {
        NODE_ENV: 'production',
        JWT_SECRET: 'a-production-secret-of-32-characters!!',
        PERSONAL_DATA_MASTER_KEY: Buffer.alloc(32, 1).toString('base64'),
      },
      'FILE_LINK_SECRET',
    ],
  ])('refuses %j with a message naming %s', (env, key) => {
    let error: unknown;
    try {
      loadConfig(env as NodeJS.ProcessEnv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(key);
  });

  it('accepts an EventStoreDB connection string', () => {
    const c = loadConfig({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'kurrentdb://localhost:2113?tls=false' });
    expect(c.EVENT_STORE).toBe('eventstoredb');
  });

  describe('the test clock', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      PERSONAL_DATA_MASTER_KEY: Buffer.alloc(32, 1).toString('base64'),
      FILE_LINK_SECRET: 'l'.repeat(40),
    };

    it('is off unless asked for', () => {
      expect(loadConfig({}).TEST_CLOCK_ENABLED).toBe(false);
      expect(loadConfig({ TEST_CLOCK_ENABLED: 'true' }).TEST_CLOCK_ENABLED).toBe(true);
    });

    it('stops a production start with a message saying why', () => {
      expect(loadConfig(production).TEST_CLOCK_ENABLED).toBe(false);
      expect(() => loadConfig({ ...production, TEST_CLOCK_ENABLED: 'true' })).toThrow(
        /TEST_CLOCK_ENABLED: must be false in production/,
      );
    });
  });
});
