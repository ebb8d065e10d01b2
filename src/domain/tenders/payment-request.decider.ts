import type { Decider } from '../shared';
import type { PaymentRequestCommand } from './payment-request.commands';
import { decide } from './payment-request.decide';
import type { PaymentRequestEvent } from './payment-request.events';
import { evolve, initialState, type PaymentRequestState } from './payment-request.state';

export const paymentRequestDecider: Decider<
  PaymentRequestCommand,
  PaymentRequestState,
  PaymentRequestEvent
> = { decide, evolve, initialState };
