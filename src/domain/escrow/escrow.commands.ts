import type { Command } from '../shared';
import type { EscrowSubject, RefundReason, ReleaseReason } from './escrow.events';

/** Opening always comes with the first payment: an escrow exists only once money is in it. */
export type OpenEscrow = Command<
  'OpenEscrow',
  {
    escrowId: string;
    subject: EscrowSubject;
    payerId: string;
    payeeId: string;
    commissionRateBp: number;
    trancheId: string;
    amountCents: number;
    paymentRef: string;
  }
>;
export type FundEscrow = Command<
  'FundEscrow',
  { trancheId: string; amountCents: number; paymentRef: string }
>;
export type ReleaseEscrow = Command<
  'ReleaseEscrow',
  {
    releaseId: string;
    amountCents: number;
    reason: ReleaseReason;
    disputeId?: string;
    decisionId?: string;
  }
>;
export type RefundEscrow = Command<
  'RefundEscrow',
  {
    refundId: string;
    amountCents: number;
    reason: RefundReason;
    disputeId?: string;
    decisionId?: string;
  }
>;
export type FreezeEscrow = Command<'FreezeEscrow', { disputeId: string }>;
export type UnfreezeEscrow = Command<'UnfreezeEscrow', { disputeId: string }>;

export type EscrowCommand =
  OpenEscrow | FundEscrow | ReleaseEscrow | RefundEscrow | FreezeEscrow | UnfreezeEscrow;
