import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../app.module';
import { Clock } from '../../application/shared/clock';
import {
  DEFAULT_SOLIDARITY_TYPES,
  SolidarityTypeCatalogue,
} from '../../application/solidarity/solidarity-type.catalogue';
import { CliCommand } from './cli-command';

/** Exit codes: 0 done (created or already there), 2 usage. */
export const SOLIDARITY_TYPES_SEED_EXIT = { done: 0, usage: 2 } as const;

/** Who the seed's events name: the operator's command, not a person. */
export const SOLIDARITY_TYPES_SEED_ACTOR = 'system:solidarity-types-seed';

export const solidarityTypesSeedCommand: CliCommand = {
  name: ['solidarity-types', 'seed'],
  usage: 'solidarity-types seed',
  description: `Define the default solidarity types (${DEFAULT_SOLIDARITY_TYPES.length}: Aide alimentaire, Aide aux personnes âgées...); those already there are left as they are`,
  async run(args, flags, config) {
    if (args.length > 0 || Object.keys(flags).length > 0) {
      process.stderr.write('Usage: npm run cli -- solidarity-types seed\n');
      return SOLIDARITY_TYPES_SEED_EXIT.usage;
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
      const result = await app
        .get(SolidarityTypeCatalogue)
        .seed({ now, actorId: SOLIDARITY_TYPES_SEED_ACTOR, actorRole: 'system' });
      const lines = [
        `Solidarity types: ${result.created.length} created, ${result.existing.length} already there.`,
        ...result.created.map((t) => `  + ${t.label.padEnd(48)} ${t.solidarityTypeId}`),
        ...result.existing.map((t) => `  = ${t.label.padEnd(48)} ${t.solidarityTypeId}`),
        '',
      ];
      process.stdout.write(lines.join('\n'));
      return SOLIDARITY_TYPES_SEED_EXIT.done;
    } finally {
      await app.close();
    }
  },
};
