import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../app.module';
import { Clock } from '../../application/shared/clock';
import { CliCommand } from './cli-command';

/** Exit codes of a catalogue seed: 0 done (created or already there), 2 usage. */
export const SEED_EXIT = { done: 0, usage: 2 } as const;

/**
 * A `<catalogue> seed` command (service types, plans, solidarity types): no arguments; runs the
 * catalogue's idempotent seed in an application context without HTTP, its events naming `actorId`
 * (the operator's command, not a person), and prints the lines `report` makes of the result.
 */
export function catalogueSeedCommand<R>(options: {
  catalogue: string;
  description: string;
  actorId: string;
  seed: (
    app: INestApplicationContext,
    meta: { now: string; actorId: string; actorRole: 'system' },
  ) => Promise<R>;
  report: (result: R) => string[];
}): CliCommand {
  return {
    name: [options.catalogue, 'seed'],
    usage: `${options.catalogue} seed`,
    description: options.description,
    async run(args, flags, config) {
      if (args.length > 0 || Object.keys(flags).length > 0) {
        process.stderr.write(`Usage: npm run cli -- ${options.catalogue} seed\n`);
        return SEED_EXIT.usage;
      }
      const app = await NestFactory.createApplicationContext(
        AppModule.forRoot({
          ...config,
          PROCESS_ROLES: ['api'],
          PG_POOL_SIZE: 2,
          SWAGGER_ENABLED: false,
        }),
        { logger: ['error'] },
      );
      try {
        const now = app.get(Clock).now().toISOString();
        const result = await options.seed(app, {
          now,
          actorId: options.actorId,
          actorRole: 'system',
        });
        process.stdout.write([...options.report(result), ''].join('\n'));
        return SEED_EXIT.done;
      } finally {
        await app.close();
      }
    },
  };
}
