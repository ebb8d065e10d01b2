import {
  paymentRequestStream as streamOf,
  type PaymentRequestCommand,
  type PaymentRequestState,
} from '../../domain/tenders';
import { AggregateCommandMessage } from '../shared/aggregate-command';
import { deterministicIdsIn } from '../shared/deterministic-id';

/** Published contract: send a PaymentRequestCommand to `payment_request-<requestId>` through the CommandBus. */
export class PaymentRequestCommandMessage extends AggregateCommandMessage<
  PaymentRequestCommand,
  PaymentRequestState
> {}

export const paymentRequestStream = streamOf;

const id = deterministicIdsIn('tenders:payment-requests');

/** One request per release: every invoice for a release lands on the same stream. */
export const paymentRequestId = (escrowId: string, releaseId: string): string =>
  id('request', escrowId, releaseId);

/**
 * The approved request's payout carries the request's own id (`payout-<requestId>`), so the
 * payout's outcome finds its request without a lookup table.
 */
export const paymentRequestPayoutId = (requestId: string): string => requestId;

/** The wallet credit of an approved request: the wallet ignores a second credit under it. */
export const paymentRequestCreditId = (requestId: string): string => id('credit', requestId);
