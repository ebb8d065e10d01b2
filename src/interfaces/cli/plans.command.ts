import { DEFAULT_PLANS, PlanCatalogueSeed } from '../../application/plans/plan.catalogue';
import { catalogueSeedCommand } from './catalogue-seed-command';

export const plansSeedCommand = catalogueSeedCommand({
  catalogue: 'plans',
  description: `Define the default plans (${DEFAULT_PLANS.length}: Pro, Crédits Essentiel, Crédits Intensif, two hour packs); those already there are left as they are. Hour packs need the default service types (service-types seed)`,
  actorId: 'system:plans-seed',
  seed: (app, meta) => app.get(PlanCatalogueSeed).seed(meta),
  report: (result) => [
    `Plans: ${result.created.length} defined, ${result.existing.length} already there, ${result.skipped.length} skipped.`,
    ...result.created.map((p) => `  + ${p.name.padEnd(24)} ${p.planId}`),
    ...result.existing.map((p) => `  = ${p.name.padEnd(24)} ${p.planId}`),
    ...result.skipped.map(
      (p) =>
        `  ! ${p.name.padEnd(24)} ${p.planId}: its service type is missing or retired (run service-types seed first)`,
    ),
  ],
});
