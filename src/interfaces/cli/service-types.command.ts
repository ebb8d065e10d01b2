import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../app.module';
import {
  DEFAULT_SERVICE_TYPES,
  ServiceTypeCatalogue,
} from '../../application/missions/service-type.catalogue';
import { Clock } from '../../application/shared/clock';
import { CliCommand } from './cli-command';

/** Exit codes: 0 done (created or already there), 2 usage. */
export const SERVICE_TYPES_SEED_EXIT = { done: 0, usage: 2 } as const;

/** Who the seed's events name: the operator's command, not a person. */
export const SERVICE_TYPES_SEED_ACTOR = 'system:service-types-seed';

export const serviceTypesSeedCommand: CliCommand = {
  name: ['service-types', 'seed'],
  usage: 'service-types seed',
  description: `Create the default service types (${DEFAULT_SERVICE_TYPES.length}: Ménage, Jardinage, Bricolage...); those already there are left as they are`,
  async run(args, flags, config) {
    if (args.length > 0 || Object.keys(flags).length > 0) {
      process.stderr.write('Usage: npm run cli -- service-types seed\n');
      return SERVICE_TYPES_SEED_EXIT.usage;
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
        .get(ServiceTypeCatalogue)
        .seed({ now, actorId: SERVICE_TYPES_SEED_ACTOR, actorRole: 'system' });
      const lines = [
        `Service types: ${result.created.length} created, ${result.existing.length} already there.`,
        ...result.created.map((t) => `  + ${t.label.padEnd(28)} ${t.serviceTypeId}`),
        ...result.existing.map((t) => `  = ${t.label.padEnd(28)} ${t.serviceTypeId}`),
        '',
      ];
      process.stdout.write(lines.join('\n'));
      return SERVICE_TYPES_SEED_EXIT.done;
    } finally {
      await app.close();
    }
  },
};
