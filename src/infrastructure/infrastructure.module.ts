import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { Pool } from 'pg';
import { AGGREGATE_CACHE, AggregateCache } from '../application/shared/aggregate-cache';
import { EVENT_STORE, EventStore } from '../application/shared/event-store.port';
import { APP_CONFIG, AppConfig } from './config/config';
import { PG_POOL } from './database/database.tokens';
import { KurrentDbEventStore } from './event-store/kurrentdb/kurrentdb-event-store';
import { PostgresEventStore } from './event-store/postgres/postgres-event-store';
import { PostgresPersonalDataKeyring, withPersonalDataProtection } from './event-store/personal-data';
import { withStorableDataGuard } from './event-store/storable-data';

export const REDIS = Symbol('REDIS');

/** Opens every connection of the pool before serving: a cold pool under load is ~15x slower. */
export async function createWarmPool(url: string, size: number): Promise<Pool> {
  const pool = new Pool({ connectionString: url, max: size, idleTimeoutMillis: 0 });
  pool.on('error', (error) => new Logger('Postgres').error(error));
  const clients = await Promise.all(Array.from({ length: size }, () => pool.connect()));
  clients.forEach((c) => c.release());
  return pool;
}

@Global()
@Module({})
export class InfrastructureModule implements OnApplicationShutdown {
  static forRoot(config: AppConfig) {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: PG_POOL, useFactory: () => createWarmPool(config.DATABASE_URL, config.PG_POOL_SIZE) },
        {
          provide: EVENT_STORE,
          inject: [PG_POOL],
          // Personal data inside events is encrypted per account (crypto-shredding) on either store;
          // the outer guard refuses strings Postgres cannot hold while they are still in clear.
          useFactory: (pool: Pool): EventStore =>
            withStorableDataGuard(
              withPersonalDataProtection(
                config.EVENT_STORE === 'eventstoredb'
                  ? new KurrentDbEventStore(config.EVENTSTORE_CONNECTION_STRING!)
                  : new PostgresEventStore(pool, { connectionString: config.DATABASE_URL }),
                new PostgresPersonalDataKeyring(pool, config.PERSONAL_DATA_MASTER_KEY),
              ),
            ),
        },
        {
          provide: AGGREGATE_CACHE,
          useValue: new AggregateCache({
            maxEntries: config.AGGREGATE_CACHE_SIZE,
            maxAgeMs: config.AGGREGATE_CACHE_MAX_AGE_SECONDS * 1000,
          }),
        },
        {
          provide: REDIS,
          useFactory: () => new Redis(config.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: false }),
        },
      ],
      exports: [APP_CONFIG, PG_POOL, EVENT_STORE, AGGREGATE_CACHE, REDIS],
    };
  }

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** Subscriptions stop first, then the store, then the connections they used. */
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    await this.redis.quit().catch(() => undefined);
    await this.pool.end();
  }
}
