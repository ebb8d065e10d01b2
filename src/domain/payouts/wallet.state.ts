import { Cents } from '../shared';
import { WalletEvent } from './wallet.events';
import { WithdrawalAccount } from './withdrawal-account';

export type WalletPayoutStatus = 'in_transit' | 'paid_out' | 'returned';

export interface WalletPayout {
  amountCents: Cents;
  accountId: string;
  status: WalletPayoutStatus;
}

export type WalletState =
  | { status: 'none' }
  | {
      status: 'open';
      providerId: string;
      creditedCents: Cents;
      availableCents: Cents;
      inTransitCents: Cents;
      paidOutCents: Cents;
      credits: Record<string, Cents>;
      accounts: Record<string, WithdrawalAccount>;
      /** Amount per payout, so that a return or settlement moves exactly what was reserved, once. */
      payouts: Record<string, WalletPayout>;
    };

export type OpenWalletState = Extract<WalletState, { status: 'open' }>;

export const initialState = (): WalletState => ({ status: 'none' });

/** Own-property lookup, so that ids such as `constructor` never hit Object.prototype. */
export function lookup<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function openWallet(state: WalletState, providerId: string): OpenWalletState {
  if (state.status === 'open') return state;
  return {
    status: 'open',
    providerId,
    creditedCents: 0,
    availableCents: 0,
    inTransitCents: 0,
    paidOutCents: 0,
    credits: {},
    accounts: {},
    payouts: {},
  };
}

/** Moves a payout out of transit, to the wallet (returned) or to the provider (paid out). */
function settle(state: WalletState, payoutId: string, to: 'returned' | 'paid_out'): WalletState {
  if (state.status !== 'open') return state;
  const payout = lookup(state.payouts, payoutId);
  if (!payout || payout.status !== 'in_transit') return state;
  const { amountCents } = payout;
  return {
    ...state,
    inTransitCents: state.inTransitCents - amountCents,
    availableCents: to === 'returned' ? state.availableCents + amountCents : state.availableCents,
    paidOutCents: to === 'paid_out' ? state.paidOutCents + amountCents : state.paidOutCents,
    payouts: { ...state.payouts, [payoutId]: { ...payout, status: to } },
  };
}

export function evolve(state: WalletState, event: WalletEvent): WalletState {
  switch (event.type) {
    case 'WalletCredited': {
      const wallet = openWallet(state, event.data.providerId);
      const { creditId, amountCents } = event.data;
      if (Object.hasOwn(wallet.credits, creditId)) return wallet;
      return {
        ...wallet,
        creditedCents: wallet.creditedCents + amountCents,
        availableCents: wallet.availableCents + amountCents,
        credits: { ...wallet.credits, [creditId]: amountCents },
      };
    }
    case 'WithdrawalAccountRegistered': {
      const wallet = openWallet(state, event.data.providerId);
      const { account } = event.data;
      return { ...wallet, accounts: { ...wallet.accounts, [account.accountId]: account } };
    }
    case 'WalletDebitedForPayout': {
      if (state.status !== 'open') return state;
      const { payoutId, amountCents, account } = event.data;
      if (Object.hasOwn(state.payouts, payoutId)) return state;
      return {
        ...state,
        availableCents: state.availableCents - amountCents,
        inTransitCents: state.inTransitCents + amountCents,
        payouts: {
          ...state.payouts,
          [payoutId]: { amountCents, accountId: account.accountId, status: 'in_transit' },
        },
      };
    }
    case 'WalletPayoutReturned':
      return settle(state, event.data.payoutId, 'returned');
    case 'WalletPayoutSettled':
      return settle(state, event.data.payoutId, 'paid_out');
    default:
      // Exhaustive at compile time, yet an unknown stored type leaves the state as is: evolve never
      // throws.
      event satisfies never;
      return state;
  }
}

export interface WalletBalance {
  creditedCents: Cents;
  availableCents: Cents;
  inTransitCents: Cents;
  paidOutCents: Cents;
}

export function walletBalance(state: WalletState): WalletBalance {
  if (state.status === 'none')
    return { creditedCents: 0, availableCents: 0, inTransitCents: 0, paidOutCents: 0 };
  const { creditedCents, availableCents, inTransitCents, paidOutCents } = state;
  return { creditedCents, availableCents, inTransitCents, paidOutCents };
}

/** Throws (a bug, not a user mistake) unless credited = available + in transit + paid out, none negative. */
export function assertWalletInvariant(state: WalletState): void {
  const b = walletBalance(state);
  const fail = (rule: string) => {
    throw new Error(`Wallet breaks "${rule}": ${JSON.stringify(b)}`);
  };
  if (b.creditedCents !== b.availableCents + b.inTransitCents + b.paidOutCents) {
    fail('credited = available + in transit + paid out');
  }
  if (Object.values(b).some((v) => !Number.isSafeInteger(v) || v < 0))
    fail('amounts are non-negative integer cents');
  if (state.status === 'open') {
    const inTransit = Object.values(state.payouts)
      .filter((p) => p.status === 'in_transit')
      .reduce((sum, p) => sum + p.amountCents, 0);
    if (inTransit !== b.inTransitCents) fail('in transit = sum of payouts in transit');
  }
}
