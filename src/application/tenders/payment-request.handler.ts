import { CommandHandler } from '@nestjs/cqrs';
import { paymentRequestDecider } from '../../domain/tenders';
import { aggregateCommandHandler } from '../shared/aggregate-command';
import { PaymentRequestCommandMessage, paymentRequestStream } from './payment-request.messages';

/** The payment request's one handler: the provider's and finance's routes and the payout reactor. */
@CommandHandler(PaymentRequestCommandMessage)
export class PaymentRequestCommandHandler extends aggregateCommandHandler(
  paymentRequestDecider,
  paymentRequestStream,
) {}
