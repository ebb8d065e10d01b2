import { assertNever } from '../shared';
import type {
  ConfirmPayout,
  CreditWallet,
  RegisterWithdrawalAccount,
  ReserveWithdrawal,
  ReturnFailedPayout,
  WalletCommand,
} from './wallet.commands';
import { WalletEvent } from './wallet.events';
import {
  accountIdTaken,
  accountNotFound,
  idReused,
  insufficientBalance,
  noWithdrawalAccount,
  payoutAlreadySettled,
} from './wallet.errors';
import {
  assertId,
  assertOwner,
  assertPositiveCents,
  assertSameWallet,
  assertSystemOrFinance,
  knownPayout,
} from './wallet.guards';
import { lookup, WalletState } from './wallet.state';
import {
  sameAccount,
  validateWithdrawalAccount,
  WithdrawalAccountInput,
} from './withdrawal-account';

function credit(command: CreditWallet, state: WalletState): WalletEvent[] {
  const { providerId, creditId, escrowId, amountCents } = command.data;
  assertSystemOrFinance(command.meta);
  assertSameWallet(state, providerId);
  assertId(creditId, 'creditId');
  assertId(escrowId, 'escrowId');
  assertPositiveCents(amountCents, 'amountCents');
  if (state.status === 'open' && Object.hasOwn(state.credits, creditId)) {
    if (state.credits[creditId] === amountCents) return [];
    throw idReused('creditId', creditId);
  }
  return [{ type: 'WalletCredited', data: { providerId, creditId, escrowId, amountCents } }];
}

function registerAccount(command: RegisterWithdrawalAccount, state: WalletState): WalletEvent[] {
  const { providerId, ...input } = command.data;
  assertSameWallet(state, providerId);
  assertOwner(providerId, command.meta);
  const account = validateWithdrawalAccount(input as WithdrawalAccountInput);
  const existing = state.status === 'open' ? lookup(state.accounts, account.accountId) : undefined;
  if (existing) {
    if (sameAccount(existing, account)) return [];
    throw accountIdTaken(account.accountId);
  }
  return [{ type: 'WithdrawalAccountRegistered', data: { providerId, account } }];
}

function reserve(command: ReserveWithdrawal, state: WalletState): WalletEvent[] {
  const { providerId, payoutId, amountCents, accountId } = command.data;
  assertSameWallet(state, providerId);
  assertOwner(providerId, command.meta);
  assertId(payoutId, 'payoutId');
  assertId(accountId, 'accountId');
  assertPositiveCents(amountCents, 'amountCents');
  if (state.status === 'none' || Object.keys(state.accounts).length === 0)
    throw noWithdrawalAccount();
  const known = lookup(state.payouts, payoutId);
  if (known) {
    if (known.amountCents === amountCents && known.accountId === accountId) return [];
    throw idReused('payoutId', payoutId);
  }
  const account = lookup(state.accounts, accountId);
  if (!account) throw accountNotFound(accountId);
  if (amountCents > state.availableCents)
    throw insufficientBalance(state.availableCents, amountCents);
  return [{ type: 'WalletDebitedForPayout', data: { providerId, payoutId, amountCents, account } }];
}

function returnFailed(command: ReturnFailedPayout, state: WalletState): WalletEvent[] {
  const { providerId, payoutId } = command.data;
  assertSystemOrFinance(command.meta);
  assertSameWallet(state, providerId);
  assertId(payoutId, 'payoutId');
  const payout = knownPayout(state, payoutId);
  switch (payout.status) {
    case 'returned':
      return [];
    case 'paid_out':
      throw payoutAlreadySettled(payout.status);
    case 'in_transit':
      return [
        {
          type: 'WalletPayoutReturned',
          data: { providerId, payoutId, amountCents: payout.amountCents },
        },
      ];
    default:
      return assertNever(payout.status);
  }
}

function confirm(command: ConfirmPayout, state: WalletState): WalletEvent[] {
  const { providerId, payoutId } = command.data;
  assertSystemOrFinance(command.meta);
  assertSameWallet(state, providerId);
  assertId(payoutId, 'payoutId');
  const payout = knownPayout(state, payoutId);
  switch (payout.status) {
    case 'paid_out':
      return [];
    case 'returned':
      throw payoutAlreadySettled(payout.status);
    case 'in_transit':
      return [
        {
          type: 'WalletPayoutSettled',
          data: { providerId, payoutId, amountCents: payout.amountCents },
        },
      ];
    default:
      return assertNever(payout.status);
  }
}

export function decide(command: WalletCommand, state: WalletState): WalletEvent[] {
  switch (command.type) {
    case 'CreditWallet':
      return credit(command, state);
    case 'RegisterWithdrawalAccount':
      return registerAccount(command, state);
    case 'ReserveWithdrawal':
      return reserve(command, state);
    case 'ReturnFailedPayout':
      return returnFailed(command, state);
    case 'ConfirmPayout':
      return confirm(command, state);
    default:
      return assertNever(command);
  }
}
