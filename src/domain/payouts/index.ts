import { Decider } from '../shared';
import type { PayoutCommand } from './payout.commands';
import { decide as decidePayout } from './payout.decide';
import { PayoutEvent } from './payout.events';
import {
  evolve as evolvePayout,
  initialState as initialPayoutState,
  PayoutState,
} from './payout.state';
import type { WalletCommand } from './wallet.commands';
import { decide as decideWallet } from './wallet.decide';
import { WalletEvent } from './wallet.events';
import {
  evolve as evolveWallet,
  initialState as initialWalletState,
  WalletState,
} from './wallet.state';

export * from './wallet.events';
export * from './wallet.errors';
export * from './payout.events';
export {
  PAYOUT_ERROR_CODES,
  alreadyRequested,
  gatewayIdMismatch,
  payoutNotFound,
} from './payout.errors';
export type { PayoutErrorCode } from './payout.errors';
export * from './withdrawal-account';
export * from './payouts.personal-data';
export { assertWalletInvariant, walletBalance } from './wallet.state';
export type {
  OpenWalletState,
  WalletBalance,
  WalletPayout,
  WalletPayoutStatus,
  WalletState,
} from './wallet.state';
export { PAYOUT_STATUS_LABELS, PAYOUT_TERMINAL_STATUSES } from './payout.state';
export type { ExistingPayoutState, PayoutData, PayoutState, PayoutStatus } from './payout.state';
export type {
  ConfirmPayout,
  CreditWallet,
  RegisterWithdrawalAccount,
  ReserveWithdrawal,
  ReturnFailedPayout,
  WalletCommand,
} from './wallet.commands';
export type {
  MarkPayoutFailed,
  MarkPayoutSent,
  MarkPayoutSubmitted,
  PayoutCommand,
  RequestPayout,
} from './payout.commands';

export const walletDecider: Decider<WalletCommand, WalletState, WalletEvent> = {
  decide: decideWallet,
  evolve: evolveWallet,
  initialState: initialWalletState,
};

export const payoutDecider: Decider<PayoutCommand, PayoutState, PayoutEvent> = {
  decide: decidePayout,
  evolve: evolvePayout,
  initialState: initialPayoutState,
};
