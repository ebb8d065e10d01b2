import 'reflect-metadata';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './infrastructure/config/config';
import { ensureDatabase, migrate } from './infrastructure/database/data-source';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nThe service did not start. Fix the environment and try again.\n`);
      process.exit(1);
    }
    throw error;
  }
  await ensureDatabase(config.DATABASE_URL);
  await migrate(config.DATABASE_URL);
  const app = await createApp(config);
  await app.listen({ port: config.PORT, host: config.HOST });
  const base = `http://${config.HOST}:${config.PORT}`;
  process.stdout.write(
    `Marketplace core listening on ${base} (roles: ${config.PROCESS_ROLES.join(', ')})\nAPI docs: ${base}/docs\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
