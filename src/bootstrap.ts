import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';
import { MAX_UPLOAD_BYTES } from './application/files/file-purposes';
import { AppConfig } from './infrastructure/config/config';
import { closeHttpFirst } from './interfaces/http/graceful-shutdown';
import { MarketplaceFastifyAdapter } from './interfaces/http/json-body-parser';
import { withEntityTags } from './interfaces/http/etag/etag-openapi';
import { registerEntityTags } from './interfaces/http/etag/etag.interceptor';
import { withProblemResponses } from './interfaces/http/problem/openapi-problems';
import { finishOpenApi } from './interfaces/http/shared/openapi-document';
import { replyWithProblem } from './interfaces/http/problem/reply-problem';
import { createValidationPipe } from './interfaces/http/problem/validation.pipe';
import { registerTextInputCheck } from './interfaces/http/problem/text-input.hook';

export const API_TITLE = 'Marketplace core API';

export function buildOpenApi(app: NestFastifyApplication) {
  const document = new DocumentBuilder()
    .setTitle(API_TITLE)
    .setDescription(
      'Back-end core of a French services marketplace: gigs and orders held in escrow, disputes, payouts. ' +
        'Every state-changing call accepts an `Idempotency-Key` header; errors are `application/problem+json` with a stable `code`. ' +
        'Ids in paths are UUIDs (else 400 `INVALID_ID`); JSON bodies nest at most 64 levels (else 400 `JSON_TOO_DEEP`).',
    )
    .setVersion('0.1.0')
    .setLicense('Proprietary', 'https://docs.marketplace.local/licence')
    .addServer('/', 'The host serving this document')
    .addBearerAuth()
    .build();
  return withEntityTags(finishOpenApi(withProblemResponses(SwaggerModule.createDocument(app, document))));
}

/** `trustProxy` is `TRUST_PROXY`: forwarded addresses count only when a configured proxy sent them. */
export function createHttpAdapter(trustProxy: AppConfig['TRUST_PROXY'] = false): FastifyAdapter {
  return new MarketplaceFastifyAdapter({
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-correlation-id'];
      return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1_048_576,
    trustProxy,
    // While closing, `closeHttpFirst` answers 503 itself, as problem+json.
    return503OnClosing: false,
    // The router's own refusals (a malformed URL, a path parameter over 100 characters) answer problem+json too.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => void replyWithProblem(request, reply, error),
  });
}

/** Logging, correlation ids, validation, shutdown hooks and the API docs, on a created app. */
export function configureApp(app: NestFastifyApplication, config: AppConfig): NestFastifyApplication {
  app.useLogger(app.get(Logger));
  // Every answer names its correlation id, so a front end can quote it to support.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      void reply.header('x-correlation-id', request.id);
      done();
    });
  registerTextInputCheck(app.getHttpAdapter().getInstance());
  registerEntityTags(app);
  // multipart/form-data only: JSON bodies (and the webhooks' raw bodies) keep their own parser.
  // Its own limits stop a file past the largest any purpose takes; each purpose's is checked after.
  void app.getHttpAdapter().getInstance().register(multipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 4, fieldSize: 1024, parts: 6 },
  });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  closeHttpFirst(app);
  if (config.SWAGGER_ENABLED) SwaggerModule.setup('docs', app, buildOpenApi(app), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

/** Builds the Nest application (API, projectors, workers as configured) without listening. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), createHttpAdapter(config.TRUST_PROXY), {
    bufferLogs: true,
    rawBody: true,
  });
  return configureApp(app, config);
}
