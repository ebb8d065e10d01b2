import { CommandHandler } from '@nestjs/cqrs';
import { solidarityTypeDecider } from '../../domain/solidarity';
import { aggregateCommandHandler } from '../shared/aggregate-command';
import { SolidarityTypeCommandMessage, solidarityTypeStream } from './solidarity-type.messages';

@CommandHandler(SolidarityTypeCommandMessage)
export class SolidarityTypeCommandHandler extends aggregateCommandHandler(
  solidarityTypeDecider,
  solidarityTypeStream,
) {}
