import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';
import { AppConfig } from './infrastructure/config/config';
import { createValidationPipe } from './interfaces/http/problem/validation.pipe';
import { registerTextInputCheck } from './interfaces/http/problem/text-input.hook';

export const API_TITLE = 'Marketplace core API';

export function buildOpenApi(app: NestFastifyApplication) {
  const document = new DocumentBuilder()
    .setTitle(API_TITLE)
    .setDescription(
      'Back-end core of a French services marketplace: gigs and orders held in escrow, disputes, payouts. ' +
        'Every state-changing call accepts an `Idempotency-Key` header; errors are `application/problem+json` with a stable `code`.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, document);
}

export function createHttpAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-correlation-id'];
      return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1_048_576,
    trustProxy: true,
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
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  if (config.SWAGGER_ENABLED) SwaggerModule.setup('docs', app, buildOpenApi(app), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

/** Builds the Nest application (API, projectors, workers as configured) without listening. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), createHttpAdapter(), {
    bufferLogs: true,
    rawBody: true,
  });
  return configureApp(app, config);
}
