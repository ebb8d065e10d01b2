import type { SolidarityMonthCommand, SolidarityMonthState } from '../../domain/solidarity';
import { AggregateCommandMessage } from '../shared/aggregate-command';

/** Published contract: a command for one month of the pot (`solidarity_month-<YYYY-MM>`), by month. */
export class SolidarityMonthCommandMessage extends AggregateCommandMessage<
  SolidarityMonthCommand,
  SolidarityMonthState
> {}

export { solidarityMonthStream } from '../../domain/solidarity';
