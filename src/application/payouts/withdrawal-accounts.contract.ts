import { walletDecider } from '../../domain/payouts';
import { loadAggregate } from '../shared/command-handling';
import type { EventStore } from '../shared/event-store.port';
import { walletStream } from './wallet.messages';

/**
 * Published contract of the payouts context: the withdrawal account a payout to this account
 * holder goes to (the one registered last), or null when they have none or their wallet is closed.
 */
export async function latestWithdrawalAccountId(
  store: EventStore,
  accountHolderId: string,
): Promise<string | null> {
  const { state } = await loadAggregate(store, walletStream(accountHolderId), walletDecider);
  if (state.status !== 'open') return null;
  const accounts = Object.values(state.accounts);
  return accounts[accounts.length - 1]?.accountId ?? null;
}
