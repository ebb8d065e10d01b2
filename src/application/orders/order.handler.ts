import { CommandHandler } from '@nestjs/cqrs';
import { orderDecider } from '../../domain/orders';
import { aggregateCommandHandler } from '../shared/aggregate-command';
import { OrderCommandMessage, orderStream } from './order.messages';

/** Executes every OrderCommandMessage, whoever sends it (HTTP, reactors, disputes, workers). */
@CommandHandler(OrderCommandMessage)
export class OrderCommandHandler extends aggregateCommandHandler(orderDecider, orderStream) {}
