import { CommandHandler } from '@nestjs/cqrs';
import { hourPackDecider } from '../../domain/plans';
import { hourPackStream } from '../../domain/plans/hour-pack.events';
import { aggregateCommandHandler } from '../shared/aggregate-command';
import { HourPackCommandMessage } from './hour-pack.messages';

/** Executes every HourPackCommandMessage (HTTP, the missions reactor, the expiry job). */
@CommandHandler(HourPackCommandMessage)
export class HourPackCommandHandler extends aggregateCommandHandler(
  hourPackDecider,
  hourPackStream,
) {}
