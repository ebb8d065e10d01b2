import { CommandHandler } from '@nestjs/cqrs';
import { customRequestDecider } from '../../domain/orders';
import { aggregateCommandHandler } from '../shared/aggregate-command';
import { CustomRequestCommandMessage, customRequestStream } from './custom-request.messages';

@CommandHandler(CustomRequestCommandMessage)
export class CustomRequestCommandHandler extends aggregateCommandHandler(
  customRequestDecider,
  customRequestStream,
) {}
