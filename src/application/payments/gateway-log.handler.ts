import { CommandHandler } from '@nestjs/cqrs';
import { gatewayLogDecider } from '../../domain/payments';
import { aggregateCommandHandler } from '../shared/aggregate-command';
import { GatewayLogCommandMessage, gatewayLogStream } from './gateway-log.messages';

/** The gateway log's one handler: every provider notification is recorded through it. */
@CommandHandler(GatewayLogCommandMessage)
export class GatewayLogCommandHandler extends aggregateCommandHandler(
  gatewayLogDecider,
  gatewayLogStream,
) {}
