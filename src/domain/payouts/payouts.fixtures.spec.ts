// Shared builders for the payouts specs; the `.spec.ts` suffix keeps them out of the production build.
import { ActorRole, CommandMeta } from '../shared';
import {
  BankWithdrawalAccount,
  PaypalWithdrawalAccount,
  PayoutEvent,
  WalletCommand,
  WalletEvent,
  WithdrawalAccount,
} from './index';

export const NOW = '2025-03-14T09:30:00.000Z';
export const PROVIDER = 'seller-1';

export const meta = (actorId: string, actorRole: ActorRole): CommandMeta => ({
  now: NOW,
  actorId,
  actorRole,
});
export const asOwner = meta(PROVIDER, 'provider');
export const asOtherProvider = meta('seller-2', 'provider');
export const asSystem = meta('worker', 'system');
export const asFinance = meta('finance-1', 'finance');
export const asMediator = meta('mediator-1', 'mediator');

export const BANK: BankWithdrawalAccount = {
  accountId: 'acc-bank',
  kind: 'bank',
  iban: 'FR7630006000011234567890189',
  holderName: 'Marie Curie',
  ibanMasked: 'FR76 **** 0189',
};
export const PAYPAL: PaypalWithdrawalAccount = {
  accountId: 'acc-pp',
  kind: 'paypal',
  email: 'marie@example.fr',
};

export const credited = (
  creditId: string,
  amountCents: number,
  escrowId = 'esc-1',
): WalletEvent => ({
  type: 'WalletCredited',
  data: { providerId: PROVIDER, creditId, escrowId, amountCents },
});
export const accountRegistered = (account: WithdrawalAccount = BANK): WalletEvent => ({
  type: 'WithdrawalAccountRegistered',
  data: { providerId: PROVIDER, account },
});
export const debited = (
  payoutId: string,
  amountCents: number,
  account: WithdrawalAccount = BANK,
): WalletEvent => ({
  type: 'WalletDebitedForPayout',
  data: { providerId: PROVIDER, payoutId, amountCents, account },
});
export const returned = (payoutId: string, amountCents: number): WalletEvent => ({
  type: 'WalletPayoutReturned',
  data: { providerId: PROVIDER, payoutId, amountCents },
});
export const settled = (payoutId: string, amountCents: number): WalletEvent => ({
  type: 'WalletPayoutSettled',
  data: { providerId: PROVIDER, payoutId, amountCents },
});

export const payoutRequested = (
  amountCents = 5000,
  account: WithdrawalAccount = BANK,
): PayoutEvent => ({
  type: 'PayoutRequested',
  data: { payoutId: 'po-1', providerId: PROVIDER, amountCents, account },
});
export const payoutSubmitted = (gatewayPayoutId = 'po_gw_1'): PayoutEvent => ({
  type: 'PayoutSubmitted',
  data: { payoutId: 'po-1', gatewayPayoutId },
});
export const payoutSent = (gatewayPayoutId?: string, amountCents = 5000): PayoutEvent => ({
  type: 'PayoutSent',
  data: {
    payoutId: 'po-1',
    providerId: PROVIDER,
    amountCents,
    ...(gatewayPayoutId ? { gatewayPayoutId } : {}),
  },
});
export const payoutFailed = (
  failureCode = 'account_closed',
  failureMessage = 'The bank account is closed',
): PayoutEvent => ({
  type: 'PayoutFailed',
  data: { payoutId: 'po-1', providerId: PROVIDER, amountCents: 5000, failureCode, failureMessage },
});

export const credit = (
  creditId: string,
  amountCents: number,
  by: CommandMeta = asSystem,
): WalletCommand => ({
  type: 'CreditWallet',
  data: { providerId: PROVIDER, creditId, escrowId: 'esc-1', amountCents },
  meta: by,
});
export const register = (account: object, by: CommandMeta = asOwner): WalletCommand => ({
  type: 'RegisterWithdrawalAccount',
  data: { providerId: PROVIDER, ...account } as never,
  meta: by,
});
export const reserve = (
  payoutId: string,
  amountCents: number,
  accountId = BANK.accountId,
  by = asOwner,
): WalletCommand => ({
  type: 'ReserveWithdrawal',
  data: { providerId: PROVIDER, payoutId, amountCents, accountId },
  meta: by,
});
export const returnFailed = (payoutId: string, by: CommandMeta = asSystem): WalletCommand => ({
  type: 'ReturnFailedPayout',
  data: { providerId: PROVIDER, payoutId },
  meta: by,
});
export const confirm = (payoutId: string, by: CommandMeta = asSystem): WalletCommand => ({
  type: 'ConfirmPayout',
  data: { providerId: PROVIDER, payoutId },
  meta: by,
});
