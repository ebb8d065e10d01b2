import type { Command } from '../shared';
import type { WithdrawalAccountInput } from './withdrawal-account';

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
