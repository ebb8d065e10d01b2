import { Cents, DomainEvent, EventVersions } from '../shared';
import { WithdrawalAccount } from './withdrawal-account';

export type PayoutRequested = DomainEvent<
  'PayoutRequested',
  { payoutId: string; providerId: string; amountCents: Cents; account: WithdrawalAccount }
>;

/** The gateway accepted the payout; its id is kept to match webhooks and retries. */
export type PayoutSubmitted = DomainEvent<
  'PayoutSubmitted',
  { payoutId: string; gatewayPayoutId: string }
>;

export type PayoutSent = DomainEvent<
  'PayoutSent',
  { payoutId: string; providerId: string; amountCents: Cents; gatewayPayoutId?: string }
>;

/** An outcome, not an exception: the wallet reacts by taking the money back. */
export type PayoutFailed = DomainEvent<
  'PayoutFailed',
  {
    payoutId: string;
    providerId: string;
    amountCents: Cents;
    failureCode: string;
    failureMessage: string;
  }
>;

export type PayoutEvent = PayoutRequested | PayoutSubmitted | PayoutSent | PayoutFailed;

/**
 * Stored schema version per event type; raise one only with an upcaster (docs/event-store.md).
 * Version 2 of `PayoutRequested`: a bank account always has `ibanMasked`.
 */
export const PAYOUT_EVENT_VERSIONS: EventVersions<PayoutEvent['type']> = {
  PayoutRequested: 2,
  PayoutSubmitted: 1,
  PayoutSent: 1,
  PayoutFailed: 1,
};

export const payoutStreamName = (payoutId: string): string => `payout-${payoutId}`;
