import { CommandHandler } from '@nestjs/cqrs';
import { solidarityMonthDecider, solidarityMonthStream } from '../../domain/solidarity';
import { aggregateCommandHandler } from '../shared/aggregate-command';
import { SolidarityMonthCommandMessage } from './month-close.messages';

/**
 * Executes every SolidarityMonthCommandMessage. The close is the stream's first event, so its
 * append expects `no_stream`: two closes racing, one wins and the other, retried, finds the
 * month closed and records nothing.
 */
@CommandHandler(SolidarityMonthCommandMessage)
export class SolidarityMonthCommandHandler extends aggregateCommandHandler(
  solidarityMonthDecider,
  solidarityMonthStream,
) {}
