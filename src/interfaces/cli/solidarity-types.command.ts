import {
  DEFAULT_SOLIDARITY_TYPES,
  SolidarityTypeCatalogue,
} from '../../application/solidarity/solidarity-type.catalogue';
import { catalogueSeedCommand } from './catalogue-seed-command';

export const solidarityTypesSeedCommand = catalogueSeedCommand({
  catalogue: 'solidarity-types',
  description: `Define the default solidarity types (${DEFAULT_SOLIDARITY_TYPES.length}: Aide alimentaire, Aide aux personnes âgées...); those already there are left as they are`,
  actorId: 'system:solidarity-types-seed',
  seed: (app, meta) => app.get(SolidarityTypeCatalogue).seed(meta),
  report: (result) => [
    `Solidarity types: ${result.created.length} created, ${result.existing.length} already there.`,
    ...result.created.map((t) => `  + ${t.label.padEnd(48)} ${t.solidarityTypeId}`),
    ...result.existing.map((t) => `  = ${t.label.padEnd(48)} ${t.solidarityTypeId}`),
  ],
});
