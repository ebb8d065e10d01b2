import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { Pool } from 'pg';
import { AGGREGATE_CACHE, AggregateCache } from '../application/shared/aggregate-cache';
import { Clock, SystemClock } from '../application/shared/clock';
import { EVENT_STORE, EventStore } from '../application/shared/event-store.port';
import { APP_CONFIG, AppConfig } from './config/config';
import { PG_POOL } from './database/database.tokens';
import { KurrentDbEventStore } from './event-store/kurrentdb/kurrentdb-event-store';
import { PostgresEventStore } from './event-store/postgres/postgres-event-store';
import { decorateEventStore } from './event-store/decorated-event-store';
import { PostgresPersonalDataKeyring } from './event-store/personal-data';
import { SharedTestClock } from './clock/shared-test-clock';

export const REDIS = Symbol('REDIS');

/** Opens every connection of the pool before serving: a cold pool under load is ~15x slower. */
export async function createWarmPool(url: string, size: number): Promise<Pool> {
  const pool = new Pool({ connectionString: url, max: size, idleTimeoutMillis: 0 });
  const logger = new Logger('Postgres');
  // An idle client that loses its connection is dropped by the pool, which reports it here.
  pool.on('error', (error) => logger.warn(`Idle connection lost: ${error.message}`));
  // A checked-out client emits 'error' itself (57P01 on a Postgres restart): unheard, that event
  // would kill the process. Its query fails, and the pool drops it when it is released.
  pool.on('connect', (client) =>
    client.on('error', (error) => logger.warn(`Connection lost while in use: ${error.message}`)),
  );
  const clients = await Promise.all(Array.from({ length: size }, () => pool.connect()));
  clients.forEach((c) => c.release());
  return pool;
}

/**
 * The Redis client of the HTTP paths (session revocations, login throttle, health). During an
 * outage a command waits for one reconnection attempt and then fails (503) instead of hanging
 * the request until Redis returns; BullMQ keeps its own connections, which wait instead.
 */
export function createRedis(url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: false });
  let lastReport = 0;
  // ioredis reconnects by itself; one line per outage second is enough to see it.
  redis.on('error', (error: Error) => {
    if (Date.now() - lastReport < 1_000) return;
    lastReport = Date.now();
    new Logger('Redis').warn(`Redis unreachable, reconnecting: ${error.message}`);
  });
  return redis;
}

@Global()
@Module({})
export class InfrastructureModule implements OnApplicationShutdown {
  static forRoot(config: AppConfig, givenClock?: Clock) {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        // The one clock every reader injects; a test overrides this token to move them all.
        // Outside production, TEST_CLOCK_ENABLED makes it the platform clock staff move forward.
        {
          provide: Clock,
          inject: [PG_POOL],
          useFactory: async (pool: Pool): Promise<Clock> => {
            if (givenClock) return givenClock;
            if (!config.TEST_CLOCK_ENABLED) return new SystemClock();
            const clock = new SharedTestClock(pool, config.TEST_CLOCK_REFRESH_MS);
            await clock.start();
            return clock;
          },
        },
        { provide: PG_POOL, useFactory: () => createWarmPool(config.DATABASE_URL, config.PG_POOL_SIZE) },
        {
          provide: EVENT_STORE,
          inject: [PG_POOL],
          // Personal data inside events is encrypted per account (crypto-shredding) on either store,
          // events are versioned and upcast, and strings Postgres cannot hold are refused.
          useFactory: (pool: Pool): EventStore =>
            decorateEventStore(
              config.EVENT_STORE === 'eventstoredb'
                ? new KurrentDbEventStore(config.EVENTSTORE_CONNECTION_STRING!)
                : new PostgresEventStore(pool, { connectionString: config.DATABASE_URL }),
              new PostgresPersonalDataKeyring(pool, config.PERSONAL_DATA_MASTER_KEY),
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
          useFactory: () => createRedis(config.REDIS_URL),
        },
      ],
      exports: [APP_CONFIG, Clock, PG_POOL, EVENT_STORE, AGGREGATE_CACHE, REDIS],
    };
  }

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly clock: Clock,
  ) {}

  /** Subscriptions stop first, then the store, then the connections they used. */
  async onApplicationShutdown(): Promise<void> {
    if (this.clock instanceof SharedTestClock) this.clock.stop();
    await this.store.close();
    await this.redis.quit().catch(() => undefined);
    await this.pool.end();
  }
}
