import {
  DEFAULT_SERVICE_TYPES,
  ServiceTypeCatalogue,
} from '../../application/missions/service-type.catalogue';
import { catalogueSeedCommand } from './catalogue-seed-command';

export const serviceTypesSeedCommand = catalogueSeedCommand({
  catalogue: 'service-types',
  description: `Create the default service types (${DEFAULT_SERVICE_TYPES.length}: Ménage, Jardinage, Bricolage...); those already there are left as they are`,
  actorId: 'system:service-types-seed',
  seed: (app, meta) => app.get(ServiceTypeCatalogue).seed(meta),
  report: (result) => [
    `Service types: ${result.created.length} created, ${result.existing.length} already there.`,
    ...result.created.map((t) => `  + ${t.label.padEnd(28)} ${t.serviceTypeId}`),
    ...result.existing.map((t) => `  = ${t.label.padEnd(28)} ${t.serviceTypeId}`),
  ],
});
