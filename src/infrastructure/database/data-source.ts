import { DataSource, DataSourceOptions } from 'typeorm';
import { EventStore1732380000000 } from './migrations/1732380000000-event-store';
import { HttpIdempotency1732380001000 } from './migrations/1732380001000-http-idempotency';
import { SubscriptionCheckpoints1732380002000 } from './migrations/1732380002000-subscription-checkpoints';
import { EventStoreBatchAppend1732386000000 } from './migrations/1732386000000-event-store-batch-append';
import { ReactorDeadLetters1732386200000 } from './migrations/1732386200000-reactor-dead-letters';
import { IdempotencyHeartbeat1732386320000 } from './migrations/1732386320000-idempotency-heartbeat';

import { MIGRATIONS as IDENTITY } from './migrations/identity';
import { MIGRATIONS as MARKETPLACE } from './migrations/marketplace';
import { MIGRATIONS as DISPUTES } from './migrations/disputes';
import { MIGRATIONS as READ_MODELS } from './migrations/read-models';
import { MIGRATIONS as WORKERS } from './migrations/workers';
import { MIGRATIONS as FILES } from './migrations/files';
import { MIGRATIONS as MISSIONS } from './migrations/missions';

/** Every migration; TypeORM runs pending ones in timestamp order. */
export const MIGRATIONS: Function[] = [
  EventStore1732380000000,
  HttpIdempotency1732380001000,
  SubscriptionCheckpoints1732380002000,
  ...IDENTITY,
  ...MARKETPLACE,
  ...DISPUTES,
  ...READ_MODELS,
  ...WORKERS,
  ...FILES,
  ...MISSIONS,
  EventStoreBatchAppend1732386000000,
  ReactorDeadLetters1732386200000,
  IdempotencyHeartbeat1732386320000,
];

export function dataSourceOptions(url: string, entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
  };
}

/** Applies pending migrations; safe to call on every start. */
export async function migrate(url: string): Promise<void> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

/** Creates the database named in `url` when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const { Client } = await import('pg');
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  // A connection lost mid-way fails the pending query; the event alone must not kill the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
