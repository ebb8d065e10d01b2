import type { HourPackCommand, HourPackState } from '../../domain/plans';
import { hourPackStream } from '../../domain/plans/hour-pack.events';
import { AggregateCommandMessage } from '../shared/aggregate-command';

/**
 * Published contract: send an HourPackCommand to the `hourpack-<packId>` stream through the
 * CommandBus (the command may be a builder run on the pack's current state at each retry).
 */
export class HourPackCommandMessage extends AggregateCommandMessage<
  HourPackCommand,
  HourPackState
> {}

export const hourPackStreamOf = hourPackStream;
