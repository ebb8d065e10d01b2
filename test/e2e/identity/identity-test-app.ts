import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { AppModule } from '../../../src/app.module';
import { Clock } from '../../../src/application/identity/identity.ports';
import { EVENT_STORE } from '../../../src/application/shared/event-store.port';
import { loadConfig } from '../../../src/infrastructure/config/config';
import { PG_POOL } from '../../../src/infrastructure/database/database.tokens';
import {
  PostgresPersonalDataKeyring,
  withPersonalDataProtection,
} from '../../../src/infrastructure/event-store/personal-data';
import { PostgresEventStore } from '../../../src/infrastructure/event-store/postgres/postgres-event-store';
import { ReactorRunner } from '../../../src/infrastructure/subscriptions/reactor-runner';
import { ProjectionsService } from '../../../src/projections/projections.service';
import { AccessTokens } from '../../../src/interfaces/http/auth/access-token';
import { createValidationPipe } from '../../../src/interfaces/http/problem/validation.pipe';
import { createTestDatabase } from '../../support/database';
import { TestApp } from '../../support/test-app';

/** Real time shifted by whatever the test advanced it by. */
export class TestClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export type IdentityTestApp = TestApp & { clock: TestClock };

/**
 * The application as `startTestApp` builds it, plus a movable identity clock and the
 * crypto-shredding event store (wired here until infrastructure.module.ts wires it for everyone).
 */
export async function startIdentityTestApp(
  env: Record<string, string> = {},
): Promise<IdentityTestApp> {
  const db = await createTestDatabase('mk_e2e_id');
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: db.url,
    PG_POOL_SIZE: '8',
    REDIS_PREFIX: `mk_test_${randomBytes(4).toString('hex')}`,
    SWAGGER_ENABLED: 'false',
    ...env,
  });
  const clock = new TestClock();
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
    .overrideProvider(EVENT_STORE)
    .useFactory({
      inject: [PG_POOL],
      factory: (pool: Pool) =>
        withPersonalDataProtection(
          new PostgresEventStore(pool, { connectionString: config.DATABASE_URL }),
          new PostgresPersonalDataKeyring(pool, config.PERSONAL_DATA_MASTER_KEY),
        ),
    })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(
    new FastifyAdapter({ bodyLimit: 1_048_576, trustProxy: true }),
    {
      rawBody: true,
      logger: ['error'],
    },
  );
  app.useGlobalPipes(createValidationPipe());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const tokens = app.get(AccessTokens);
  return {
    app,
    db,
    config,
    clock,
    async request(method, url, options = {}) {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
      const response = await app.inject({
        method,
        url,
        headers,
        ...(options.body !== undefined ? { payload: options.body as object } : {}),
      });
      let body: unknown = response.body;
      try {
        body = response.body ? JSON.parse(response.body) : undefined;
      } catch {
        // text bodies stay as they are
      }
      return {
        status: response.statusCode,
        headers: response.headers,
        body: body as any,
        text: response.body,
      };
    },
    async tokenFor({ accountId = randomUUID(), roles, activeRole }) {
      return tokens.sign({
        sub: accountId,
        roles,
        activeRole: activeRole ?? roles[0],
        sid: randomUUID(),
      });
    },
    async settle() {
      // Reactors can cause events that projections must see, and the other way round.
      for (let round = 0; round < 3; round++) {
        await app.get(ReactorRunner).settle();
        await app.get(ProjectionsService, { strict: false }).settle();
      }
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** The single-use code last e-mailed to an account with this template, read from the outbox as staff. */
export async function lastCodeSent(
  t: TestApp,
  accountId: string,
  template: string,
): Promise<string> {
  const admin = await t.tokenFor({ roles: ['admin'] });
  const res = await t.request(
    'GET',
    `/admin/notifications?template=${template}&accountId=${accountId}&limit=1`,
    { token: admin },
  );
  if (res.status !== 200 || res.body.items.length === 0)
    throw new Error(`no ${template} for ${accountId}: ${res.text}`);
  return res.body.items[0].data.token as string;
}

export const STRONG_PASSWORD = 'Str0ng!pass';

/** Registers, confirms through the outbox and logs in. */
export async function registerAndLogin(
  t: TestApp,
  input: { email: string; displayName?: string; roles?: string[]; password?: string },
): Promise<{
  accountId: string;
  accessToken: string;
  refreshToken: string;
  providerReference: string | null;
}> {
  const password = input.password ?? STRONG_PASSWORD;
  const reg = await t.request('POST', '/auth/register', {
    body: {
      email: input.email,
      password,
      displayName: input.displayName ?? 'Test Person',
      roles: input.roles ?? ['client'],
    },
  });
  if (reg.status !== 201) throw new Error(`register failed: ${reg.text}`);
  const token = await lastCodeSent(t, reg.body.accountId, 'identity.email_confirmation');
  const confirmed = await t.request('POST', '/auth/confirm-email', { body: { token } });
  if (confirmed.status !== 200) throw new Error(`confirm failed: ${confirmed.text}`);
  const login = await t.request('POST', '/auth/login', { body: { email: input.email, password } });
  if (login.status !== 200) throw new Error(`login failed: ${login.text}`);
  return {
    accountId: reg.body.accountId,
    accessToken: login.body.accessToken,
    refreshToken: login.body.refreshToken,
    providerReference: reg.body.providerReference,
  };
}
