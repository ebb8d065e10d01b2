import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../app.module';
import { DEFAULT_PLANS, PlanCatalogueSeed } from '../../application/plans/plan.catalogue';
import { Clock } from '../../application/shared/clock';
import { CliCommand } from './cli-command';

/** Exit codes: 0 done (defined or already there), 2 usage. */
export const PLANS_SEED_EXIT = { done: 0, usage: 2 } as const;

/** Who the seed's events name: the operator's command, not a person. */
export const PLANS_SEED_ACTOR = 'system:plans-seed';

export const plansSeedCommand: CliCommand = {
  name: ['plans', 'seed'],
  usage: 'plans seed',
  description: `Define the default plans (${DEFAULT_PLANS.length}: Pro, Crédits Essentiel, Crédits Intensif, two hour packs); those already there are left as they are. Hour packs need the default service types (service-types seed)`,
  async run(args, flags, config) {
    if (args.length > 0 || Object.keys(flags).length > 0) {
      process.stderr.write('Usage: npm run cli -- plans seed\n');
      return PLANS_SEED_EXIT.usage;
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
        .get(PlanCatalogueSeed)
        .seed({ now, actorId: PLANS_SEED_ACTOR, actorRole: 'system' });
      const lines = [
        `Plans: ${result.created.length} defined, ${result.existing.length} already there, ${result.skipped.length} skipped.`,
        ...result.created.map((p) => `  + ${p.name.padEnd(24)} ${p.planId}`),
        ...result.existing.map((p) => `  = ${p.name.padEnd(24)} ${p.planId}`),
        ...result.skipped.map(
          (p) =>
            `  ! ${p.name.padEnd(24)} ${p.planId}: its service type is missing or retired (run service-types seed first)`,
        ),
        '',
      ];
      process.stdout.write(lines.join('\n'));
      return PLANS_SEED_EXIT.done;
    } finally {
      await app.close();
    }
  },
};
