import type { Cents, CommandMeta } from '../shared';
import {
  invalidAmount,
  invalidField,
  notWalletOwner,
  onlySystemOrFinance,
  providerMismatch,
  walletPayoutNotFound,
} from './wallet.errors';
import { lookup, WalletState } from './wallet.state';

export function assertId(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidField('WALLET_INVALID_FIELD', field, value, 'a non-empty string');
  }
}

export function assertPositiveCents(value: unknown, field: string): asserts value is Cents {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw invalidAmount('WALLET_INVALID_AMOUNT', field, value);
  }
}

export function assertOwner(providerId: string, meta: CommandMeta): void {
  if (meta.actorId !== providerId) throw notWalletOwner();
}

export function assertSystemOrFinance(meta: CommandMeta): void {
  if (meta.actorRole !== 'system' && meta.actorRole !== 'finance') throw onlySystemOrFinance();
}

/** The stream is `wallet-<providerId>`, so a command naming another provider was routed wrongly. */
export function assertSameWallet(state: WalletState, providerId: string): void {
  assertId(providerId, 'providerId');
  if (state.status === 'open' && state.providerId !== providerId)
    throw providerMismatch(state.providerId, providerId);
}

export function knownPayout(state: WalletState, payoutId: string) {
  const payout = state.status === 'open' ? lookup(state.payouts, payoutId) : undefined;
  if (!payout) throw walletPayoutNotFound(payoutId);
  return payout;
}
