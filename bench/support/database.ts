import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrate } from '../../src/infrastructure/database/data-source';

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** The server of DATABASE_URL (or the local default), pointed at its maintenance database. */
export function adminUrl(): URL {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = '/postgres';
  return url;
}

async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl().toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A throwaway migrated database `mk_bench_<random>`; `drop` is idempotent and also runs
 * on SIGINT/SIGTERM so an interrupted run leaves nothing behind.
 */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `mk_bench_${randomBytes(5).toString('hex')}`;
  const url = adminUrl();
  url.pathname = `/${name}`;
  let dropped: Promise<void> | null = null;
  const drop = () => {
    dropped ??= withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
      () => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      },
    );
    return dropped;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`\n${signal}: dropping ${name}\n`);
    void drop().finally(() => process.exit(130));
  };
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await migrate(url.toString());
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, url: url.toString(), drop };
}
