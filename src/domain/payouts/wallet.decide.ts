import { assertNever, Cents, Command, CommandMeta } from '../shared';
import { WalletEvent } from './wallet.events';
import {
  accountIdTaken,
  accountNotFound,
  idReused,
  insufficientBalance,
  invalidAmount,
  invalidField,
  noWithdrawalAccount,
  notWalletOwner,
  onlySystemOrFinance,
  payoutAlreadySettled,
  providerMismatch,
  walletPayoutNotFound,
} from './wallet.errors';
import { lookup, WalletState } from './wallet.state';
import {
  sameAccount,
  validateWithdrawalAccount,
  WithdrawalAccountInput,
} from './withdrawal-account';

export type CreditWallet = Command<
  'CreditWallet',
  { providerId: string; creditId: string; escrowId: string; amountCents: number }
>;
export type RegisterWithdrawalAccount = Command<
  'RegisterWithdrawalAccount',
  { providerId: string } & WithdrawalAccountInput
>;
export type ReserveWithdrawal = Command<
  'ReserveWithdrawal',
  { providerId: string; payoutId: string; amountCents: number; accountId: string }
>;
export type ReturnFailedPayout = Command<
  'ReturnFailedPayout',
  { providerId: string; payoutId: string }
>;
export type ConfirmPayout = Command<'ConfirmPayout', { providerId: string; payoutId: string }>;

export type WalletCommand =
  CreditWallet | RegisterWithdrawalAccount | ReserveWithdrawal | ReturnFailedPayout | ConfirmPayout;

function assertId(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidField('WALLET_INVALID_FIELD', field, value, 'a non-empty string');
  }
}

function assertPositiveCents(value: unknown, field: string): asserts value is Cents {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw invalidAmount('WALLET_INVALID_AMOUNT', field, value);
  }
}

function assertOwner(providerId: string, meta: CommandMeta): void {
  if (meta.actorId !== providerId) throw notWalletOwner();
}

function assertSystemOrFinance(meta: CommandMeta): void {
  if (meta.actorRole !== 'system' && meta.actorRole !== 'finance') throw onlySystemOrFinance();
}

/** The stream is `wallet-<providerId>`, so a command naming another provider was routed wrongly. */
function assertSameWallet(state: WalletState, providerId: string): void {
  assertId(providerId, 'providerId');
  if (state.status === 'open' && state.providerId !== providerId)
    throw providerMismatch(state.providerId, providerId);
}

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

function knownPayout(state: WalletState, payoutId: string) {
  const payout = state.status === 'open' ? lookup(state.payouts, payoutId) : undefined;
  if (!payout) throw walletPayoutNotFound(payoutId);
  return payout;
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
