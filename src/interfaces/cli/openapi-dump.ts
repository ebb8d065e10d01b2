/**
 * `npm run openapi:dump [file]`: writes the OpenAPI document (default `openapi.json`) from the
 * application built in preview mode, so no provider starts and nothing connects to a database.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { writeFileSync } from 'node:fs';
import { AppModule } from '../../app.module';
import { buildOpenApi, createHttpAdapter } from '../../bootstrap';
import { loadConfig } from '../../infrastructure/config/config';

async function main() {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    createHttpAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  const out = process.argv[2] ?? 'openapi.json';
  writeFileSync(out, `${JSON.stringify(buildOpenApi(app), null, 2)}\n`);
  process.stdout.write(`wrote ${out}\n`);
  process.exit(0);
}
main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
