import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../src/app.module';
import { buildOpenApi, configureApp, createHttpAdapter } from '../../src/bootstrap';
import { loadConfig, AppConfig } from '../../src/infrastructure/config/config';
import { ReactorRunner } from '../../src/infrastructure/subscriptions/reactor-runner';
import { ProjectionsService } from '../../src/projections/projections.service';
import { AccessTokens } from '../../src/interfaces/http/auth/access-token';
import { AccountRole } from '../../src/interfaces/http/auth/actor';
import { createTestDatabase, TestDatabase } from './database';
import { OpenApiContract } from './openapi-contract';
import { dropRedisPrefix } from './redis';

export interface TestResponse<T = any> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  idempotencyKey?: string;
  /**
   * Skips the OpenAPI check of this answer (see openapi-contract.ts). Only for a request that
   * deliberately sends or reads something the document cannot describe; say why.
   */
  uncheckedBecause?: string;
}

export interface TestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  config: AppConfig;
  request<T = any>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    options?: RequestOptions,
  ): Promise<TestResponse<T>>;
  /** An access token for an account, without going through registration. */
  tokenFor(account: {
    accountId?: string;
    roles: AccountRole[];
    activeRole?: AccountRole;
  }): Promise<string>;
  /** Waits until every reactor and projection has handled everything in the log. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** A provider replaced for a test, e.g. a movable clock. */
export type ProviderOverride = [token: unknown, value: unknown];

/** The real application on a fresh database and Redis prefix, driven through Fastify's inject. */
export async function startTestApp(
  env: Record<string, string> = {},
  overrides: ProviderOverride[] = [],
): Promise<TestApp> {
  const db = await createTestDatabase('mk_e2e');
  const suffix = randomBytes(4).toString('hex');
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: db.url,
    PG_POOL_SIZE: '8',
    REDIS_PREFIX: `mk_test_${suffix}`,
    SWAGGER_ENABLED: 'false',
    // Uploaded files of this app only, removed with it.
    FILE_STORAGE_DIR: join(tmpdir(), `mk_files_${suffix}`),
    ...env,
  });
  let builder = Test.createTestingModule({ imports: [AppModule.forRoot(config)] });
  for (const [token, value] of overrides) builder = builder.overrideProvider(token).useValue(value);
  const moduleRef = await builder.compile();
  const app = configureApp(
    moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(config.TRUST_PROXY), {
      rawBody: true,
      bufferLogs: true,
    }),
    config,
  );
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const tokens = app.get(AccessTokens);
  // Every answer is checked against the document (status, media type, body schema).
  let contract: OpenApiContract | undefined;
  return {
    app,
    db,
    config,
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
      if (!options.uncheckedBecause) {
        contract ??= new OpenApiContract(JSON.parse(JSON.stringify(buildOpenApi(app))));
        contract.check({
          method,
          url,
          status: response.statusCode,
          headers: response.headers,
          text: response.body,
        });
      }
      let body: unknown = response.body;
      try {
        body = response.body ? JSON.parse(response.body) : undefined;
      } catch {
        // binary or text bodies stay as they are
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
      // Reactors cause events projections need; a projection-fed reactor step can follow.
      for (let round = 0; round < 3; round++) {
        await app.get(ReactorRunner).settle();
        await app.get(ProjectionsService, { strict: false }).settle();
      }
    },
    async close() {
      await app.close();
      await db.drop();
      await dropRedisPrefix(config.REDIS_URL, config.REDIS_PREFIX);
      if (config.FILE_STORAGE === 'local')
        await rm(config.FILE_STORAGE_DIR, { recursive: true, force: true });
    },
  };
}
