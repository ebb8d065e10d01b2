import type { Command } from '../shared';
import type { WithdrawalAccount } from './withdrawal-account';

export type RequestPayout = Command<
  'RequestPayout',
  { payoutId: string; providerId: string; amountCents: number; account: WithdrawalAccount }
>;
export type MarkPayoutSubmitted = Command<'MarkPayoutSubmitted', { gatewayPayoutId: string }>;
export type MarkPayoutSent = Command<'MarkPayoutSent', { gatewayPayoutId?: string }>;
export type MarkPayoutFailed = Command<
  'MarkPayoutFailed',
  { failureCode: string; failureMessage: string }
>;

export type PayoutCommand = RequestPayout | MarkPayoutSubmitted | MarkPayoutSent | MarkPayoutFailed;
