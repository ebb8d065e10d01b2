import {
  solidarityTypeSlug,
  solidarityTypeStreamName,
  type SolidarityTypeCommand,
} from '../../domain/solidarity';
import { AggregateCommandMessage } from '../shared/aggregate-command';

/** Published contract: send a SolidarityTypeCommand to the `solidarity_type-<id>` stream. */
export class SolidarityTypeCommandMessage extends AggregateCommandMessage<SolidarityTypeCommand> {}

export const solidarityTypeStream = solidarityTypeStreamName;

/** A type's id is its label's slug: "Aide alimentaire" -> `aide-alimentaire`. */
export const solidarityTypeIdFor = (label: string): string => solidarityTypeSlug(label.trim());
