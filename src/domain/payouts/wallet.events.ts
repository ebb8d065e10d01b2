import { Cents, DomainEvent, EventVersions } from '../shared';
import { WithdrawalAccount } from './withdrawal-account';

export type WalletCredited = DomainEvent<
  'WalletCredited',
  {
    providerId: string;
    /** Derived from the causing EscrowReleased event id, so a replayed release never credits twice. */
    creditId: string;
    escrowId: string;
    amountCents: Cents;
  }
>;

export type WithdrawalAccountRegistered = DomainEvent<
  'WithdrawalAccountRegistered',
  { providerId: string; account: WithdrawalAccount }
>;

export type WalletDebitedForPayout = DomainEvent<
  'WalletDebitedForPayout',
  {
    providerId: string;
    payoutId: string;
    amountCents: Cents;
    /** Snapshot, so a later change of accounts never redirects money already on its way. */
    account: WithdrawalAccount;
  }
>;

export type WalletPayoutReturned = DomainEvent<
  'WalletPayoutReturned',
  { providerId: string; payoutId: string; amountCents: Cents }
>;

export type WalletPayoutSettled = DomainEvent<
  'WalletPayoutSettled',
  { providerId: string; payoutId: string; amountCents: Cents }
>;

export type WalletEvent =
  | WalletCredited
  | WithdrawalAccountRegistered
  | WalletDebitedForPayout
  | WalletPayoutReturned
  | WalletPayoutSettled;

/**
 * Stored schema version per event type; raise one only with an upcaster (docs/event-store.md).
 * Version 2 of the events carrying `account`: a bank account always has `ibanMasked`.
 */
export const WALLET_EVENT_VERSIONS: EventVersions<WalletEvent['type']> = {
  WalletCredited: 1,
  WithdrawalAccountRegistered: 2,
  WalletDebitedForPayout: 2,
  WalletPayoutReturned: 1,
  WalletPayoutSettled: 1,
};

export const walletStreamName = (providerId: string): string => `wallet-${providerId}`;
