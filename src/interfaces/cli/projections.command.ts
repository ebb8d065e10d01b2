import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Pool } from 'pg';
import { AppModule } from '../../app.module';
import { EVENT_STORE, EventStore } from '../../application/shared/event-store.port';
import { AppConfig } from '../../infrastructure/config/config';
import { PG_POOL } from '../../infrastructure/database/database.tokens';
import { allProjections, projectionsNamed } from '../../projections/all-projections';
import { bulkPostgresReader } from '../../projections/runner/bulk-log-reader';
import { clearHalt, readHalts } from '../../projections/runner/halts';
import { readProjectionStatus } from '../../projections/runner/log-stats';
import { progressPrinter } from '../../projections/runner/progress-bar';
import { rebuildProjections } from '../../projections/runner/rebuild';
import { CliCommand } from './cli-command';

/** The same event store and pool the application wires (with its decryption of personal data), no HTTP, no workers. */
async function withStore<T>(
  config: AppConfig,
  fn: (store: EventStore, pool: Pool) => Promise<T>,
): Promise<T> {
  const ctx: INestApplicationContext = await NestFactory.createApplicationContext(
    AppModule.forRoot({ ...config, PROCESS_ROLES: ['api'] }),
    { logger: false },
  );
  try {
    return await fn(
      ctx.get<EventStore>(EVENT_STORE, { strict: false }),
      ctx.get<Pool>(PG_POOL, { strict: false }),
    );
  } finally {
    await ctx.close();
  }
}

const names = () =>
  allProjections()
    .map((p) => p.name)
    .join(', ');

export const projectionsRebuildCommand: CliCommand = {
  name: ['projections', 'rebuild'],
  usage: 'projections rebuild <name|all> [--batch-size N]',
  description: 'Rebuild read models from the start of the log into new tables, then swap them in',
  async run(args, flags, config) {
    const target = args[0];
    const projections = target ? projectionsNamed(target) : [];
    if (projections.length === 0) {
      process.stderr.write(`Name a projection or "all": ${names()}\n`);
      return 2;
    }
    const batchSize = flags['batch-size'] === undefined ? undefined : Number(flags['batch-size']);
    if (
      batchSize !== undefined &&
      (!Number.isSafeInteger(batchSize) || batchSize < 1 || batchSize > 50_000)
    ) {
      process.stderr.write('--batch-size must be an integer between 1 and 50000\n');
      return 2;
    }
    const started = Date.now();
    const results = await withStore(config, (store, pool) =>
      rebuildProjections(store, pool, projections, {
        batchSize,
        reader: config.EVENT_STORE === 'postgres' ? bulkPostgresReader(pool, store) : undefined,
        onProgress: progressPrinter(),
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    for (const r of results)
      process.stdout.write(
        `${r.name}: generation ${r.generation} (${r.schema}) active, ${r.eventsApplied.toLocaleString('en-US')} events applied\n`,
      );
    process.stdout.write(`Rebuilt ${results.length} projection(s) in ${seconds.toFixed(1)} s.\n`);
    return 0;
  },
};

export const projectionsStatusCommand: CliCommand = {
  name: ['projections', 'status'],
  usage: 'projections status',
  description: 'Position, events behind and lag of every read model',
  async run(_args, _flags, config) {
    const [rows, halts] = await withStore(
      config,
      async (store, pool) =>
        [
          await readProjectionStatus(
            pool,
            store,
            allProjections(),
            config.EVENT_STORE === 'postgres',
          ),
          new Map((await readHalts(pool)).map((h) => [h.name, h])),
        ] as const,
    );
    for (const r of rows) {
      const halt = halts.get(r.name);
      const state = halt
        ? `  HALTED on ${halt.eventType} ${halt.eventId} (stream ${halt.streamName}, position ${halt.position.commit}/${halt.position.prepare}): ${halt.error}; after a fix run "projections retry ${r.name}"`
        : r.current
          ? ''
          : `  STALE: tables of another version, run "projections rebuild ${r.name}"`;
      process.stdout.write(
        `${r.name.padEnd(10)} v${r.version} gen ${String(r.generation ?? '-').padEnd(3)} applied ${String(r.eventsApplied).padStart(9)}  behind ${String(r.behind).padStart(7)}  lag ${r.lagMs} ms${state}\n`,
      );
    }
    return 0;
  },
};

export const projectionsRetryCommand: CliCommand = {
  name: ['projections', 'retry'],
  usage: 'projections retry <name>',
  description:
    'Clear the stop of a projection halted on an event; the running service tries the event again',
  async run(args, _flags, config) {
    const name = args[0];
    if (!name || projectionsNamed(name).length !== 1) {
      process.stderr.write(`Name one projection: ${names()}\n`);
      return 2;
    }
    const cleared = await withStore(config, (_store, pool) => clearHalt(pool, name));
    if (!cleared) {
      process.stderr.write(`Projection ${name} is not stopped on an event.\n`);
      return 1;
    }
    process.stdout.write(
      `Projection ${name}: stop on ${cleared.eventType} ${cleared.eventId} cleared; the service applies it again within a few seconds ("projections status" shows the outcome).\n`,
    );
    return 0;
  },
};
